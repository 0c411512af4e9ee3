import type { CertificateVerification } from '@/services/api/certificates'
import type { StatusTone } from '@/services/status-words'

export interface Verdict {
  word: string
  tone: StatusTone
  explanation: string
}

/** What the page says, in large words, for each answer of the public check. */
export function verdictOf(result: CertificateVerification): Verdict {
  if (result.status === 'valid') return { word: '有效', tone: 'done', explanation: '这份志愿服务证明由出具单位出具，现仍有效。请核对下列信息与纸面证明一致。' }
  if (result.status === 'revoked') {
    const replaced = result.certificate?.replacedByNumber
    return {
      word: '已作废',
      tone: 'alert',
      explanation: replaced ? `这份证明已作废，出具单位另出具了证明 ${replaced}。` : '这份证明已被出具单位作废，不再有效。',
    }
  }
  return { word: '无法核验', tone: 'alert', explanation: '证明编号或核验码不正确：请核对纸面证明上的编号和核验码，或联系出具单位。' }
}
