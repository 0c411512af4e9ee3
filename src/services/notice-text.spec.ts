import { shortNoticeText } from './notice-text'

describe('the 预约预告 warning on the create form', () => {
  test('says the working days the start gives, the rule and the earliest date', () => {
    expect(shortNoticeText({ workingDays: 0, required: 5, earliestDateLabel: '12月10日（周四）', holidays: [] })).toBe(
      '距开始只有0个工作日，按规定活动须提前5个工作日发布，最早可安排在12月10日（周四）',
    )
  })

  test('names the holidays in between, which is why so few days count', () => {
    expect(shortNoticeText({ workingDays: 3, required: 5, earliestDateLabel: '2月26日（周四）', holidays: ['春节'] })).toBe(
      '距开始只有3个工作日（中间有春节假期），按规定活动须提前5个工作日发布，最早可安排在2月26日（周四）',
    )
    expect(shortNoticeText({ workingDays: 1, required: 5, earliestDateLabel: '10月14日（周二）', holidays: ['国庆节', '中秋节'] })).toContain('（中间有国庆节、中秋节假期）')
  })
})
