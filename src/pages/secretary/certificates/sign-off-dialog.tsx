import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { Dialog, Input } from '@nutui/nutui-react-taro'
import { DialogField } from '@/components/dialog-field'
import type { ApiError } from '@/services/api/types'

export interface SignOff {
  responsiblePerson: string
  contactPhone: string
  reason: string
}

export interface SignOffDialogProps {
  visible: boolean
  title: string
  confirmText: string
  /** 经办人: the secretary herself, named in the hint. */
  handler: string
  initialPhone: string
  /** A reissue also says why the old certificate is replaced. */
  withReason?: boolean
  /** Resolves to null when issued, or to the server's refusal (its fields shown under their boxes). */
  onSubmit: (signOff: SignOff) => Promise<ApiError | null>
  onClose: () => void
}

/** 出具: the 负责人 who answers for the certificate and the phone printed on it; 经办人 is the secretary issuing it. */
export function SignOffDialog({ visible, title, confirmText, handler, initialPhone, withReason = false, onSubmit, onClose }: SignOffDialogProps) {
  const [form, setForm] = useState<SignOff>({ responsiblePerson: '', contactPhone: initialPhone, reason: '' })
  const [errors, setErrors] = useState<Record<string, string>>({})

  useEffect(() => {
    if (visible) {
      setForm((current) => ({ ...current, contactPhone: current.contactPhone || initialPhone, reason: '' }))
      setErrors({})
    }
  }, [visible, initialPhone])

  const set = (name: keyof SignOff, value: string) => {
    setForm({ ...form, [name]: value })
    setErrors({ ...errors, [name]: '' })
  }

  const confirm = async () => {
    const problems: Record<string, string> = {}
    if (form.responsiblePerson.trim().length < 2) problems.responsiblePerson = '请填写负责人姓名'
    if (!form.contactPhone.trim()) problems.contactPhone = '请填写联系电话'
    if (withReason && form.reason.trim().length < 2) problems.reason = '请写明重新出具的原因'
    if (Object.keys(problems).length > 0) {
      setErrors(problems)
      // Throwing keeps the dialog open.
      throw new Error('sign-off incomplete')
    }
    const refusal = await onSubmit({ responsiblePerson: form.responsiblePerson.trim(), contactPhone: form.contactPhone.trim(), reason: form.reason.trim() })
    if (refusal) {
      setErrors(refusal.fields ?? { responsiblePerson: refusal.message })
      throw new Error(refusal.code)
    }
  }

  return (
    <Dialog className="sign-off-dialog" visible={visible} title={title} confirmText={confirmText} cancelText="取消" onConfirm={confirm} onCancel={onClose} onClose={onClose}>
      <View>
        <DialogField hint={`负责人：社区党组织负责人，在证明上签字（经办人为您本人：${handler}）`} error={errors.responsiblePerson}>
          <Input className="dialog-field__input" name="responsiblePerson" value={form.responsiblePerson} maxLength={20} placeholder="负责人姓名" onChange={(value) => set('responsiblePerson', value)} />
        </DialogField>
        <DialogField hint="联系电话：印在证明上，供核实之用" error={errors.contactPhone}>
          <Input className="dialog-field__input" name="contactPhone" value={form.contactPhone} maxLength={20} placeholder="例如 0750-5511941" onChange={(value) => set('contactPhone', value)} />
        </DialogField>
        {withReason && (
          <DialogField hint="原因：原证明将作废，新证明注明替代的编号" error={errors.reason}>
            <Input className="dialog-field__input" name="reason" value={form.reason} maxLength={100} placeholder="例如 服务记录已更正" onChange={(value) => set('reason', value)} />
          </DialogField>
        )}
      </View>
    </Dialog>
  )
}
