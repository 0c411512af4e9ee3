import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Dialog } from '@nutui/nutui-react-taro'
import { FieldError } from '@/components/field-error'
import type { ApiError } from '@/services/api/types'
import './district.scss'

export interface ConfirmDialogProps {
  visible: boolean
  title: string
  /** What will happen, in full sentences, before anything is changed. */
  message: string
  confirmText: string
  /** Does it; resolves to null when done, or to the server's refusal, shown in the dialog. */
  onConfirm: () => Promise<ApiError | null>
  onClose: () => void
}

/** Asks before a change that cannot be undone (merge, unpair, revoke, switching ID numbers on). */
export function ConfirmDialog({ visible, title, message, confirmText, onConfirm, onClose }: ConfirmDialogProps) {
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (visible) setError(null)
  }, [visible])

  const confirm = async () => {
    const refusal = await onConfirm()
    if (refusal) {
      setError(refusal.message)
      throw new Error(refusal.code)
    }
  }

  return (
    <Dialog className="confirm-dialog" visible={visible} title={title} confirmText={confirmText} cancelText="取消" onConfirm={confirm} onCancel={onClose} onClose={onClose}>
      <View className="dialog-field">
        <Text className="dialog-field__hint">{message}</Text>
        <FieldError message={error} />
      </View>
    </Dialog>
  )
}
