import { PostDemandInput } from '@core/demands/demands.schemas'
import { POST_NEED_LABELS } from '@core/demands/need-labels'
import { EMPTY_NEED, isDirty, needFieldOf, restoredNeed, toPostDemandData, validateNeed, withDefaults, type NeedField, type NeedForm } from './validate-need'
import { upcomingDays, windowOf } from './when-choices'

const valid: NeedForm = {
  kind: 'repair',
  description: '厨房水龙头漏水，需要更换',
  address: '幸福小区3栋2单元501',
  contactPhone: '13800138000',
  day: '',
  period: 'allDay',
}

/** The fields the server's schema rejects, under the form's fields, with their messages. */
function serverFields(form: NeedForm): Partial<Record<NeedField, string>> {
  const result = PostDemandInput.safeParse({ ...toPostDemandData(form), kind: form.kind || undefined })
  if (result.success) return {}
  const fields: Partial<Record<NeedField, string>> = {}
  for (const issue of result.error.issues) fields[needFieldOf(issue.path.join('.'))!] ??= issue.message
  return fields
}

/** The label each field is shown under, in both modes. */
const LABEL_OF: Record<NeedField, string> = {
  kind: POST_NEED_LABELS.kind,
  description: POST_NEED_LABELS.description,
  address: POST_NEED_LABELS.address,
  contactPhone: POST_NEED_LABELS.contactPhone,
  when: POST_NEED_LABELS.when,
}

const cases: [string, Partial<NeedForm>][] = [
  ['a complete need', {}],
  ['no kind', { kind: '' }],
  ['a plain kind with nothing said', { kind: 'medicine', description: '' }],
  ['其他 with nothing said', { kind: 'other', description: '' }],
  ['其他 in three characters', { kind: 'other', description: '修鞋柜' }],
  ['a 501-character description', { description: '修'.repeat(501) }],
  ['a blank address', { address: '   ' }],
  ['a 121-character address', { address: '址'.repeat(121) }],
  ['a ten-digit phone', { contactPhone: '1380013800' }],
  ['a phone starting 12', { contactPhone: '12800138000' }],
  ['a day', { day: '2026-11-24', period: 'morning' }],
]

describe('validateNeed', () => {
  it.each(cases)('should reject the same fields as the server for %s', (_name, change) => {
    const form = { ...valid, ...change }
    expect(Object.keys(validateNeed(form)).sort()).toEqual(Object.keys(serverFields(form)).sort())
  })

  it.each(cases)('should name each field in the words of its label for %s, as the server does', (_name, change) => {
    const form = { ...valid, ...change }
    for (const errors of [validateNeed(form), serverFields(form)]) {
      for (const [field, message] of Object.entries(errors)) expect(message).toContain(LABEL_OF[field as NeedField])
    }
  })

  it('should ask for 具体说说 in those words', () => {
    expect(validateNeed({ ...valid, kind: 'other', description: '' }).description).toBe('请填写具体说说')
    expect(serverFields({ ...valid, kind: 'other', description: '' }).description).toBe('请填写具体说说')
    expect(validateNeed({ ...valid, kind: '' }).kind).toBe('请选择需要帮什么忙')
  })

  it('should send the plain kind, trimmed, with the window only when a day is chosen', () => {
    expect(toPostDemandData({ ...valid, kind: 'medicine', description: '  降压药  ' })).toEqual({
      kind: 'medicine', description: '降压药', address: valid.address, contactPhone: valid.contactPhone,
    })
    expect(toPostDemandData({ ...valid, description: ' ', day: '2026-12-01', period: 'morning' })).toEqual({
      kind: 'repair', address: valid.address, contactPhone: valid.contactPhone,
      wantedFrom: '2026-12-01T08:00:00+08:00', wantedUntil: '2026-12-01T12:00:00+08:00',
    })
  })
})

describe('the draft and the defaults', () => {
  const now = new Date('2026-11-23T10:00:00+08:00')

  it('should fill the phone and address from the account only where nothing is typed', () => {
    const defaults = { contactPhone: '13900001111', address: '幸福小区1栋101' }
    expect(withDefaults(EMPTY_NEED, defaults)).toMatchObject(defaults)
    expect(withDefaults({ ...EMPTY_NEED, address: '女儿家' }, defaults)).toMatchObject({ contactPhone: '13900001111', address: '女儿家' })
  })

  it('should count the form as changed only when it differs from where it started', () => {
    const start = withDefaults(EMPTY_NEED, { contactPhone: '13900001111', address: '幸福小区1栋101' })
    expect(isDirty(start, start)).toBe(false)
    expect(isDirty({ ...start, period: 'morning' }, start)).toBe(false)
    expect(isDirty({ ...start, kind: 'medicine' }, start)).toBe(true)
    expect(isDirty({ ...start, address: '幸福小区1栋102' }, start)).toBe(true)
  })

  it('should drop from a draft a day that has passed and a kind no longer offered', () => {
    const saved = { ...valid, kind: 'gone' as NeedForm['kind'], day: '2026-11-20' }
    expect(restoredNeed(saved, now)).toMatchObject({ kind: '', day: '' })
    expect(restoredNeed({ ...valid, day: '2026-11-24' }, now)).toMatchObject({ kind: 'repair', day: '2026-11-24' })
  })
})

describe('the time chips', () => {
  it('should offer today until 8 p.m. Beijing time, then start from tomorrow', () => {
    expect(upcomingDays(new Date('2026-11-23T19:00:00+08:00'))[0]).toEqual({ date: '2026-11-23', text: '今天' })
    expect(upcomingDays(new Date('2026-11-23T21:00:00+08:00'))[0]).toEqual({ date: '2026-11-24', text: '明天' })
    // 01:00 in Beijing is still the 22nd in UTC: the days follow Beijing.
    expect(upcomingDays(new Date('2026-11-22T17:00:00Z'))[3]).toEqual({ date: '2026-11-26', text: '周四 11/26' })
  })

  it('should turn a day and a part of it into a Beijing window the server accepts', () => {
    const window = windowOf('2026-12-01', 'morning')
    expect(window).toEqual({ wantedFrom: '2026-12-01T08:00:00+08:00', wantedUntil: '2026-12-01T12:00:00+08:00' })
    expect(PostDemandInput.safeParse(toPostDemandData({ ...valid, day: '2026-12-01', period: 'morning' })).success).toBe(true)
  })
})
