import { useCallback, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/page-shell'
import { usePagedList } from '@/hooks/use-paged-list'
import { recordsApi } from '@/services/api/records'
import type { MyHours, ServiceRecord } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { Card } from '@/components/card'
import { EmptyState } from '@/components/empty-state'
import { StatusTag } from '@/components/status-tag'
import { useElderMode } from '@/hooks/use-elder-mode'
import { RECORD_STATUS_WORDS } from '@/services/status-words'
import { formatHours } from '../shared/order-display'
import { MyDisputes } from './my-disputes'
import { quarterBars, targetPercent } from './hours-chart'
import { formatBusinessDate, inBeijing } from '@/services/beijing-time'
import { PagedFooter } from '../shared/paged-footer'
import './index.scss'

const PAGE_SIZE = 20

/** 我的时长: this year against the target, by quarter, scanned vs hand-entered, and every record. */
export default function MyHoursPage() {
  const thisYear = inBeijing(new Date()).year()
  const [year, setYear] = useState(thisYear)
  const [hours, setHours] = useState<MyHours | null>(null)
  const list = usePagedList<ServiceRecord>(PAGE_SIZE)
  const [elder] = useElderMode()
  const { reload } = list

  // The first page of records comes with the year's totals, which the page keeps beside the list.
  const load = useCallback(
    (forYear: number, quiet = false) =>
      void reload(async (page) => {
        const result = await recordsApi.myHours({ year: forYear, page })
        if (!result.ok) return result
        if (page.offset === 0) setHours(result.data)
        return { ok: true, data: { items: result.data.records, total: result.data.total } }
      }, quiet),
    [reload],
  )

  const shownOnce = useRef(false)
  useDidShow(() => {
    load(year, shownOnce.current)
    shownOnce.current = true
  })
  usePullDownRefresh(() => load(year, true))
  useReachBottom(() => void list.loadMore())

  const chooseYear = (next: number) => {
    if (next === year) return
    setYear(next)
    load(next)
  }

  return (
    <PageShell
      title="我的时长"
      tab="member-hours"
      elderToggle
      status={list.status === 'error' ? 'error' : hours ? 'ready' : 'loading'}
      error={list.error}
      onRetry={() => load(year)}
    >
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

          <Summary hours={hours} elder={elder} />
          <View className="my-hours__standing-link" role="link" onClick={() => void Taro.navigateTo({ url: ROUTES.memberStanding })}>
            {elder ? '看我的考核 ›' : '我的考核：各项是否达标，还差什么 ›'}
          </View>
          <View className="my-hours__standing-link" role="link" onClick={() => void Taro.navigateTo({ url: ROUTES.recordCard() })}>
            {elder ? '看社区服务记录卡 ›' : '社区服务记录卡：导出 Excel 或 PDF ›'}
          </View>
          <Quarters hours={hours} />
          <MyDisputes />

          <View className="my-hours__section-title">服务记录（共 {hours.total} 条）</View>
          {list.items.length === 0 ? (
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
              {list.items.map((record) => (
                <RecordCard key={record.id} record={record} elder={elder} />
              ))}
              <PagedFooter list={list} unit="条" />
            </View>
          )}
        </View>
      )}
    </PageShell>
  )
}

function Summary({ hours, elder }: { hours: MyHours; elder: boolean }) {
  return (
    <Card>
      <View className="my-hours__total">
        <Text className="my-hours__total-number">{formatHours(hours.creditedHours).replace(' 小时', '')}</Text>
        <Text className="my-hours__total-unit">小时</Text>
        <Text className="my-hours__total-label">{hours.year}年已计入 · {hours.services} 次服务</Text>
      </View>
      {hours.targetHours === null ? <TargetRule hours={hours} /> : <TargetBar credited={hours.creditedHours} target={hours.targetHours} />}

      <View className="my-hours__split">
        <View className="my-hours__stat">
          <Text className="my-hours__stat-number">{formatHours(hours.scannedHours)}</Text>
          <Text className="my-hours__stat-label">{elder ? '扫码' : '扫码签到时长'}</Text>
        </View>
        <View className="my-hours__stat">
          <Text className="my-hours__stat-number">{formatHours(hours.manualHours)}</Text>
          <Text className="my-hours__stat-label">{elder ? '补录' : '书记补录时长'}</Text>
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

/** The yearly hours target of the member's rule set, as a progress bar. */
function TargetBar({ credited, target }: { credited: number; target: number }) {
  const percent = targetPercent(credited, target)
  const reached = credited >= target
  return (
    <>
      <View className="my-hours__target">
        <Text>年度目标 {formatHours(target)}</Text>
        <Text className={reached ? 'my-hours__reached' : 'my-hours__missing'}>{reached ? '已达标' : `还差 ${formatHours(target - credited)}`}</Text>
      </View>
      <View className="my-hours__bar" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
        <View className={`my-hours__bar-fill${reached ? ' my-hours__bar-fill--done' : ''}`} style={{ width: `${percent}%` }} />
      </View>
      <Text className="my-hours__percent">完成 {percent}%</Text>
    </>
  )
}

/** Without a yearly hours rule (a count rule, or an activist's cultivation period): the rule that holds instead. */
function TargetRule({ hours }: { hours: MyHours }) {
  if (!hours.targetRule) return null
  return (
    <View className="my-hours__target my-hours__target--rule">
      <Text>{hours.targetRule.title}</Text>
      <Text className="my-hours__missing">{hours.targetRule.advice}</Text>
    </View>
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
