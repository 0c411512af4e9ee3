import { useState } from 'react'
import { Card } from '@/components/card'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { QueueShell } from './queue-shell'
import { hoursAdminApi } from '@/services/api/records'
import type { ApiError, Dispute } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { ReasonDialog } from '../shared/reason-dialog'
import { DISPUTE_STATUS_WORDS } from '@/services/status-words'
import { StatusWordTag } from '../shared/status-word-tag'
import { useItemList } from '../hours-shared/use-item-list'
import { formatTime } from '@/services/beijing-time'

type Deciding = { dispute: Dispute; decision: 'upheld' | 'rejected' }

const fetchDisputes = () => hoursAdminApi.listDisputes()

/** 申诉: the members' disputes, open ones first; each is upheld (支持) or rejected (驳回) with a written 处理意见. */
export function DisputeList() {
  const { items, setItems, status, error, reload } = useItemList(fetchDisputes)
  const [deciding, setDeciding] = useState<Deciding | null>(null)

  const decide = async (resolution: string): Promise<ApiError | null> => {
    if (!deciding) return null
    const result = await hoursAdminApi.resolveDispute({ disputeId: deciding.dispute.id, decision: deciding.decision, resolution })
    // The dialog shows a field error under its box: the server names that field `resolution`.
    if (!result.ok) return { ...result.error, fields: result.error.fields?.resolution ? { reason: result.error.fields.resolution } : undefined }
    setDeciding(null)
    setItems((shown) => shown.map((item) => (item.id === result.data.id ? result.data : item)))
    void Taro.showToast({ title: result.data.status === 'upheld' ? '已支持申诉' : '已驳回申诉', icon: 'none' })
    return null
  }

  return (
    <>
      <QueueShell status={status} error={error} onRetry={() => void reload()} empty={{ title: '没有申诉', hint: '党员对服务时长有异议时提出的申诉会在这里' }}>
        {items.map((dispute) => {
          const state = DISPUTE_STATUS_WORDS[dispute.status]
          return (
            <Card key={dispute.id} className={`hours-card dispute-card dispute-card--${dispute.status}`} title={dispute.memberName} extra={<StatusWordTag word={state} />}>
              <Text className="hours-card__line">{dispute.orderTitle}</Text>
              <Text className="hours-card__line">申诉于 {formatTime(dispute.createdAt)}</Text>
              <Text className="hours-card__note">申诉理由：{dispute.reason}</Text>
              {dispute.resolution && (
                <Text className="hours-card__line dispute-card__resolution">
                  处理意见（{formatTime(dispute.resolvedAt)}）：{dispute.resolution}
                </Text>
              )}
              <View className="hours-card__actions">
                <Button size="large" fill="outline" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryOrderHours(dispute.orderId) })}>
                  订单时长
                </Button>
                {dispute.status === 'open' && (
                  <>
                    <Button size="large" type="primary" fill="outline" onClick={() => setDeciding({ dispute, decision: 'rejected' })}>
                      驳回
                    </Button>
                    <Button size="large" type="primary" onClick={() => setDeciding({ dispute, decision: 'upheld' })}>
                      支持
                    </Button>
                  </>
                )}
              </View>
            </Card>
          )
        })}
      </QueueShell>
      <ReasonDialog
        key={deciding?.dispute.id}
        visible={deciding !== null}
        title={deciding?.decision === 'upheld' ? '支持申诉' : '驳回申诉'}
        hint={
          deciding?.decision === 'upheld'
            ? '支持后请在「订单时长」里更正或补录该党员的时长。处理意见会告知党员。'
            : '驳回后时长不变。处理意见会告知党员，请写明依据。'
        }
        placeholder={deciding?.decision === 'upheld' ? '例如：经核实当天确实到场，已补录2小时' : '例如：签到记录和负责人核实一致，时长无误'}
        confirmText={deciding?.decision === 'upheld' ? '支持' : '驳回'}
        onSubmit={decide}
        onClose={() => setDeciding(null)}
      />
    </>
  )
}
