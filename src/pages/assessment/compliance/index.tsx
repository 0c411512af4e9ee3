import { useCallback, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Card } from '@/components/card'
import { ChoiceChips } from '@/components/choice-chips'
import { ListFooter } from '@/components/list-footer'
import { PageShell } from '@/components/page-shell'
import { useElderMode } from '@/hooks/use-elder-mode'
import { shellStatusOf } from '@/hooks/use-paged-list'
import { assessmentApi, type ComplianceList, type ComplianceQuery } from '@/services/api/assessment'
import { beijingParts } from '@/services/beijing-time'
import { PROFILE_PAGE } from '@/services/navigation'
import { Chart } from '../shared/chart'
import { ExportButtons } from '../shared/export-buttons'
import { Figures, RuleSetLine, YearChips, type Figure } from '../shared/summary'
import { useMemberList } from '../shared/use-member-list'
import { ComplianceRowCard } from './compliance-row'
import { gridChips, quarterChart, SORT_CHIPS, statusChips, TYPE_CHIPS, typeChart, type MemberTypeKey, type SortKey, type StatusFilter } from './compliance-display'
import './index.scss'

type Filters = { year: number; status: StatusFilter; memberType: MemberTypeKey | 'all'; gridId: string; sort: SortKey }

const queryOf = (filters: Filters): ComplianceQuery => ({
  year: filters.year,
  status: filters.status,
  sort: filters.sort,
  ...(filters.memberType === 'all' ? {} : { memberType: filters.memberType }),
  ...(filters.gridId === 'all' ? {} : { gridId: filters.gridId }),
})

/** The numbers at the top: 达标 / 未达标 / 本季度尚无服务 / 免除. */
const figuresOf = (view: ComplianceList): Figure[] => [
  { key: 'met', value: view.counts.met, label: '达标' },
  { key: 'behind', value: view.counts.behind, label: '未达标', alert: view.counts.behind > 0 },
  ...(view.currentQuarter ? [{ key: 'no-service', value: view.counts.noServiceThisQuarter, label: '本季度尚无服务', alert: view.counts.noServiceThisQuarter > 0 }] : []),
  { key: 'exempt', value: view.counts.exempt, label: '免除' },
]

/** 考核达标 (secretary; a district admin with ?communityId=): who is behind, by how much and by when, with the numbers and a chart. */
export default function CompliancePage() {
  const now = beijingParts(new Date())
  const [elder] = useElderMode()
  const [chart, setChart] = useState<'quarter' | 'type'>('quarter')
  const { params } = useRouter()
  const communityId = params.communityId ? decodeURIComponent(params.communityId) : undefined
  const fetchPage = useCallback(
    (filters: Filters, page: { limit: number; offset: number }) => assessmentApi.complianceList({ ...queryOf(filters), ...(communityId ? { communityId } : {}) }, page),
    [communityId],
  )
  const { filters, change, view, list, retry } = useMemberList<Filters, ComplianceList>(
    { year: now.year, status: 'all', memberType: 'all', gridId: 'all', sort: 'most_behind' },
    fetchPage,
  )

  const chartData = useMemo(() => (view ? (chart === 'quarter' ? quarterChart(view) : typeChart(view)) : null), [view, chart])
  const quarterRunning = Boolean(view?.currentQuarter)

  return (
    <PageShell title="考核达标" backTo={PROFILE_PAGE} elderToggle status={view ? 'ready' : list.status} error={list.error} onRetry={retry}>
      {view && (
        <View className="assessment-page compliance">
          <YearChips thisYear={now.year} year={filters.year} onChange={(year) => change({ year })} />
          <Card title={`${view.community.name} · ${view.year}年考核达标`}>
            <Figures figures={figuresOf(view)} />
            <Text className="assessment-note">
              共 {view.counts.members} 名党员{view.counts.notAssessed > 0 ? `，${view.counts.notAssessed} 名不考核` : ''}。每条适用的规则都达到（或经批准免除）为达标，任一条未达到为未达标。
            </Text>
            {!elder && <RuleSetLine ruleSet={view.ruleSet} />}
            <ExportButtons
              choices={[
                { key: 'compliance', text: '导出 Excel', fetchFile: () => assessmentApi.exportComplianceList({ year: view.year, ...(communityId ? { communityId } : {}) }) },
                // A secretary's own community's rates; a district admin exports her district's from 考核与达标率.
                ...(communityId ? [] : [{ key: 'rates', text: '导出组织比率', fetchFile: () => assessmentApi.exportOrganisationRates(view.year) }]),
              ]}
            />
          </Card>

          {chartData && chartData.categories.length > 0 && (
            <Card title={chart === 'quarter' ? '各季度有无服务的人数' : '各类党员达标人数'}>
              <ChoiceChips
                options={[
                  { value: 'quarter', text: '按季度' },
                  { value: 'type', text: '按党员类型' },
                ]}
                value={chart}
                onChange={setChart}
              />
              <Chart {...chartData} />
            </Card>
          )}

          <View className="compliance__filters">
            <ChoiceChips options={statusChips(view.counts, quarterRunning)} value={filters.status} onChange={(status) => change({ status })} />
            <ChoiceChips options={TYPE_CHIPS} value={filters.memberType} onChange={(memberType) => change({ memberType })} />
            {view.grids.length > 1 && <ChoiceChips options={gridChips(view.grids)} value={filters.gridId} onChange={(gridId) => change({ gridId })} />}
            <ChoiceChips options={SORT_CHIPS} value={filters.sort} onChange={(sort) => change({ sort })} />
          </View>

          <PageShell
            requireLogin={false}
            status={shellStatusOf(list.status, list.items.length)}
            error={list.error}
            onRetry={retry}
            empty={{ title: '没有符合条件的党员', hint: '换个筛选条件看看' }}
          >
            <View className="compliance__list">
              <Text className="assessment-note compliance__count">共 {list.total} 人</Text>
              {list.items.map((row) => (
                <ComplianceRowCard key={row.id} row={row} elder={elder} place={row.gridName ?? '未分网格'} quarterRunning={quarterRunning} />
              ))}
              <ListFooter shown={list.items.length} total={list.total} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} unit="人" />
            </View>
          </PageShell>
        </View>
      )}
    </PageShell>
  )
}
