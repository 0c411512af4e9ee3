jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {}, useDidShow: jest.fn(), usePullDownRefresh: jest.fn(), useReachBottom: jest.fn() }))
jest.mock('@/services/session', () => ({ getSession: () => null }))

import { appendPage } from './use-paged-list'

describe('appendPage', () => {
  it('should append the next page after the shown items', () => {
    expect(appendPage([{ id: 'a' }], [{ id: 'b' }, { id: 'c' }]).map((item) => item.id)).toEqual(['a', 'b', 'c'])
  })

  it('should skip items already shown when the list shifted between pages', () => {
    expect(appendPage([{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'c' }]).map((item) => item.id)).toEqual(['a', 'b', 'c'])
  })
})
