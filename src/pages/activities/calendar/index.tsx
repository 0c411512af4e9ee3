import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { ChoiceChips } from '@/components/choice-chips'
import { InfoRow } from '@/components/info-row'
import { PageShell, type PageStatus } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { calendarApi, type CalendarEntry, type CalendarRange, type CalendarView } from '@/services/api/calendar'
import { ordersApi } from '@/services/api/orders'
import type { ApiError } from '@/services/api/types'
import { askForSubscriptions, prepareSubscriptions } from '@/services/subscribe'
import './index.scss'

const RANGES = [
  { value: 'this_week', text: '本周' },
  { value: 'next_week', text: '下周' },
  { value: 'this_month', text: '本月' },
] as const

/** HH:mm in Beijing time. */
const clock = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(11, 16)
const dayTitle = (date: string, weekday: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${weekday}`

/** 活动日历 (part C): the community's published activities this week, next week, this month, with 报名. */
export default function ActivityCalendarPage() {
  const [range, setRange] = useState<CalendarRange>('this_week')
  const [view, setView] = useState<CalendarView | null>(null)
  const [status, setStatus] = useState<PageStatus>('loading')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  // Quiet after 报名: the page stays where it was scrolled, only the entry changes.
  const load = useCallback(async (quiet = false) => {
    if (!quiet) setStatus('loading')
    const result = await calendarApi.calendar(range)
    if (!result.ok) {
      setError(result.error)
      setStatus('error')
      return
    }
    setView(result.data)
    setStatus('ready')
    if (result.data.days.some((day) => day.items.some((entry) => entry.signUp?.allowed))) prepareSubscriptions('accept_order')
  }, [range])
  useEffect(() => void load(), [load])

  const signUp = async (entry: CalendarEntry) => {
    setBusy(entry.id)
    await askForSubscriptions('accept_order')
    const result = await ordersApi.accept(entry.id)
    setBusy(null)
    if (!result.ok) {
      void Taro.showToast({ title: result.error.message, icon: 'none', duration: 2500 })
      return
    }
    void Taro.showToast({ title: '报名成功', icon: 'none', duration: 1500 })
    void load(true)
  }

  const action = (entry: CalendarEntry) => {
    if (entry.myStatus === 'accepted') return <StatusTag tone="done">已报名</StatusTag>
    // Earlier days of this week and this month: over, for everyone, whatever the accept rules would say.
    if (new Date(entry.endsAt).getTime() <= Date.now()) return <StatusTag tone="muted">已结束</StatusTag>
    // A resident comes to the activity; the secretary reads the count above.
    if (!entry.signUp) return view?.viewer === 'resident' ? <Text className="activity-calendar__welcome">欢迎居民到场参加</Text> : null
    // A full one says 已报满 on its 名额 line already.
    if (!entry.signUp.allowed) return entry.placesLeft === 0 ? null : <Text className="activity-calendar__reason">{entry.signUp.reason}</Text>
    return (
      <Button type="primary" size="large" loading={busy === entry.id} disabled={busy !== null} onClick={() => void signUp(entry)}>
        报名
      </Button>
    )
  }

  const empty = view && view.days.every((day) => day.items.length === 0)
  return (
    <PageShell title="活动日历" status={status} error={error} onRetry={() => void load()}>
      <View className="activity-calendar">
        <ChoiceChips options={RANGES} value={range} onChange={setRange} />
        {view?.uncoveredNote && <Text className="activity-calendar__note">{view.uncoveredNote}</Text>}
        {empty && <Text className="activity-calendar__note">这段时间还没有发布活动</Text>}
        {view?.days.map((day) => (
          <View key={day.date} className="activity-calendar__day">
            <View className="activity-calendar__day-title">
              <Text>{dayTitle(day.date, day.weekday)}</Text>
              {day.holiday && <StatusTag tone="alert">{day.holiday}</StatusTag>}
            </View>
            {day.items.length === 0 && <Text className="activity-calendar__quiet">放假，这天没有活动</Text>}
            {day.items.map((entry) => (
              <Card key={entry.id} title={entry.title} extra={entry.shortNotice ? <StatusTag tone="waiting">临时通知</StatusTag> : undefined}>
                <InfoRow label="时间" value={`${clock(entry.startsAt)}–${clock(entry.endsAt)}`} />
                <InfoRow label="地点" value={entry.place} />
                {entry.leaderName && <InfoRow label="负责人" value={entry.leaderName} />}
                {/* The places are the volunteers': a resident is told who serves, not how many places are left. */}
                {view?.viewer === 'member' && <InfoRow label="名额" value={entry.placesLeft > 0 ? `还剩 ${entry.placesLeft} 人（共 ${entry.capacity} 人）` : `已报满（共 ${entry.capacity} 人）`} />}
                {view?.viewer === 'secretary' && <InfoRow label="报名" value={`${entry.capacity - entry.placesLeft} / ${entry.capacity} 人`} />}
                {view?.viewer === 'resident' && <InfoRow label="服务" value={`党员义工 ${entry.capacity} 人`} />}
                {entry.clashes.length > 0 && <Text className="activity-calendar__reason">{`与「${entry.clashes[0].title}」时间重叠`}</Text>}
                <EntryAction>{action(entry)}</EntryAction>
              </Card>
            ))}
          </View>
        ))}
      </View>
    </PageShell>
  )
}

/** The entry's 报名 or its state, on a line of its own; no empty line under a full one. */
const EntryAction = ({ children }: { children: ReactNode }) => (children ? <View className="activity-calendar__action">{children}</View> : null)
