import { createRepeatGuard } from './recent-codes'

describe('createRepeatGuard', () => {
  it('should submit a code once while it stays in front of the camera for 3 s', () => {
    const guard = createRepeatGuard()
    expect(guard.accept('DY1.a', 1000)).toBe(true)
    expect(guard.accept('DY1.a', 2000)).toBe(false)
    expect(guard.accept(' DY1.a ', 3999)).toBe(false)
    expect(guard.accept('DY1.a', 4000)).toBe(true)
  })

  it('should submit another code at once and ignore empty text', () => {
    const guard = createRepeatGuard()
    expect(guard.accept('DY1.a', 1000)).toBe(true)
    expect(guard.accept('DY1.b', 1001)).toBe(true)
    expect(guard.accept('   ', 1002)).toBe(false)
  })

  it('should ignore a used code for as long as it could still be on the member screen', () => {
    const guard = createRepeatGuard()
    expect(guard.accept('DY1.a', 1000)).toBe(true)
    guard.markUsed('DY1.a', 1500)
    expect(guard.accept('DY1.a', 5000)).toBe(false)
    expect(guard.accept('DY1.a', 61_499)).toBe(false)
    expect(guard.accept('DY1.a', 61_500)).toBe(true)
  })
})
