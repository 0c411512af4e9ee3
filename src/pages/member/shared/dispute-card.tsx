import { Text, View } from '@tarojs/components'
import type { Dispute } from '@/services/api/types'
import { StatusTag } from '@/components/status-tag'
import { DISPUTE_STATUS_WORDS } from '@/services/status-words'
import { formatEntryTime } from './record-display'
import './dispute-card.scss'

/** One 申诉: what the member wrote, when, and the secretary's decision once there is one. */
export function DisputeCard({ dispute, showOrder = false }: { dispute: Dispute; showOrder?: boolean }) {
  const status = DISPUTE_STATUS_WORDS[dispute.status]
  return (
    <View className={`dispute-card dispute-card--${dispute.status}`} data-dispute-id={dispute.id}>
      <View className="dispute-card__head">
        <Text className="dispute-card__when">
          {showOrder ? dispute.orderTitle : `${formatEntryTime(dispute.createdAt)} 提出申诉`}
        </Text>
        <StatusTag tone={status.tone}>{status.text}</StatusTag>
      </View>
      {showOrder && <Text className="dispute-card__meta">{formatEntryTime(dispute.createdAt)} 提出申诉</Text>}
      <Text className="dispute-card__reason">申诉理由：{dispute.reason}</Text>
      {dispute.status === 'open' ? (
        <Text className="dispute-card__waiting">社区书记正在核实，处理后在这里答复您。</Text>
      ) : (
        <View className="dispute-card__decision">
          <Text className="dispute-card__decision-title">
            书记的处理意见{dispute.resolvedAt ? `（${formatEntryTime(dispute.resolvedAt)}）` : ''}
          </Text>
          <Text className="dispute-card__decision-text">{dispute.resolution ?? ''}</Text>
        </View>
      )}
    </View>
  )
}
