import { useCallback, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell, type PageStatus } from '@/components/page-shell'
import { recordsApi } from '@/services/api/records'
import type { ApiError, MyHours, ServiceRecord } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { getSession } from '@/services/session'
import { Card } from '@/components/card'
import { EmptyState } from '@/components/empty-state'
import { StatusTag } from '@/components/status-tag'
import { useElderMode } from '@/hooks/use-elder-mode'
import { RECORD_STATUS_WORDS } from '@/services/status-words'
import { formatHours } from '../shared/order-display'
import { MyDisputes } from './my-disputes'
import { quarterBars, targetPercent } from './hours-chart'
import { formatBusinessDate, inBeijing } from '@/services/beijing-time'
import './index.scss'

const PAGE_SIZE = 20

/** 我的时长: this year against the target, by quarter, scanned vs hand-entered, and every record. */
export default function MyHoursPage() {
  const thisYear = inBeijing(new Date()).year()
  const [year, setYear] = useState(thisYear)
  const [hours, setHours] = useState<MyHours | null>(null)
  const [records, setRecords] = useState<ServiceRecord[]>([])
  const [status, setStatus] = useState<PageStatus>('loading')
  const [error, setError] = useState<ApiError | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string | null>(null)
  const request = useRef(0)
  const [elder] = useElderMode()

  const load = useCallback(async (forYear: number, quiet = false) => {
    if (!getSession()) return
    const ticket = ++request.current
    if (!quiet) setStatus('loading')
    const result = await recordsApi.myHours({ year: forYear, page: { limit: PAGE_SIZE, offset: 0 } })
    Taro.stopPullDownRefresh()
    if (ticket !== request.current) return
    if (!result.ok) {
      setError(result.error)
      setStatus('error')
      return
    }
    setHours(result.data)
    setRecords(result.data.records)
    setMoreError(null)
    setStatus('ready')
  }, [])

  const loadMore = async () => {
    if (!hours || loadingMore || records.length >= hours.total) return
    const ticket = request.current
    setLoadingMore(true)
    const result = await recordsApi.myHours({ year, page: { limit: PAGE_SIZE, offset: records.length } })
    setLoadingMore(false)
    if (ticket !== request.current) return
    if (!result.ok) {
      setMoreError(result.error.message)
      return
    }
    setMoreError(null)
    setRecords((previous) => [...previous, ...result.data.records.filter((record) => !previous.some((known) => known.id === record.id))])
  }

  const shownOnce = useRef(false)
  useDidShow(() => {
    void load(year, shownOnce.current)
    shownOnce.current = true
  })
  usePullDownRefresh(() => void load(year, true))
  useReachBottom(() => void loadMore())

  const chooseYear = (next: number) => {
    if (next === year) return
    setYear(next)
    void load(next)
  }

  return (
    <PageShell title="我的时长" tab="member-hours" elderToggle status={status} error={error} onRetry={() => void load(year)}>
      {hours && (
        <View className="my-hours">
          <View className="my-hours__years">
            {[thisYear, thisYear - 1].map((option) => (
              <View
                key={option}
                className={`my-hours__year${option === year ? ' my-hours__year--on' : ''}`}
                onClick={() => chooseYear(option)}
              >
                {option === thisYear ? `今年（${option}）` : `${option}年`}
              </View>
            ))}
          </View>

          <Summary hours={hours} />
          <Quarters hours={hours} />
          <MyDisputes />

          <View className="my-hours__section-title">服务记录（共 {hours.total} 条）</View>
          {records.length === 0 ? (
            <EmptyState
              title={`${hours.year}年还没有服务记录`}
              hint={elder ? '接单去服务，时长会记在这里。' : '接单并到场服务，由书记扫码签到、签退后，时长会记在这里。'}
            >
              <Button type="primary" size="large" block onClick={() => void Taro.redirectTo({ url: ROUTES.memberHome })}>
                去接单大厅
              </Button>
            </EmptyState>
          ) : (
            <View className="my-hours__records">
              {records.map((record) => (
                <RecordCard key={record.id} record={record} elder={elder} />
              ))}
              <View className="my-hours__footer">
                {records.length < hours.total ? (
                  <Button size="large" fill="outline" type="primary" loading={loadingMore} onClick={() => void loadMore()}>
                    {moreError ? `${moreError}，点此重试` : `加载更多（还有 ${hours.total - records.length} 条）`}
                  </Button>
                ) : (
                  <Text className="my-hours__end">已显示全部 {hours.total} 条</Text>
                )}
              </View>
            </View>
          )}
        </View>
      )}
    </PageShell>
  )
}

function Summary({ hours }: { hours: MyHours }) {
  const percent = targetPercent(hours.creditedHours, hours.targetHours)
  const reached = hours.creditedHours >= hours.targetHours
  return (
    <Card>
      <View className="my-hours__total">
        <Text className="my-hours__total-number">{formatHours(hours.creditedHours).replace(' 小时', '')}</Text>
        <Text className="my-hours__total-unit">小时</Text>
        <Text className="my-hours__total-label">{hours.year}年已计入 · {hours.services} 次服务</Text>
      </View>
      <View className="my-hours__target">
        <Text>年度目标 {formatHours(hours.targetHours)}</Text>
        <Text className={reached ? 'my-hours__reached' : 'my-hours__missing'}>
          {reached ? '已达标' : `还差 ${formatHours(hours.targetHours - hours.creditedHours)}`}
        </Text>
      </View>
      <View className="my-hours__bar" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
        <View className={`my-hours__bar-fill${reached ? ' my-hours__bar-fill--done' : ''}`} style={{ width: `${percent}%` }} />
      </View>
      <Text className="my-hours__percent">完成 {percent}%</Text>

      <View className="my-hours__split">
        <View className="my-hours__stat">
          <Text className="my-hours__stat-number">{formatHours(hours.scannedHours)}</Text>
          <Text className="my-hours__stat-label">扫码签到时长</Text>
        </View>
        <View className="my-hours__stat">
          <Text className="my-hours__stat-number">{formatHours(hours.manualHours)}</Text>
          <Text className="my-hours__stat-label">书记补录时长</Text>
        </View>
        <View className="my-hours__stat">
          <Text className={`my-hours__stat-number${hours.pendingHours > 0 ? ' my-hours__stat-number--pending' : ''}`}>
            {formatHours(hours.pendingHours)}
          </Text>
          <Text className="my-hours__stat-label">待审核</Text>
        </View>
      </View>
      {hours.pendingHours > 0 && (
        <Text className="my-hours__pending-hint">单日超过8小时等情况需社区书记审核，审核通过后计入。</Text>
      )}
      {hours.awaitingResidentHours > 0 && (
        <Text className="my-hours__pending-hint">另有 {formatHours(hours.awaitingResidentHours)} 上门服务待居民确认，确认后计入。</Text>
      )}
    </Card>
  )
}

function Quarters({ hours }: { hours: MyHours }) {
  const bars = quarterBars(hours.byQuarter)
  return (
    <Card title="按季度">
      <View className="my-hours__chart">
        {bars.map((bar) => (
          <View key={bar.quarter} className="my-hours__column">
            <Text className="my-hours__column-value">{bar.hours > 0 ? formatHours(bar.hours).replace(' 小时', 'h') : '0'}</Text>
            <View className="my-hours__column-track">
              <View className="my-hours__column-fill" style={{ height: `${Math.max(bar.percent, bar.hours > 0 ? 4 : 0)}%` }} />
            </View>
            <Text className="my-hours__column-label">{bar.label}</Text>
            <Text className="my-hours__column-services">{bar.services} 次</Text>
          </View>
        ))}
      </View>
    </Card>
  )
}

/** One record in the list; 长辈模式 leaves out the certifying unit and the source, which the record's page shows. */
function RecordCard({ record, elder }: { record: ServiceRecord; elder: boolean }) {
  const pending = record.status === 'pending_approval'
  const state = RECORD_STATUS_WORDS[record.status]
  return (
    <View className="record-card" data-record-id={record.id}>
      <Card
        title={record.orderTitle || record.content}
        extra={
          <Text className={`record-card__hours${record.status === 'credited' ? '' : ' record-card__hours--pending'}`}>
            {formatHours(pending ? record.hoursMeasured : record.hoursCredited)}
          </Text>
        }
        onClick={() => void Taro.navigateTo({ url: ROUTES.memberRecordDetail(record.id) })}
      >
        <View className="record-card__line">
          <Text>{formatBusinessDate(record.serviceDate)}</Text>
          <Text className="record-card__times">
            {inBeijing(record.startedAt).format('HH:mm')}–{inBeijing(record.endedAt).format('HH:mm')}
          </Text>
        </View>
        {!elder && <Text className="record-card__org">证明单位：{record.certifiedBy}</Text>}
        <View className="record-card__tags">
          {!elder && <StatusTag tone="muted">{record.source === 'scan' ? '扫码签到' : '书记补录'}</StatusTag>}
          <StatusTag tone={state.tone}>{record.status === 'credited' ? state.text : `${state.text}，未计入`}</StatusTag>
          {record.residentConfirmed && <StatusTag tone="done">居民已确认</StatusTag>}
          <Text className="record-card__more">详情 ›</Text>
        </View>
      </Card>
    </View>
  )
}
