import { secondsLeft, sendButtonText } from './countdown'

describe('the 获取验证码 button', () => {
  it('should say what a tap does now', () => {
    expect(sendButtonText({ sending: false, secondsLeft: 0, sentOnce: false })).toBe('获取验证码')
    expect(sendButtonText({ sending: true, secondsLeft: 0, sentOnce: false })).toBe('发送中…')
    expect(sendButtonText({ sending: false, secondsLeft: 42, sentOnce: true })).toBe('42秒后重发')
    expect(sendButtonText({ sending: false, secondsLeft: 0, sentOnce: true })).toBe('重新获取')
  })

  it('should count down whole seconds to the next send and stop at zero', () => {
    expect(secondsLeft(null, 60, 5_000)).toBe(0)
    expect(secondsLeft(0, 60, 0)).toBe(60)
    expect(secondsLeft(0, 60, 59_001)).toBe(1)
    expect(secondsLeft(0, 60, 60_000)).toBe(0)
    expect(secondsLeft(0, 60, 90_000)).toBe(0)
  })
})
