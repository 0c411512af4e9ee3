import type { RateKey } from '@core/assessment/rate-definitions'
import type { DistrictCompliance, OrganisationRates } from '@/services/api/assessment'
import type { StatusTone } from '@/services/status-words'
import type { ChartData } from '../shared/chart/chart.types'

export type RatedOrganisation = OrganisationRates['organisations'][number]
export type Rate = RatedOrganisation['rates'][number]

export const ORGANISATION_STATUS: Record<RatedOrganisation['status'], { text: string; tone: StatusTone }> = {
  passing: { text: '全部达标', tone: 'done' },
  failing: { text: '未达标', tone: 'alert' },
  not_assessed: { text: '不考核', tone: 'muted' },
}

export const RATE_STATUS: Record<Rate['status'], { text: string; tone: StatusTone }> = {
  met: { text: '达标', tone: 'done' },
  not_met: { text: '未达标', tone: 'alert' },
  not_applicable: { text: '不考核', tone: 'muted' },
}

/** 95.0 → 95%, 88.8 → 88.8%, no denominator → —. */
export const percent = (rate: number | null) => (rate === null ? '—' : `${rate}%`)

/** Communities under their street, in the order given, then the units. */
export function sectionsOf(organisations: RatedOrganisation[]): { title: string; organisations: RatedOrganisation[] }[] {
  const sections: { title: string; organisations: RatedOrganisation[] }[] = []
  for (const organisation of organisations.filter((one) => one.kind === 'community')) {
    const title = organisation.streetName ?? '街道'
    const last = sections[sections.length - 1]
    if (last && last.title === title) last.organisations.push(organisation)
    else sections.push({ title, organisations: [organisation] })
  }
  const units = organisations.filter((one) => one.kind === 'unit')
  if (units.length > 0) sections.push({ title: '单位党组织', organisations: units })
  return sections
}

/** The commonest threshold of the rate among the organisations (rule sets may differ by street). */
function usualThreshold(rates: Rate[]): number | null {
  const counts = new Map<number, number>()
  for (const rate of rates) counts.set(rate.threshold, (counts.get(rate.threshold) ?? 0) + 1)
  let best: number | null = null
  for (const [threshold, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = threshold
  return best
}

/**
 * A name short enough to sit under a bar at 375 px: 光明社区 → 光明; a unit keeps its last four characters, which tell
 * it apart from the others (示例区人民医院 → 人民医院), its first ones being the district's name.
 */
export function shortName(name: string): string {
  const bare = name.replace(/社区$/, '')
  return bare.length > 4 ? bare.slice(-4) : bare
}

/** One rate of every organisation as bars (under short names), with the threshold as the target line. */
export function rateChart(organisations: RatedOrganisation[], measure: RateKey, label: string): ChartData {
  const rated = organisations.map((organisation) => ({ name: organisation.name, rate: organisation.rates.find((rate) => rate.measure === measure) }))
  const threshold = usualThreshold(rated.flatMap((one) => (one.rate ? [one.rate] : [])))
  return {
    categories: rated.map((one) => shortName(one.name)),
    series: [{ name: label, kind: 'bar', values: rated.map((one) => one.rate?.rate ?? null), tone: 'active' }],
    target: threshold === null ? undefined : { value: threshold, label: '达标线' },
    unit: '%',
    max: 100,
  }
}

/** Members 达标 and 未达标 per community, side by side. */
export function complianceChart(view: DistrictCompliance): ChartData {
  return {
    categories: view.communities.map((community) => community.name),
    series: [
      { name: '达标', kind: 'bar', values: view.communities.map((community) => community.met), tone: 'done' },
      { name: '未达标', kind: 'bar', values: view.communities.map((community) => community.notMet), tone: 'waiting' },
    ],
    unit: '人',
  }
}
