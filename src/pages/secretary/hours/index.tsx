import { useState } from 'react'
import { Card } from '@/components/card'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { PageShell, type PageStatus } from '@/components/page-shell'
import { WarningsCard } from '@/components/warnings-card'
import { useElderMode } from '@/hooks/use-elder-mode'
import { assessmentApi, type AssessmentWarning } from '@/services/api/assessment'
import { hoursAdminApi } from '@/services/api/records'
import type { ApiError, HoursQueues } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { getSession } from '@/services/session'
import { QUEUES, type QueueInfo } from '../hours-shared/queues'
import '../hours-shared/hours.scss'
import './index.scss'

/** 时长管理: what waits for the secretary, one entry per queue with its count. */
export default function SecretaryHoursPage() {
  const [queues, setQueues] = useState<HoursQueues | null>(null)
  const [status, setStatus] = useState<PageStatus>('loading')
  const [error, setError] = useState<ApiError | null>(null)
  const [warnings, setWarnings] = useState<AssessmentWarning[]>([])
  const [elder] = useElderMode()

  const load = async (quiet = false) => {
    if (!getSession()) return
    if (!quiet) setStatus('loading')
    // The community's 考核提醒 beside the queues; a failed load only leaves the card out.
    void assessmentApi.warnings('community').then((answer) => {
      if (answer.ok) setWarnings(answer.data.items)
    })
    const result = await hoursAdminApi.queues()
    Taro.stopPullDownRefresh()
    if (!result.ok) {
      setError(result.error)
      setStatus('error')
      return
    }
    setQueues(result.data)
    setStatus('ready')
  }

  useDidShow(() => void load(queues !== null))
  usePullDownRefresh(() => void load(true))

  return (
    <PageShell title="时长管理" backTo={ROUTES.secretaryOrders} status={status} error={error} onRetry={() => void load()}>
      {queues && (
        <View className="hours-page hours-hub">
          <WarningsCard title="本社区考核提醒" items={warnings} moreText="查看考核达标" moreUrl={ROUTES.compliance} elder={elder} />
          {QUEUES.map((queue) => (
            <QueueEntry key={queue.key} queue={queue} queues={queues} />
          ))}
          <Card className="hours-card hours-hub__entry" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryOrders })}>
            <View className="hours-hub__text">
              <Text className="hours-hub__title">按订单查看时长</Text>
              <Text className="hours-hub__hint">在订单详情点「时长」：更正、补录、添加到名单</Text>
            </View>
            <Text className="hours-hub__arrow">›</Text>
          </Card>
        </View>
      )}
    </PageShell>
  )
}

function QueueEntry({ queue, queues }: { queue: QueueInfo; queues: HoursQueues }) {
  const count = queue.count(queues)
  const overdue = queue.key === 'missing' ? queues.overdueMissingCheckouts : 0
  return (
    <Card
      className={`hours-card hours-hub__entry hours-hub__entry--${queue.key}`}
      onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryHoursQueue(queue.key) })}
    >
      <View className="hours-hub__text">
        <Text className="hours-hub__title">{queue.title}</Text>
        <Text className="hours-hub__hint">{queue.hint}</Text>
      </View>
      <View className="hours-hub__counts">
        <Text className={`hours-hub__count${count > 0 ? ' hours-hub__count--waiting' : ''}`}>{count}</Text>
        {overdue > 0 && <Text className="hours-hub__overdue">逾期 {overdue}</Text>}
      </View>
      <Text className="hours-hub__arrow">›</Text>
    </Card>
  )
}
