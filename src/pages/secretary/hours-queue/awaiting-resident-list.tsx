import { useEffect, useState } from 'react'
import { Card } from '@/components/card'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { ListFooter } from '@/components/list-footer'
import { QueueShell } from './queue-shell'
import { shellStatusOf, usePagedList } from '@/hooks/use-paged-list'
import { hoursAdminApi } from '@/services/api/records'
import type { ApiError, ServiceRecord } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { ReasonDialog } from '../shared/reason-dialog'
import { SOURCE_TEXT, formatHours } from '../hours-shared/hours-format'
import { formatClock, formatTime } from '@/services/beijing-time'

const fetchPage = (page: { limit: number; offset: number }) => hoursAdminApi.listForCommunity({ status: 'awaiting_resident', page })

/** The records of one order, in the order the list gave them. */
function byOrder(records: ServiceRecord[]): ServiceRecord[][] {
  const groups = new Map<string, ServiceRecord[]>()
  for (const record of records) groups.set(record.orderId, [...(groups.get(record.orderId) ?? []), record])
  return [...groups.values()]
}

/** 待居民确认: home services whose hours wait for the resident; the secretary may confirm for them, with a reason. */
export function AwaitingResidentList() {
  const list = usePagedList<ServiceRecord>(20)
  const [confirming, setConfirming] = useState<ServiceRecord | null>(null)

  useEffect(() => void list.reload(fetchPage), [])

  const confirm = async (reason: string): Promise<ApiError | null> => {
    if (!confirming) return null
    const result = await hoursAdminApi.confirmForResident(confirming.orderId, reason)
    if (!result.ok) return result.error
    setConfirming(null)
    void Taro.showToast({ title: '已代居民确认', icon: 'none' })
    void list.reload(fetchPage, true)
    return null
  }

  return (
    <>
      <QueueShell status={shellStatusOf(list.status, list.items.length)} error={list.error} onRetry={() => void list.reload(fetchPage)} empty={{ title: '没有待居民确认的服务', hint: '上门服务结束后，居民确认之前的时长会在这里' }}>
        {byOrder(list.items).map((records) => (
          <Card key={records[0].orderId} className="hours-card awaiting-resident" title={records[0].orderTitle}>
            <Text className="hours-card__line">{formatTime(records[0].startedAt)} · {records[0].place}</Text>
            {records.map((record) => (
              <View key={record.id} className="hours-card__figures">
                <Text className="hours-card__hours">{record.memberName}</Text>
                <Text className="hours-card__muted">
                  {formatClock(record.startedAt)}–{formatClock(record.endedAt)} · {formatHours(record.hoursCredited)}
                </Text>
                <Text className={`hours-source hours-source--${record.source}`}>{SOURCE_TEXT[record.source]}</Text>
              </View>
            ))}
            <View className="hours-card__actions">
              <Button size="large" fill="outline" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryOrderHours(records[0].orderId) })}>
                订单时长
              </Button>
              <Button size="large" type="primary" onClick={() => setConfirming(records[0])}>
                代居民确认
              </Button>
            </View>
          </Card>
        ))}
        <ListFooter shown={list.items.length} total={list.total} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} unit="条" />
      </QueueShell>
      <ReasonDialog
        key={confirming?.orderId}
        visible={confirming !== null}
        title="代居民确认"
        hint="居民没有手机或已电话确认时，由书记代为确认服务；确认后这一单的时长计入。"
        placeholder="例如：已电话联系居民，居民确认服务已完成"
        confirmText="确认"
        onSubmit={confirm}
        onClose={() => setConfirming(null)}
      />
    </>
  )
}
