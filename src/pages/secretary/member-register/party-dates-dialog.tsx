import { useEffect, useState } from 'react'
import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Dialog } from '@nutui/nutui-react-taro'
import { DayField } from '@/components/day-field'
import { DialogField } from '@/components/dialog-field'
import { assessmentApi, type MemberDates } from '@/services/api/assessment'
import { formatTime } from '@/services/beijing-time'

export interface PartyDatesDialogProps {
  /** The member whose dates are edited; null keeps the dialog closed. */
  member: { id: string; name: string } | null
  onClose: () => void
}

/** 培养期日期: the day a member became an 入党积极分子 and the day they joined the party, which the assessment counts between. */
export function PartyDatesDialog({ member, onClose }: PartyDatesDialogProps) {
  const [dates, setDates] = useState<MemberDates | null>(null)
  const [activistSince, setActivistSince] = useState('')
  const [joinedPartyOn, setJoinedPartyOn] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    setDates(null)
    setErrors({})
    if (!member) return
    void assessmentApi.memberDates(member.id).then((result) => {
      if (!result.ok) {
        setErrors({ _: result.error.message })
        return
      }
      setDates(result.data)
      setActivistSince(result.data.activistSince ?? '')
      setJoinedPartyOn(result.data.joinedPartyOn ?? '')
    })
  }, [member?.id])

  const save = async () => {
    if (!member || saving) return
    setSaving(true)
    const result = await assessmentApi.setMemberDates({
      memberId: member.id,
      ...(activistSince ? { activistSince } : {}),
      ...(joinedPartyOn ? { joinedPartyOn } : {}),
    })
    setSaving(false)
    if (!result.ok) {
      setErrors(result.error.fields ?? { _: result.error.message })
      return
    }
    void Taro.showToast({ title: '已保存', icon: 'success' })
    onClose()
  }

  return (
    <Dialog
      visible={member !== null}
      title={member ? `${member.name}的培养期日期` : ''}
      confirmText={saving ? '正在保存…' : '保存'}
      cancelText="取消"
      closeOnOverlayClick={false}
      onConfirm={() => void save()}
      onCancel={onClose}
      onClose={onClose}
    >
      <DialogField hint="成为入党积极分子的日期（培养期从这天算起）" error={errors.activistSince}>
        <DayField value={activistSince} title="成为入党积极分子日期" placeholder="未登记" onChange={setActivistSince} />
      </DialogField>
      <DialogField hint="入党日期（培养期到这天为止）；尚未入党不填" error={errors.joinedPartyOn ?? errors._}>
        <DayField value={joinedPartyOn} title="入党日期" placeholder="未登记" onChange={setJoinedPartyOn} />
      </DialogField>
      {dates?.datesSetBy && dates.datesSetAt && (
        <Text className="member-register__dates-trail">
          最近由{dates.datesSetBy}于{formatTime(dates.datesSetAt)}登记
        </Text>
      )}
    </Dialog>
  )
}
