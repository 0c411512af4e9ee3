import { useEffect, useState } from 'react'
import { Card } from '@/components/card'
import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { ListFooter } from '@/components/list-footer'
import { QueueShell } from './queue-shell'
import { shellStatusOf, usePagedList } from '@/hooks/use-paged-list'
import { hoursAdminApi } from '@/services/api/records'
import type { ApiError, ServiceRecord } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { ReasonDialog } from '../shared/reason-dialog'
import { formatHours } from '../hours-shared/hours-format'
import { RecordCard } from '../hours-shared/record-card'

type Decision = { record: ServiceRecord; kind: 'approve' | 'cut' }

const fetchPage = (page: { limit: number; offset: number }) => hoursAdminApi.listForCommunity({ status: 'pending_approval', page })

/** 超过8小时待审核: each day over 8 hours is approved whole (通过) or cut back to 8 hours (核减), with a reason. */
export function PendingApprovalList() {
  const list = usePagedList<ServiceRecord>(10)
  const [deciding, setDeciding] = useState<Decision | null>(null)

  useEffect(() => void list.reload(fetchPage), [])

  const decide = async (reason: string): Promise<ApiError | null> => {
    if (!deciding) return null
    const { record, kind } = deciding
    const result = kind === 'approve' ? await hoursAdminApi.approve(record.id, reason) : await hoursAdminApi.cut(record.id, reason)
    if (!result.ok) return result.error
    setDeciding(null)
    list.removeItem(record.id)
    void Taro.showToast({ title: kind === 'approve' ? '已审核通过' : '已核减', icon: 'none' })
    return null
  }

  return (
    <>
      <QueueShell status={shellStatusOf(list.status, list.items.length)} error={list.error} onRetry={() => void list.reload(fetchPage)} empty={{ title: '没有待审核的时长', hint: '党员一天的服务时长超过8小时时，会在这里等您审核' }}>
        {list.items.map((record) => (
          <RecordCard key={record.id} record={record}>
            {record.dayCreditedHours !== null && (
              <Text className="hours-card__line">
                当天已计入 {formatHours(record.dayCreditedHours)}，加上这一条共 {formatHours(record.dayCreditedHours + record.hoursCredited)}；核减后只计到满8小时
              </Text>
            )}
            <Card className="hours-card__actions">
              <Button size="large" fill="outline" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryOrderHours(record.orderId) })}>
                订单时长
              </Button>
              <Button size="large" type="primary" fill="outline" onClick={() => setDeciding({ record, kind: 'cut' })}>
                核减
              </Button>
              <Button size="large" type="primary" onClick={() => setDeciding({ record, kind: 'approve' })}>
                通过
              </Button>
            </Card>
          </RecordCard>
        ))}
        <ListFooter shown={list.items.length} total={list.total} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} unit="条" />
      </QueueShell>
      <ReasonDialog
        key={deciding?.record.id}
        visible={deciding !== null}
        title={deciding?.kind === 'cut' ? '核减到当天8小时' : '审核通过'}
        hint={
          deciding?.kind === 'cut'
            ? `${deciding.record.memberName}当天只计入到8小时为止，审核意见会留痕。`
            : `${deciding?.record.memberName ?? ''}当天超过8小时的时长全部计入，审核意见会留痕。`
        }
        placeholder={deciding?.kind === 'cut' ? '例如：当天两单时间有重叠，按8小时计' : '例如：防汛值守，确实全天在岗'}
        confirmText={deciding?.kind === 'cut' ? '核减' : '通过'}
        onSubmit={decide}
        onClose={() => setDeciding(null)}
      />
    </>
  )
}
