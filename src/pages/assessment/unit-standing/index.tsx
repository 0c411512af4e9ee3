import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Card } from '@/components/card'
import { ChoiceChips } from '@/components/choice-chips'
import { ListFooter } from '@/components/list-footer'
import { PageShell } from '@/components/page-shell'
import { useElderMode } from '@/hooks/use-elder-mode'
import { shellStatusOf } from '@/hooks/use-paged-list'
import { assessmentApi, type UnitStanding } from '@/services/api/assessment'
import { beijingParts } from '@/services/beijing-time'
import { PROFILE_PAGE } from '@/services/navigation'
import { ComplianceRowCard } from '../compliance/compliance-row'
import { ExportButtons } from '../shared/export-buttons'
import { Figures, YearChips } from '../shared/summary'
import { useMemberList } from '../shared/use-member-list'
import { SORT_CHIPS, statusChips, type SortKey, type StatusFilter } from '../compliance/compliance-display'
import './index.scss'

type Filters = { year: number; status: StatusFilter; sort: SortKey }

/**
 * 党员服务情况 (unit admin; a district admin with ?unitId=): how the unit's in-service members serve in the
 * communities they reported to, each with their standing (004 §三.3: 年底将党员服务情况反馈给所在单位).
 */
export default function UnitStandingPage() {
  const now = beijingParts(new Date())
  const [elder] = useElderMode()
  const { params } = useRouter()
  const unitId = params.unitId ? decodeURIComponent(params.unitId) : undefined
  const fetchPage = useCallback(
    (filters: Filters, page: { limit: number; offset: number }) => assessmentApi.unitStanding({ ...filters, ...(unitId ? { unitId } : {}) }, page),
    [unitId],
  )
  const { filters, change, view, list, retry } = useMemberList<Filters, UnitStanding>({ year: now.year, status: 'all', sort: 'most_behind' }, fetchPage)
  const quarterRunning = Boolean(view?.currentQuarter)

  return (
    <PageShell title="党员服务情况" backTo={PROFILE_PAGE} elderToggle status={view ? 'ready' : list.status} error={list.error} onRetry={retry}>
      {view && (
        <View className="assessment-page unit-standing">
          <YearChips thisYear={now.year} year={filters.year} onChange={(year) => change({ year })} />
          <Card title={`${view.unit.name} · ${view.year}年在职党员服务情况`}>
            <Figures
              figures={[
                { key: 'met', value: view.counts.met, label: '达标' },
                { key: 'behind', value: view.counts.behind, label: '未达标', alert: true },
                { key: 'exempt', value: view.counts.exempt, label: '免除' },
              ]}
            />
            <Text className="assessment-note">
              共 {view.counts.members} 名在职党员，按各自报到社区的考核办法计算；社区年底将党员服务情况反馈给所在单位，即此页所列。
            </Text>
            <ExportButtons
              choices={[{ key: 'compliance', text: '导出 Excel', fetchFile: () => assessmentApi.exportComplianceList({ year: view.year, ...(unitId ? { unitId } : {}) }) }]}
            />
          </Card>

          {view.byCommunity.length > 0 && (
            <Card title="按报到社区">
              {view.byCommunity.map((community) => (
                <View key={community.communityId} className="unit-standing__community" data-community={community.communityId}>
                  <Text className="unit-standing__community-name">{community.communityName}</Text>
                  <Text className="unit-standing__community-counts">
                    {community.members} 人：达标 {community.met} · 未达标 {community.behind}
                    {community.exempt > 0 ? ` · 免除 ${community.exempt}` : ''}
                  </Text>
                  {!elder && <Text className="assessment-note">考核办法：{community.ruleSet}</Text>}
                </View>
              ))}
            </Card>
          )}

          <View className="unit-standing__filters">
            <ChoiceChips options={statusChips(view.counts, quarterRunning)} value={filters.status} onChange={(status) => change({ status })} />
            <ChoiceChips options={SORT_CHIPS} value={filters.sort} onChange={(sort) => change({ sort })} />
          </View>

          <PageShell
            requireLogin={false}
            status={shellStatusOf(list.status, list.items.length)}
            error={list.error}
            onRetry={retry}
            empty={{ title: '没有符合条件的党员', hint: view.counts.members === 0 ? '本单位的在职党员到社区报到后会出现在这里' : '换个筛选条件看看' }}
          >
            <View className="unit-standing__list">
              <Text className="assessment-note unit-standing__count">共 {list.total} 人</Text>
              {list.items.map((row) => (
                <ComplianceRowCard key={row.id} row={row} elder={elder} place={row.communityName} quarterRunning={quarterRunning} />
              ))}
              <ListFooter shown={list.items.length} total={list.total} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} unit="人" />
            </View>
          </PageShell>
        </View>
      )}
    </PageShell>
  )
}
