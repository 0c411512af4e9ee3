import { slipCodeFromText } from '@core/registration/slip-code'
import { slipShareText, slipTarget } from './slip-share'

const slip = {
  code: 'ABCD2345',
  linkPath: '/pages/join/register/index?slip=ABCD2345',
  link: null,
  memberName: '方明',
  unitName: '区司法局',
  communityName: '幸福社区',
  reportBy: '2026-12-31',
}
const NOW = new Date('2026-11-23T02:00:00Z')

describe('slipTarget', () => {
  it.each([
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080/#/pages/join/register/index?slip=ABCD2345'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080/#/pages/join/register/index?slip=ABCD2345'],
    ['https://dy.example.cn/app/index.html', 'https://dy.example.cn/app/index.html#/pages/join/register/index?slip=ABCD2345'],
    ['https://dy.example.cn/#/pages/unit/slips/index', 'https://dy.example.cn/#/pages/join/register/index?slip=ABCD2345'],
  ])('should make a full H5 link from %s', (page, link) => {
    expect(slipTarget(slip, page)).toBe(link)
  })

  it('should give the mini-program path where there is no address', () => {
    expect(slipTarget(slip, null)).toBe('pages/join/register/index?slip=ABCD2345')
  })

  it("should give the H5 app's public link in the mini-program when the server knows it", () => {
    const linked = { ...slip, link: 'https://yigong.example.cn/#/pages/join/register/index?slip=ABCD2345' }
    expect(slipTarget(linked, null)).toBe('https://yigong.example.cn/#/pages/join/register/index?slip=ABCD2345')
  })
})

describe('slipShareText', () => {
  it('should carry the full link in H5, with the code and the deadline', () => {
    const text = slipShareText(slip, 'http://127.0.0.1:8080/', NOW)
    expect(text).toBe('方明同志：区司法局请您于12月31日前到幸福社区报到。打开链接填写报到登记表：http://127.0.0.1:8080/#/pages/join/register/index?slip=ABCD2345 （报到码 ABCD2345）')
    expect(slipCodeFromText(text)).toBe('ABCD2345')
  })

  it('should say in the mini-program how to open the form and where to type the code', () => {
    const text = slipShareText(slip, null, NOW)
    expect(text).toContain('「党员报到登记」')
    expect(text).toContain('填写 ABCD2345')
    expect(text).toContain('pages/join/register/index?slip=ABCD2345')
    expect(slipCodeFromText(text)).toBe('ABCD2345')
  })

  it("should carry the public link in the mini-program's share text when the server knows it, with the mini-program way too", () => {
    const text = slipShareText({ ...slip, link: 'https://yigong.example.cn/#/pages/join/register/index?slip=ABCD2345' }, null, NOW)
    expect(text).toContain('打开链接填写报到登记表：https://yigong.example.cn/#/pages/join/register/index?slip=ABCD2345 （报到码 ABCD2345）')
    expect(text).toContain('「党员报到登记」')
    expect(slipCodeFromText(text)).toBe('ABCD2345')
  })

  it('should give the year of a deadline in another year', () => {
    expect(slipShareText({ ...slip, reportBy: '2027-01-15' }, null, NOW)).toContain('请您于2027年1月15日前')
  })
})
