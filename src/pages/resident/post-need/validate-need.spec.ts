import { PostDemandInput } from '@core/demands/demands.schemas'
import { toPostDemandData, validateNeed, type NeedForm } from './validate-need'
import { upcomingDays, windowOf } from './when-choices'

const valid: NeedForm = {
  category: '社区服务',
  subItem: '家电、水电维修',
  description: '厨房水龙头漏水，需要更换',
  address: '幸福小区3栋2单元501',
  contactPhone: '13800138000',
  wantedFrom: '',
  wantedUntil: '',
}

/** The fields the server's schema rejects, with their messages. */
function serverFields(form: NeedForm): Record<string, string> {
  const result = PostDemandInput.safeParse({ ...toPostDemandData(form), category: form.category || undefined })
  if (result.success) return {}
  const fields: Record<string, string> = {}
  for (const issue of result.error.issues) fields[issue.path.join('.')] ??= issue.message
  return fields
}

describe('validateNeed', () => {
  const cases: [string, Partial<NeedForm>][] = [
    ['a complete need', {}],
    ['no category', { category: '', subItem: '' }],
    ['a sub-item of another category', { subItem: '义诊' }],
    ['a three-character description', { description: '修水管' }],
    ['a 501-character description', { description: '修'.repeat(501) }],
    ['a blank address', { address: '   ' }],
    ['a 121-character address', { address: '址'.repeat(121) }],
    ['a ten-digit phone', { contactPhone: '1380013800' }],
    ['a phone starting 12', { contactPhone: '12800138000' }],
    ['a window ending before it starts', { wantedFrom: '2026-11-24T12:00:00+08:00', wantedUntil: '2026-11-24T08:00:00+08:00' }],
    ['a window', { wantedFrom: '2026-11-24T08:00:00+08:00', wantedUntil: '2026-11-24T12:00:00+08:00' }],
  ]

  it.each(cases)('should reject the same fields as the server for %s', (_name, change) => {
    const form = { ...valid, ...change }
    const server = serverFields(form)
    const client = validateNeed(form)
    // The server checks sub-items in the use case (DEMAND_SUB_ITEM_MISMATCH), not in the schema.
    if (change.subItem === '义诊') {
      expect(client).toEqual({ subItem: '服务子项不属于所选服务类别' })
      return
    }
    expect(Object.keys(client).sort()).toEqual(Object.keys(server).sort())
  })

  it('should use the server messages for the fields it names', () => {
    const form = { ...valid, description: '修水管', address: '', contactPhone: '123' }
    const server = serverFields(form)
    expect(validateNeed(form)).toEqual({ description: server.description, address: server.address, contactPhone: server.contactPhone })
  })

  it('should send only the filled fields, trimmed', () => {
    expect(toPostDemandData({ ...valid, subItem: '', description: '  厨房水龙头漏水  ' })).toEqual({
      category: '社区服务',
      description: '厨房水龙头漏水',
      address: valid.address,
      contactPhone: valid.contactPhone,
    })
  })
})

describe('the time chips', () => {
  it('should offer today until 8 p.m. Beijing time, then start from tomorrow', () => {
    expect(upcomingDays(new Date('2026-11-23T19:00:00+08:00'))[0]).toEqual({ offset: 0, text: '今天' })
    expect(upcomingDays(new Date('2026-11-23T21:00:00+08:00'))[0]).toEqual({ offset: 1, text: '明天' })
    // 01:00 in Beijing is still the 22nd in UTC: the days follow Beijing.
    expect(upcomingDays(new Date('2026-11-22T17:00:00Z'))[3].text).toBe('周四 11/26')
  })

  it('should turn a day and a part of it into a Beijing window the server accepts', () => {
    const window = windowOf(1, 'morning', new Date('2026-11-30T09:00:00+08:00'))
    expect(window).toEqual({ wantedFrom: '2026-12-01T08:00:00+08:00', wantedUntil: '2026-12-01T12:00:00+08:00' })
    expect(PostDemandInput.safeParse({ ...toPostDemandData({ ...valid, ...window }) }).success).toBe(true)
  })
})

