import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Card } from '@/components/card'
import { ChoiceChips } from '@/components/choice-chips'
import { InfoRow } from '@/components/info-row'
import { PageShell } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { reportsApi, type QuarterlyReportStatus } from '@/services/api/reports'
import type { ApiError } from '@/services/api/types'
import { formatTime } from '@/services/beijing-time'
import { ROUTES } from '@/services/navigation'
import { getSession } from '@/services/session'
import { dueText, parseQuarterKey, quarterKey, recentQuarters } from '../shared/quarters'
import './index.scss'

type Item = QuarterlyReportStatus['items'][number]

const STATUS_TAGS = {
  overdue: { tone: 'alert', text: '已逾期' },
  waiting: { tone: 'waiting', text: '未提交' },
  submitted: { tone: 'done', text: '已报送' },
} as const

/** 季报表报送情况 (district admin): every community and unit of the district for a quarter, who has not submitted first. */
export default function QuarterlyStatusPage() {
  const quarters = recentQuarters(new Date())
  const [quarter, setQuarter] = useState(quarters[0].value)
  const [status, setStatus] = useState<QuarterlyReportStatus | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const request = useRef(0)

  const load = async (key = quarter) => {
    if (!getSession()) return
    const ticket = ++request.current
    const result = await reportsApi.quarterlyReportStatus(parseQuarterKey(key))
    Taro.stopPullDownRefresh()
    if (ticket !== request.current) return
    if (result.ok) {
      setStatus(result.data)
      setError(null)
    } else setError(result.error)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load())

  const open = (item: Item) => {
    const { year, quarter: q } = parseQuarterKey(quarter)
    void Taro.navigateTo({ url: ROUTES.quarterlyReportOf(item.kind, item.id, year, q) })
  }

  const shown = status && quarterKey(status) === quarter ? status : null
  return (
    <PageShell title="季报表报送情况" elderToggle>
      <View className="quarterly-status">
        <ChoiceChips
          options={quarters}
          value={quarter}
          onChange={(key) => {
            setQuarter(key)
            setStatus(null)
            void load(key)
          }}
        />
        <PageShell requireLogin={false} status={error ? 'error' : shown ? 'ready' : 'loading'} error={error} onRetry={() => void load()}>
          {shown && (
            <View className="quarterly-status__body">
              <Card title={`已报送 ${shown.counts.submitted} / ${shown.counts.total}`} tone={shown.counts.overdue > 0 ? 'alert' : 'plain'}>
                <InfoRow label="截止日期" value={dueText(shown, shown.counts.submitted === shown.counts.total)} />
                <InfoRow label="未提交" value={`${shown.counts.total - shown.counts.submitted} 个`} hint={shown.counts.overdue > 0 ? `其中 ${shown.counts.overdue} 个已逾期` : undefined} />
              </Card>
              {shown.items.map((item) => (
                <Card
                  key={item.id}
                  className="quarterly-status__item"
                  title={item.name}
                  extra={<StatusTag tone={STATUS_TAGS[item.status].tone}>{item.submission?.late ? '迟交' : STATUS_TAGS[item.status].text}</StatusTag>}
                  onClick={() => open(item)}
                >
                  <Text className="quarterly-status__who">{item.kind === 'community' ? `社区 · ${item.streetName ?? ''}` : '单位'}</Text>
                  {item.submission && (
                    <InfoRow
                      label={`第${item.submission.version}版`}
                      value={`注册义工${item.submission.registeredVolunteers}人 · 活动${item.submission.activities}项 · ${item.submission.hours}小时`}
                      hint={`${formatTime(item.submission.submittedAt)}报送${item.submission.seen ? ' · 已查阅' : ' · 未查阅'}`}
                    />
                  )}
                </Card>
              ))}
            </View>
          )}
        </PageShell>
      </View>
    </PageShell>
  )
}
