import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Dialog, TextArea } from '@nutui/nutui-react-taro'
import { FieldError } from '@/components/field-error'
import type { ApiError } from '@/services/api/types'
import './reason-dialog.scss'

export interface ReasonDialogProps {
  visible: boolean
  title: string
  /** One line above the box: who will read the reason. */
  hint: string
  placeholder: string
  confirmText: string
  /** Sends the reason; resolves to null when done, or to the server's refusal. */
  onSubmit: (reason: string) => Promise<ApiError | null>
  onClose: () => void
}

/** A required written reason (驳回、取消): kept, with the error under it, until it is accepted. */
export function ReasonDialog({ visible, title, hint, placeholder, confirmText, onSubmit, onClose }: ReasonDialogProps) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (visible) setError(null)
  }, [visible])

  const confirm = async () => {
    const text = reason.trim()
    if (text.length < 2) {
      setError(text ? '原因至少需要2个字' : '请写明原因')
      // Throwing keeps the dialog open.
      throw new Error('reason required')
    }
    const refusal = await onSubmit(text)
    if (refusal) {
      setError(refusal.fields?.reason ?? refusal.message)
      throw new Error(refusal.code)
    }
    setReason('')
  }

  return (
    <Dialog
      className="reason-dialog"
      visible={visible}
      title={title}
      confirmText={confirmText}
      cancelText="取消"
      onConfirm={confirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className="reason-dialog__body">
        <Text className="reason-dialog__hint">{hint}</Text>
        <TextArea
          className="reason-dialog__input"
          value={reason}
          placeholder={placeholder}
          maxLength={200}
          showCount
          onChange={(value) => {
            setReason(value)
            setError(null)
          }}
        />
        <FieldError message={error} />
      </View>
    </Dialog>
  )
}
