import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Dialog } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { ChoiceChips } from '@/components/choice-chips'
import { PageShell } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { useElderMode } from '@/hooks/use-elder-mode'
import { RATE_DEFINITIONS, RATE_KEYS, type RateKey } from '@core/assessment/rate-definitions'
import { assessmentApi, type DistrictCompliance, type OrganisationRates } from '@/services/api/assessment'
import { beijingParts } from '@/services/beijing-time'
import { PROFILE_PAGE } from '@/services/navigation'
import { Chart, chartSummary } from '../shared/chart'
import { ExportButtons } from '../shared/export-buttons'
import { Figures, RuleSetLine, YearChips } from '../shared/summary'
import { useYearDetail } from '../shared/use-year-detail'
import { complianceChart, ORGANISATION_STATUS, percent, RATE_STATUS, rateChart, sectionsOf, type RatedOrganisation } from './rates-display'
import './index.scss'

type Tab = 'rates' | 'members'
type Filter = 'all' | 'failing'

const SHORT_LABELS: Record<RateKey, string> = { registration_rate: '注册率', participation_rate: '参与率', satisfaction_rate: '满意率' }

/** One organisation's three rates, each with its pass/fail, why, and the way it is counted one tap away. */
function OrganisationCard({ organisation, elder, onDefinition }: { organisation: RatedOrganisation; elder: boolean; onDefinition: (key: RateKey) => void }) {
  const status = ORGANISATION_STATUS[organisation.status]
  return (
    <Card
      className="district-rates__organisation"
      title={<Text className="district-rates__name">{organisation.name}</Text>}
      extra={<StatusTag tone={status.tone}>{status.text}</StatusTag>}
      tone={organisation.status === 'failing' ? 'alert' : 'plain'}
    >
      {organisation.rates.map((rate) => (
        <View key={rate.measure} className="district-rates__rate" data-measure={rate.measure} data-status={rate.status}>
          <View className="district-rates__rate-head">
            <Text className="district-rates__rate-label">{SHORT_LABELS[rate.measure]}</Text>
            <Text className="district-rates__rate-figure">{percent(rate.rate)}</Text>
            {!elder && <Text className="district-rates__rate-counts">{rate.numerator}/{rate.denominator}，达标 {rate.threshold}%</Text>}
            <StatusTag tone={RATE_STATUS[rate.status].tone}>{RATE_STATUS[rate.status].text}</StatusTag>
          </View>
          {rate.status === 'not_met' && <Text className="district-rates__why">{rate.advice}</Text>}
          <Text className="district-rates__definition" onClick={() => onDefinition(rate.measure)}>
            {elder ? '怎么算 ›' : `${RATE_DEFINITIONS[rate.measure].short} 口径 ›`}
          </Text>
        </View>
      ))}
      {organisation.consequences.length > 0 && <Text className="district-rates__consequence">后果：{organisation.consequences.join('；')}</Text>}
      {!elder && <RuleSetLine ruleSet={organisation.ruleSet} />}
    </Card>
  )
}

function RatesTab({ view, elder, onDefinition }: { view: OrganisationRates; elder: boolean; onDefinition: (key: RateKey) => void }) {
  const [filter, setFilter] = useState<Filter>('all')
  const [measure, setMeasure] = useState<RateKey>('registration_rate')
  const shown = filter === 'failing' ? view.organisations.filter((organisation) => organisation.status === 'failing') : view.organisations
  const chart = useMemo(() => rateChart(view.organisations, measure, RATE_DEFINITIONS[measure].label), [view, measure])
  // Read aloud with the organisations' full names; the bars carry short ones.
  const summary = useMemo(() => chartSummary({ ...chart, categories: view.organisations.map((organisation) => organisation.name) }), [chart, view])
  return (
    <View>
      <Card title={`${view.district?.name ?? ''}${view.year}年组织考核`}>
        <Figures
          figures={[
            { key: 'passing', value: view.summary.passing, label: '全部达标' },
            { key: 'failing', value: view.summary.failing, label: '未达标', alert: true },
            { key: 'not-assessed', value: view.summary.notAssessed, label: '不考核' },
          ]}
        />
        <Text className="assessment-note">共 {view.summary.organisations} 个组织（社区和单位党组织）。任一比率低于达标值，当年不得参加评选评优。</Text>
        <ExportButtons choices={[{ key: 'rates', text: '导出 Excel', fetchFile: () => assessmentApi.exportOrganisationRates(view.year) }]} />
      </Card>

      <Card title="各组织比率与达标线">
        <ChoiceChips options={RATE_KEYS.map((key) => ({ value: key, text: SHORT_LABELS[key] }))} value={measure} onChange={setMeasure} />
        <Chart {...chart} summary={summary} />
        <Text className="district-rates__definition" onClick={() => onDefinition(measure)}>
          {RATE_DEFINITIONS[measure].label}：{RATE_DEFINITIONS[measure].short} 完整口径 ›
        </Text>
      </Card>

      <ChoiceChips
        options={[
          { value: 'all', text: `全部（${view.summary.organisations}）` },
          { value: 'failing', text: `未达标（${view.summary.failing}）` },
        ]}
        value={filter}
        onChange={setFilter}
      />
      {shown.length === 0 && (
        <Card>
          <Text className="assessment-note">没有未达标的组织。</Text>
        </Card>
      )}
      {sectionsOf(shown).map((section) => (
        <View key={section.title} className="district-rates__section">
          <Text className="district-rates__section-title">{section.title}</Text>
          {section.organisations.map((organisation) => (
            <OrganisationCard key={organisation.id} organisation={organisation} elder={elder} onDefinition={onDefinition} />
          ))}
        </View>
      ))}
    </View>
  )
}

function MembersTab({ view }: { view: DistrictCompliance }) {
  const chart = useMemo(() => complianceChart(view), [view])
  const streets: { title: string; communities: DistrictCompliance['communities'] }[] = []
  for (const community of view.communities) {
    const last = streets[streets.length - 1]
    if (last && last.title === community.streetName) last.communities.push(community)
    else streets.push({ title: community.streetName, communities: [community] })
  }
  return (
    <View>
      <Card title={`${view.district.name}${view.year}年党员达标`}>
        <Figures
          figures={[
            { key: 'met', value: view.totals.met, label: '达标' },
            { key: 'not-met', value: view.totals.notMet, label: '未达标', alert: true },
            { key: 'exempt', value: view.totals.exempt, label: '免除' },
          ]}
        />
        <Text className="assessment-note">
          共 {view.totals.members} 名党员{view.totals.notAssessed > 0 ? `，其中 ${view.totals.notAssessed} 名不考核` : ''}。与社区考核达标情况同一口径：每条适用的规则都达到（或经批准免除）为达标。
        </Text>
      </Card>
      {view.communities.length > 0 && (
        <Card title="各社区达标人数">
          <Chart {...chart} />
        </Card>
      )}
      {streets.map((street) => (
        <View key={street.title} className="district-rates__section">
          <Text className="district-rates__section-title">{street.title}</Text>
          {street.communities.map((community) => (
            <Card key={community.id} className="district-rates__community" title={<Text className="district-rates__name">{community.name}</Text>} extra={<Text className="district-rates__rate-counts">{community.members} 人</Text>}>
              <Text className="district-rates__counts">
                达标 {community.met} · 未达标 {community.notMet} · 免除 {community.exempt}
                {community.notAssessed > 0 ? ` · 不考核 ${community.notAssessed}` : ''}
              </Text>
            </Card>
          ))}
        </View>
      ))}
    </View>
  )
}

/** The district's organisation rates and its members' compliance for one year, as one answer. */
async function fetchBoth(year: number) {
  const [rates, compliance] = await Promise.all([assessmentApi.organisationRates(year), assessmentApi.districtCompliance(year)])
  if (!rates.ok) return rates
  if (!compliance.ok) return compliance
  return { ok: true as const, data: { rates: rates.data, compliance: compliance.data } }
}

/** 考核与达标率 (district admin): every organisation's rates against its thresholds, and the members' compliance by community. */
export default function DistrictRatesPage() {
  const now = beijingParts(new Date())
  const [tab, setTab] = useState<Tab>('rates')
  const [definition, setDefinition] = useState<RateKey | null>(null)
  const [elder] = useElderMode()
  const { data, status, error, reload, year, setYear } = useYearDetail(now.year, fetchBoth, '')

  const shownDefinition = definition ? RATE_DEFINITIONS[definition] : null
  return (
    <PageShell title="考核与达标率" backTo={PROFILE_PAGE} elderToggle status={status} error={error} onRetry={() => void reload()}>
      {data && (
        <View className="assessment-page district-rates">
          <YearChips thisYear={now.year} year={year} onChange={setYear} />
          <ChoiceChips
            options={[
              { value: 'rates', text: '组织比率' },
              { value: 'members', text: '党员达标' },
            ]}
            value={tab}
            onChange={setTab}
          />
          {tab === 'rates' ? <RatesTab view={data.rates} elder={elder} onDefinition={setDefinition} /> : <MembersTab view={data.compliance} />}
        </View>
      )}
      <Dialog
        className="district-rates__definition-dialog"
        visible={shownDefinition !== null}
        title={shownDefinition?.label ?? ''}
        confirmText="知道了"
        hideCancelButton
        onConfirm={() => setDefinition(null)}
        onClose={() => setDefinition(null)}
      >
        {shownDefinition?.full.map((line) => (
          <Text key={line} className="district-rates__definition-line">{line}</Text>
        ))}
      </Dialog>
    </PageShell>
  )
}
