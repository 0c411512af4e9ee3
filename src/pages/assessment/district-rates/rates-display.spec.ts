import { percent, rateChart, sectionsOf, shortName, type RatedOrganisation } from './rates-display'

const organisation = (id: string, kind: 'community' | 'unit', streetName: string | null, registration: { rate: number | null; threshold: number }): RatedOrganisation => ({
  id,
  kind,
  name: `组织${id}`,
  streetId: streetName,
  streetName,
  ruleSet: { name: '台山 2020', version: null, origin: 'default' },
  status: 'passing',
  rates: [
    { measure: 'registration_rate', title: '注册率', clause: '000', status: 'met', rate: registration.rate, threshold: registration.threshold, numerator: 0, denominator: 0, short: 0, advice: '' },
  ],
  consequences: [],
})

describe('the district rates page’s figures', () => {
  it('should put communities under their street in order, then the units', () => {
    const sections = sectionsOf([
      organisation('1', 'community', '台城街道', { rate: 95, threshold: 95 }),
      organisation('2', 'community', '台城街道', { rate: 90, threshold: 95 }),
      organisation('3', 'community', '大江镇', { rate: 100, threshold: 95 }),
      organisation('4', 'unit', null, { rate: 80, threshold: 95 }),
    ])
    expect(sections.map((section) => [section.title, section.organisations.map((one) => one.id)])).toEqual([
      ['台城街道', ['1', '2']],
      ['大江镇', ['3']],
      ['单位党组织', ['4']],
    ])
  })

  it('should chart one rate per organisation with the commonest threshold as the line, and leave a blank where nothing is counted', () => {
    const chart = rateChart(
      [
        organisation('1', 'community', '台城街道', { rate: 95, threshold: 95 }),
        organisation('2', 'community', '大江镇', { rate: null, threshold: 95 }),
        organisation('3', 'unit', null, { rate: 88.8, threshold: 90 }),
      ],
      'registration_rate',
      '在职党员义工注册率',
    )
    expect(chart.categories).toEqual(['组织1', '组织2', '组织3'])
    expect(chart.series[0].values).toEqual([95, null, 88.8])
    expect(chart.target).toEqual({ value: 95, label: '达标线' })
  })

  it('should shorten a name to fit under its bar', () => {
    expect(['光明社区', '示例区人民医院', '市教育局'].map(shortName)).toEqual(['光明', '人民医院', '市教育局'])
  })

  it('should write a rate with its percent sign, and a dash without a denominator', () => {
    expect([percent(95), percent(88.8), percent(null)]).toEqual(['95%', '88.8%', '—'])
  })
})
