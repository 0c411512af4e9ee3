import { ChoiceChips } from '@/components/choice-chips'
import { FormRow } from '@/components/form-row'
import type { Recommendation } from '@/services/api/types'

const NONE = 'none'
/** Chips beyond this many would push the submit button far down; the best recommended come first. */
const MOST = 8

export interface LeaderPickerProps {
  /** The recommended members, best first. */
  members: Recommendation[]
  /** Those chosen for 定向派单: offered first. */
  inviteeIds: string[]
  value: string
  error?: string
  onChange: (memberId: string) => void
}

/** 现场负责人: one member who may scan the others in and out on this order (the secretary always can). */
export function LeaderPicker({ members, inviteeIds, value, error, onChange }: LeaderPickerProps) {
  const invited = members.filter((member) => inviteeIds.includes(member.memberId))
  const others = members.filter((member) => !inviteeIds.includes(member.memberId))
  const offered = [...invited, ...others].slice(0, Math.max(MOST, invited.length))
  // A leader chosen before the recommendations changed stays offered.
  const kept = value && !offered.some((member) => member.memberId === value) ? members.filter((member) => member.memberId === value) : []
  const options = [{ value: NONE, text: '不指定' }, ...[...offered, ...kept].map((member) => ({ value: member.memberId, text: member.name }))]
  return (
    <FormRow label="现场负责人" hint="负责人可在现场为党员扫码签到、签退；不指定则由书记扫码" error={error}>
      <ChoiceChips options={options} value={value || NONE} onChange={(picked) => onChange(picked === NONE ? '' : picked)} />
    </FormRow>
  )
}
