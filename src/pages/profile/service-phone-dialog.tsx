import { useEffect, useState } from 'react'
import { Dialog, Input } from '@nutui/nutui-react-taro'
import { DialogField } from '@/components/dialog-field'
import type { ApiError } from '@/services/api/types'

export interface ServicePhoneDialogProps {
  visible: boolean
  communityName: string
  initial: string
  /** Sends the number ('' clears it); resolves to null when saved, or to the server's refusal (its `fields.phone` shown under the box). */
  onSubmit: (phone: string) => Promise<ApiError | null>
  onClose: () => void
}

/** Changes the 社区服务电话 residents see on their needs; the dialog stays open until the number is accepted. */
export function ServicePhoneDialog({ visible, communityName, initial, onSubmit, onClose }: ServicePhoneDialogProps) {
  const [phone, setPhone] = useState(initial)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (visible) {
      setPhone(initial)
      setError(null)
    }
  }, [visible, initial])

  const confirm = async () => {
    const refusal = await onSubmit(phone.trim())
    if (refusal) {
      setError(refusal.fields?.phone ?? refusal.message)
      throw new Error(refusal.code)
    }
  }

  return (
    <Dialog
      className="service-phone-dialog"
      visible={visible}
      title="社区服务电话"
      confirmText="保存"
      cancelText="取消"
      onConfirm={confirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <DialogField hint={`${communityName}的居民在需求页看到并可拨打这个电话。手机或带区号的座机均可，留空则不显示。`} error={error}>
        <Input
          className="dialog-field__input"
          name="phone"
          value={phone}
          placeholder="例如 0571-88886666 或 13800138000"
          maxLength={20}
          onChange={(value) => {
            setPhone(value)
            setError(null)
          }}
        />
      </DialogField>
    </Dialog>
  )
}
