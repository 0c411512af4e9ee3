import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Card } from '@/components/card'
import { InfoRow } from '@/components/info-row'
import { PageShell, type PageStatus } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { briefsApi, type DueBriefs } from '@/services/api/briefs'
import type { ApiError } from '@/services/api/types'
import { formatDate, formatMoment } from '@/services/beijing-time'
import { ROUTES } from '@/services/navigation'
import { dueWords } from '../brief/due-words'
import './index.scss'

/** 待提交简讯 (part C): the secretary's finished activities without a 简讯, the overdue first; a tap opens one. */
export default function BriefsDuePage() {
  const [due, setDue] = useState<DueBriefs | null>(null)
  const [status, setStatus] = useState<PageStatus>('loading')
  const [error, setError] = useState<ApiError | null>(null)

  const load = async () => {
    if (!due) setStatus('loading')
    const result = await briefsApi.due()
    if (!result.ok) {
      setError(result.error)
      setStatus('error')
      return
    }
    setDue(result.data)
    setStatus(result.data.total === 0 ? 'empty' : 'ready')
  }
  // Back from writing one, the list is read again: the 简讯 just submitted is gone from it.
  useDidShow(() => void load())

  return (
    <PageShell
      title="待提交简讯"
      backTo={ROUTES.secretaryOrders}
      status={status}
      error={error}
      onRetry={() => void load()}
      empty={{ title: '没有待提交的简讯', hint: '活动结束后，简讯、照片和参加人员名单要在期限内提交，到时会列在这里' }}
    >
      {due && (
        <View className="briefs-due">
          <Text className="briefs-due__intro">活动结束后要提交简讯、照片和参加人员名单，逾期的排在前面。</Text>
          {due.items.map((item) => {
            const words = dueWords({ submitted: false, late: false, overdue: item.overdue, dueOn: item.dueOn })
            return (
              <Card
                key={item.orderId}
                className="briefs-due__card"
                tone={item.overdue ? 'alert' : 'plain'}
                title={item.title}
                extra={<StatusTag tone={words.tone}>{words.tag}</StatusTag>}
                onClick={() => void Taro.navigateTo({ url: ROUTES.activityBrief(item.orderId) })}
              >
                <InfoRow label="结束" value={formatMoment(item.endsAt)} />
                <InfoRow label="期限" value={`${formatDate(item.dueOn)}前提交`} />
              </Card>
            )
          })}
        </View>
      )}
    </PageShell>
  )
}
