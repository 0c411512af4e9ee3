import { useEffect, useState } from 'react'
import { Card } from '@/components/card'
import { Text, View } from '@tarojs/components'
import { Loading } from '@nutui/nutui-react-taro'
import { ChoiceChips } from '@/components/choice-chips'
import { FormRow } from '@/components/form-row'
import { ordersApi } from '@/services/api/orders'
import type { ApiError, OrderHours, Recommendation } from '@/services/api/types'
import { ReasonFoot } from '../hours-shared/reason-foot'
import { MemberWithoutPhoneForm } from './member-without-phone-form'

const CANDIDATES = 20

export interface WalkInFormProps {
  order: OrderHours['order']
  /** Members already on the list, left out of the choices. */
  onList: string[]
  onSubmit: (memberId: string, reason: string) => Promise<ApiError | null>
  onCancel: () => void
}

/** 添加到名单并签到: a community member who came without accepting (e.g. has no phone), with the reason. */
export function WalkInForm({ order, onList, onSubmit, onCancel }: WalkInFormProps) {
  const [candidates, setCandidates] = useState<Recommendation[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [memberId, setMemberId] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [refusal, setRefusal] = useState<ApiError | null>(null)
  const [sending, setSending] = useState(false)
  const [keeping, setKeeping] = useState(false)
  const [kept, setKept] = useState<{ memberId: string; name: string }[]>([])

  useEffect(() => {
    void ordersApi.recommend({ orderId: order.id, startsAt: order.startsAt, endsAt: order.endsAt, limit: CANDIDATES }).then((result) => {
      if (result.ok) setCandidates(result.data.items)
      else setLoadError(result.error.message)
    })
  }, [order.id, order.startsAt, order.endsAt])

  const submit = async () => {
    if (!memberId) {
      setRefusal({ code: 'VALIDATION_FAILED', message: '请选择要添加的党员', fields: { memberId: '请选择要添加的党员' } })
      return
    }
    setSending(true)
    const answer = await onSubmit(memberId, reason.trim())
    setSending(false)
    setRefusal(answer)
  }

  const choices = [...kept, ...(candidates ?? []).filter((candidate) => !kept.some((member) => member.memberId === candidate.memberId))].filter(
    (candidate) => !onList.includes(candidate.memberId),
  )
  const fields = refusal?.fields ?? {}
  const unplaced = refusal && !fields.memberId && !fields.reason ? refusal.message : null

  return (
    <Card className="hours-card walk-in">
      <Text className="hours-card__title">添加到名单并签到</Text>
      <Text className="hours-card__line">为没有接单、到场参加服务的本社区党员（如没有手机）登记签到，签到时间为现在。</Text>
      <View className="hours-form walk-in__form">
        <FormRow label="党员" required error={fields.memberId}>
          {candidates === null && !loadError && <Loading>正在载入本社区党员…</Loading>}
          {loadError && <Text className="hours-card__muted">{loadError}</Text>}
          {candidates !== null && choices.length === 0 && <Text className="hours-card__muted">本社区的党员都已在名单上</Text>}
          {choices.length > 0 && (
            <ChoiceChips
              options={choices.map((candidate) => ({ value: candidate.memberId, text: candidate.name }))}
              value={memberId}
              onChange={(value) => {
                setMemberId(value)
                setRefusal(null)
              }}
            />
          )}
          {!keeping && (
            <Text className="hours-card__link" onClick={() => setKeeping(true)}>
              名单里没有？登记没有手机的党员
            </Text>
          )}
        </FormRow>
        {keeping && (
          <MemberWithoutPhoneForm
            onCancel={() => setKeeping(false)}
            onKept={(member) => {
              setKept((previous) => [{ memberId: member.memberId, name: member.name }, ...previous])
              setMemberId(member.memberId)
              setKeeping(false)
            }}
          />
        )}
        <ReasonFoot
          label="添加理由"
          placeholder="例如：老党员没有智能手机，现场参加了服务"
          value={reason}
          onChange={(text) => {
            setReason(text)
            setRefusal(null)
          }}
          error={fields.reason}
          unplaced={unplaced}
          submitText="添加并签到"
          sending={sending}
          onSubmit={() => void submit()}
          onCancel={onCancel}
        />
      </View>
    </Card>
  )
}
