/** The words on the 获取验证码 button: sending, counting down to the next send, or ready (again). */
export function sendButtonText(state: { sending: boolean; secondsLeft: number; sentOnce: boolean }): string {
  if (state.sending) return '发送中…'
  if (state.secondsLeft > 0) return `${state.secondsLeft}秒后重发`
  return state.sentOnce ? '重新获取' : '获取验证码'
}

/** Seconds until the next send may be asked for, from when the last one was sent. */
export const secondsLeft = (sentAt: number | null, waitSeconds: number, now: number): number =>
  sentAt === null ? 0 : Math.max(0, Math.ceil((sentAt + waitSeconds * 1000 - now) / 1000))
