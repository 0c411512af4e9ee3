import { useEffect, useState } from 'react'
import { Dialog, Input } from '@nutui/nutui-react-taro'
import { DialogField } from '@/components/dialog-field'
import type { ReportContacts } from '@/services/api/reports'
import type { ApiError } from '@/services/api/types'

type Field = keyof ReportContacts

const FIELDS: { key: Field; hint: string; placeholder: string; maxLength: number }[] = [
  { key: 'leadName', hint: '义工组织负责人姓名', placeholder: '例如 黄丽', maxLength: 30 },
  { key: 'leadPhone', hint: '负责人联系电话（手机或带区号的固定电话）', placeholder: '例如 13800138000', maxLength: 20 },
  { key: 'contactName', hint: '联系人姓名', placeholder: '例如 林晓', maxLength: 30 },
  { key: 'contactPhone', hint: '联系人联系电话（手机或带区号的固定电话）', placeholder: '例如 0750-5511941', maxLength: 20 },
]

const EMPTY: ReportContacts = { leadName: '', leadPhone: '', contactName: '', contactPhone: '' }

export interface ContactsDialogProps {
  visible: boolean
  initial: ReportContacts | null
  /** Submits with these contacts; resolves to null when submitted, or to the refusal (its `fields.contacts.*` shown under each box). */
  onSubmit: (contacts: ReportContacts) => Promise<ApiError | null>
  onClose: () => void
}

/** 负责人、联系人 and their phones, asked on the first submission and kept for the next quarters. */
export function ContactsDialog({ visible, initial, onSubmit, onClose }: ContactsDialogProps) {
  const [values, setValues] = useState<ReportContacts>(initial ?? EMPTY)
  const [errors, setErrors] = useState<Partial<Record<Field | '_', string>>>({})

  useEffect(() => {
    if (visible) {
      setValues(initial ?? EMPTY)
      setErrors({})
    }
  }, [visible, initial])

  const confirm = async () => {
    const refusal = await onSubmit({
      leadName: values.leadName.trim(), leadPhone: values.leadPhone.trim(), contactName: values.contactName.trim(), contactPhone: values.contactPhone.trim(),
    })
    if (refusal) {
      const fields = Object.fromEntries(Object.entries(refusal.fields ?? {}).map(([path, message]) => [path.replace(/^contacts\./, ''), message]))
      setErrors(Object.keys(fields).length > 0 ? fields : { _: refusal.message })
      throw new Error(refusal.code)
    }
  }

  return (
    <Dialog className="contacts-dialog" visible={visible} title="负责人和联系人" confirmText="提交" cancelText="取消" onConfirm={confirm} onCancel={onClose} onClose={onClose}>
      {FIELDS.map(({ key, hint, placeholder, maxLength }, i) => (
        <DialogField key={key} hint={hint} error={errors[key] ?? (i === FIELDS.length - 1 ? errors._ : null)}>
          <Input
            className="dialog-field__input"
            name={key}
            value={values[key]}
            placeholder={placeholder}
            maxLength={maxLength}
            onChange={(value) => {
              setValues((current) => ({ ...current, [key]: value }))
              setErrors((current) => ({ ...current, [key]: undefined, _: undefined }))
            }}
          />
        </DialogField>
      ))}
    </Dialog>
  )
}
