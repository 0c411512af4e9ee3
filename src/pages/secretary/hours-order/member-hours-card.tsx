import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import type { ApiError, OrderHours, OrderHoursMember } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { RECORD_STATUS_WORDS } from '@/services/status-words'
import { StatusWordTag } from '../shared/status-word-tag'
import { SOURCE_TEXT, formatHours } from '../hours-shared/hours-format'
import { TimeReasonForm } from '../hours-shared/time-reason-form'
import { formatClock } from '@/services/beijing-time'

export type MemberAction = 'correct' | 'enter' | 'checkout'

const ASSIGNMENT_TEXT = { invited: '待答复', accepted: '已接单', declined: '已婉拒', cancelled: '已取消接单' } as const

export interface MemberHoursCardProps {
  order: OrderHours['order']
  member: OrderHoursMember
  /** The form open on this card, if any. */
  editing: MemberAction | null
  onEdit: (action: MemberAction | null) => void
  onCorrect: (recordId: string, times: Record<string, string>, reason: string) => Promise<ApiError | null>
  onEnter: (memberId: string, times: Record<string, string>, reason: string) => Promise<ApiError | null>
  onCheckout: (memberId: string, times: Record<string, string>, reason: string) => Promise<ApiError | null>
}

/** One member on the order: check-in, check-out, credited hours (扫码 or 补录) and what the secretary can do about them. */
export function MemberHoursCard({ order, member, editing, onEdit, onCorrect, onEnter, onCheckout }: MemberHoursCardProps) {
  const { record } = member
  const state = record ? RECORD_STATUS_WORDS[record.status] : null
  const openCheckIn = !record && member.checkedInAt !== null && member.checkedOutAt === null

  return (
    <View id={`member-${member.memberId}`}>
    <Card
      className="hours-card member-hours"
      title={
        <>
          {member.name}
          <Text className="hours-card__sub">{member.volunteerNo}</Text>
        </>
      }
      extra={state ? <StatusWordTag word={state} /> : <Text className="hours-card__muted">{openCheckIn ? '未签退' : '无记录'}</Text>}
    >
      <View className="member-hours__badges">
        {member.walkIn && <Text className="member-hours__badge">现场添加</Text>}
        {!member.walkIn && member.assignmentStatus !== 'accepted' && (
          <Text className="member-hours__badge">{ASSIGNMENT_TEXT[member.assignmentStatus]}</Text>
        )}
      </View>
      <View className="hours-times">
        <Text className={member.checkedInAt ? '' : 'hours-times__none'}>签到 {member.checkedInAt ? formatClock(member.checkedInAt) : '—'}</Text>
        <Text className={member.checkedOutAt ? '' : 'hours-times__none'}>签退 {member.checkedOutAt ? formatClock(member.checkedOutAt) : '—'}</Text>
      </View>
      {record && (
        <View className="hours-card__figures">
          <Text className="hours-card__hours">计入 {formatHours(record.hoursCredited)}</Text>
          <Text className={`hours-source hours-source--${record.source}`}>{SOURCE_TEXT[record.source]}</Text>
          <Text className="hours-card__muted">
            {formatClock(record.startedAt)}–{formatClock(record.endedAt)}
          </Text>
        </View>
      )}
      {member.openDispute && <Text className="hours-card__note">申诉待处理：{member.openDispute.reason}</Text>}

      {editing === null && (
        <View className="hours-card__actions">
          {record && (
            <>
              <Button size="large" fill="outline" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryRecordHistory(record.id) })}>
                查看记录
              </Button>
              <Button size="large" type="primary" fill="outline" onClick={() => onEdit('correct')}>
                更正
              </Button>
            </>
          )}
          {openCheckIn && (
            <Button size="large" type="primary" onClick={() => onEdit('checkout')}>
              补签退
            </Button>
          )}
          {!record && !openCheckIn && (
            <Button size="large" type="primary" fill="outline" onClick={() => onEdit('enter')}>
              补录
            </Button>
          )}
        </View>
      )}

      {editing === 'correct' && record && (
        <TimeReasonForm
          times={[
            { key: 'startedAt', label: '开始时间', initial: record.startedAt },
            { key: 'endedAt', label: '结束时间', initial: record.endedAt },
          ]}
          reasonLabel="更正理由"
          reasonPlaceholder="例如：签到码扫晚了，实际9点到场"
          submitText="保存更正"
          onSubmit={(times, reason) => onCorrect(record.id, times, reason)}
          onCancel={() => onEdit(null)}
        />
      )}
      {editing === 'enter' && (
        <TimeReasonForm
          times={[
            { key: 'startedAt', label: '开始时间', initial: order.startsAt },
            { key: 'endedAt', label: '结束时间', initial: order.endsAt },
          ]}
          reasonLabel="补录理由"
          reasonPlaceholder="例如：手机没电无法出示签到码，书记现场确认到场"
          submitText="保存补录"
          onSubmit={(times, reason) => onEnter(member.memberId, times, reason)}
          onCancel={() => onEdit(null)}
        />
      )}
      {editing === 'checkout' && (
        <TimeReasonForm
          times={[{ key: 'checkedOutAt', label: '签退时间', initial: order.endsAt }]}
          reasonLabel="补签退理由"
          reasonPlaceholder="例如：服务结束时忘记扫码签退"
          submitText="保存签退"
          onSubmit={(times, reason) => onCheckout(member.memberId, times, reason)}
          onCancel={() => onEdit(null)}
        />
      )}
    </Card>
    </View>
  )
}
