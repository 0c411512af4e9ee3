import { useCallback, useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Card } from '@/components/card'
import { PageShell } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { useElderMode } from '@/hooks/use-elder-mode'
import { assessmentApi, type MemberStanding } from '@/services/api/assessment'
import { beijingParts } from '@/services/beijing-time'
import { PROFILE_PAGE, ROUTES } from '@/services/navigation'
import { Chart } from '../shared/chart'
import { YearChips } from '../shared/summary'
import { useYearDetail } from '../shared/use-year-detail'
import { RuleCard } from './rule-card'
import { ELIGIBILITY_TONES, hoursChart, type HelpAction } from './standing-display'
import './index.scss'

const HELP_ROUTES: Record<HelpAction, string> = {
  suggest: ROUTES.memberSuggest,
  commit: ROUTES.memberCommitments,
  orders: ROUTES.memberHome,
}

const ORIGIN_NOTES: Record<MemberStanding['ruleSet']['origin'], string> = {
  chosen: '',
  earlier_year: '（沿用往年的考核办法）',
  default: '（未选定考核办法，按默认）',
}

/** Hours to a tenth, never rounded up: 24.96 hours do not read as the 25 they fall short of. */
const tenthsDown = (hours: number) => Math.floor(hours * 10 + 1e-6) / 10

/** 我的考核: each rule of my rule set met or not, what is left and by when, my 优秀 eligibility, my hours by month. An admin opens a member's with ?memberId=. */
export default function MyStandingPage() {
  const { params } = useRouter()
  const memberId = params.memberId ? decodeURIComponent(params.memberId) : null
  const now = beijingParts(new Date())
  const [elder] = useElderMode()
  const fetchYear = useCallback(
    (year: number) => (memberId ? assessmentApi.memberStanding(memberId, year) : assessmentApi.myStanding(year)),
    [memberId],
  )
  const { data, status, error, reload, year, setYear } = useYearDetail(now.year, fetchYear, '找不到这位党员')

  const chart = useMemo(() => (data ? hoursChart(data, now) : null), [data, now.year, now.month])
  const onHelp = memberId ? undefined : (action: HelpAction) => void Taro.navigateTo({ url: HELP_ROUTES[action] })
  const title = memberId ? '党员考核' : '我的考核'

  return (
    <PageShell title={title} backTo={PROFILE_PAGE} elderToggle status={status} error={error} onRetry={() => void reload()}>
      {data && chart && (
        <View className="assessment-page my-standing">
          <YearChips thisYear={now.year} year={year} onChange={setYear} />

          <Card
            title={memberId ? `${data.member.name} · ${data.year}年考核` : `${data.year}年考核`}
            extra={data.closed ? <StatusTag tone="muted">已结束</StatusTag> : <StatusTag tone="active">进行中</StatusTag>}
          >
            <Text className="my-standing__rule-set">
              {data.ruleSet.name}
              {ORIGIN_NOTES[data.ruleSet.origin]}
            </Text>
            {!elder && <Text className="assessment-note assessment-note--small my-standing__source">依据：{data.ruleSet.source}</Text>}
            {!elder && (
              <Text className="assessment-note assessment-note--small">
                {data.member.memberTypeLabel} · {data.member.communityName}
                {data.member.gridName ? ` · ${data.member.gridName}` : ''}
              </Text>
            )}
            <View className="my-standing__eligibility">
              {data.eligibility.map((one) => (
                <View key={one.consequence} className="my-standing__eligibility-line" data-status={one.status}>
                  <StatusTag tone={ELIGIBILITY_TONES[one.status]}>{one.status === 'eligible' ? '可以' : '不可'}</StatusTag>
                  <Text className="my-standing__eligibility-text">{one.text}</Text>
                </View>
              ))}
            </View>
          </Card>

          {data.rules.length === 0 ? (
            <Card>
              <Text className="assessment-note">{data.year}年的考核办法没有适用于您的条目。</Text>
            </Card>
          ) : (
            data.rules.map((rule) => <RuleCard key={rule.ruleId} rule={rule} elder={elder} onHelp={onHelp} />)
          )}

          <Card title="每月服务时长" className="my-standing__chart">
            <Text className="assessment-note">
              {data.year}年已计入 {tenthsDown(data.creditedHours)} 小时
              {data.targetHours ? `，目标 ${tenthsDown(data.targetHours)} 小时` : ''}
            </Text>
            <Chart {...chart} />
            {!memberId && (
              <Text className="my-standing__link" onClick={() => void Taro.navigateTo({ url: ROUTES.memberHours })}>
                查看我的时长与服务记录 ›
              </Text>
            )}
            <Text className="my-standing__link" onClick={() => void Taro.navigateTo({ url: ROUTES.recordCard(memberId ?? undefined) })}>
              {memberId ? `${data.member.name}的社区服务记录卡 ›` : '我的社区服务记录卡 ›'}
            </Text>
          </Card>
        </View>
      )}
    </PageShell>
  )
}
