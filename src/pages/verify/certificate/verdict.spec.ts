import { verdictOf } from './verdict'

const certificate = {
  number: 'ZM2026-000001', holderName: '王**燚', hours: 4.7, serviceCount: 3, periodFrom: '2026-01-01', periodTo: '2026-06-30',
  issuerName: '幸福社区', issuedOn: '2026-11-23', revokedOn: null, replacedByNumber: null,
}

describe('the verdict of the public certificate check', () => {
  it('should say 有效 for a valid certificate, 已作废 naming the replacement for a revoked one, and 无法核验 otherwise', () => {
    expect(verdictOf({ status: 'valid', certificate })).toMatchObject({ word: '有效', tone: 'done' })
    expect(verdictOf({ status: 'revoked', certificate: { ...certificate, revokedOn: '2026-11-24', replacedByNumber: 'ZM2026-000002' } }).explanation).toContain('ZM2026-000002')
    expect(verdictOf({ status: 'revoked', certificate: { ...certificate, revokedOn: '2026-11-24' } })).toMatchObject({ word: '已作废', tone: 'alert' })
    expect(verdictOf({ status: 'unknown', certificate: null })).toMatchObject({ word: '无法核验', tone: 'alert' })
  })
})
