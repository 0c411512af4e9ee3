import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { FieldError } from '@/components/field-error'
import { FormRow } from '@/components/form-row'
import { registrationApi, type KeptMember } from '@/services/api/registration'
import type { ApiError } from '@/services/api/types'

/** 登记没有手机的党员: an elderly member with no phone gets a volunteer number here, then is added to the order. */
export function MemberWithoutPhoneForm({ onKept, onCancel }: { onKept: (member: KeptMember) => void; onCancel: () => void }) {
  const [name, setName] = useState('')
  const [reason, setReason] = useState('')
  const [refusal, setRefusal] = useState<ApiError | null>(null)
  const [sending, setSending] = useState(false)

  const submit = async () => {
    setSending(true)
    const result = await registrationApi.keepMemberWithoutPhone({ name: name.trim(), reason: reason.trim() })
    setSending(false)
    if (result.ok) onKept(result.data)
    else setRefusal(result.error)
  }

  const fields = refusal?.fields ?? {}
  return (
    <View className="walk-in__phone-less">
      <Text className="hours-card__line">没有手机的党员不开账号、不能登录，同样有志愿者编号；他的服务时长由您添加到名单、补签退或补录。</Text>
      <FormRow label="姓名" required error={fields.name}>
        <Input value={name} placeholder="例如：王秀兰" maxLength={30} onChange={(text) => { setName(text); setRefusal(null) }} />
      </FormRow>
      <FormRow label="说明" required error={fields.reason}>
        <Input value={reason} placeholder="例如：年事已高，没有智能手机" maxLength={100} onChange={(text) => { setReason(text); setRefusal(null) }} />
      </FormRow>
      <FieldError message={refusal && !fields.name && !fields.reason ? refusal.message : null} />
      <View className="hours-form__buttons">
        <Button className="hours-form__button" size="large" fill="outline" onClick={onCancel}>
          取消
        </Button>
        <Button className="hours-form__button" size="large" type="primary" loading={sending} disabled={sending} onClick={() => void submit()}>
          登记
        </Button>
      </View>
    </View>
  )
}
