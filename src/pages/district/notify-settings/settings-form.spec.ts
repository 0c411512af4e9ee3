import { changedFrom, checkSettings, formOf, leadText, toSettingsData } from './settings-form'

const saved = { noticeWorkingDays: 5, briefDeadlineWorkingDays: 5, reminderEveningTime: '20:00', reminderLeadMinutes: 60, updatedAt: null, updatedBy: null }

describe('the district notify settings form', () => {
  test('opens with the saved values and sends them back as numbers', () => {
    const form = formOf(saved)
    expect(form).toEqual({ noticeWorkingDays: '5', briefDeadlineWorkingDays: '5', reminderEveningTime: '20:00', reminderLeadMinutes: '60' })
    expect(changedFrom(form, saved)).toBe(false)
    expect(toSettingsData({ ...form, noticeWorkingDays: ' 3 ' })).toEqual({ noticeWorkingDays: 3, briefDeadlineWorkingDays: 5, reminderEveningTime: '20:00', reminderLeadMinutes: 60 })
    expect(changedFrom({ ...form, noticeWorkingDays: '3' }, saved)).toBe(true)
  })

  test('asks for each number, whole, by the field name the server uses; the limits are the server’s to say', () => {
    expect(checkSettings({ ...formOf(saved), noticeWorkingDays: '', reminderLeadMinutes: '1.5' })).toEqual({
      noticeWorkingDays: '请填写预约预告提前工作日',
      reminderLeadMinutes: '开始前提醒（分钟）须为整数',
    })
    expect(checkSettings({ ...formOf(saved), noticeWorkingDays: '31' })).toEqual({})
  })

  test('says the lead reminder in hours and minutes, or that there is none', () => {
    expect(leadText(0)).toBe('开始前不再提醒')
    expect(leadText(60)).toBe('开始前1小时再提醒一次')
    expect(leadText(90)).toBe('开始前1小时30分钟再提醒一次')
    expect(leadText(45)).toBe('开始前45分钟再提醒一次')
  })
})
