import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Dialog, Input } from '@nutui/nutui-react-taro'
import { FieldError } from '@/components/field-error'
import type { ApiError } from '@/services/api/types'
import './district.scss'

export interface NameDialogProps {
  visible: boolean
  title: string
  /** One line above the box: where the name goes. */
  hint: string
  initial?: string
  placeholder: string
  maxLength?: number
  /** Sends the name; resolves to null when done, or to the server's refusal (its `fields.name` shown under the box). */
  onSubmit: (name: string) => Promise<ApiError | null>
  onClose: () => void
}

/** Asks for a name (new or renamed street, community, grid or unit) and keeps the dialog open until it is accepted. */
export function NameDialog({ visible, title, hint, initial = '', placeholder, maxLength = 60, onSubmit, onClose }: NameDialogProps) {
  const [name, setName] = useState(initial)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (visible) {
      setName(initial)
      setError(null)
    }
  }, [visible, initial])

  const confirm = async () => {
    const text = name.trim()
    if (!text) {
      setError('请填写名称')
      throw new Error('name required')
    }
    const refusal = await onSubmit(text)
    if (refusal) {
      setError(refusal.fields?.name ?? refusal.message)
      throw new Error(refusal.code)
    }
  }

  return (
    <Dialog className="name-dialog" visible={visible} title={title} confirmText="保存" cancelText="取消" onConfirm={confirm} onCancel={onClose} onClose={onClose}>
      <View className="dialog-field">
        <Text className="dialog-field__hint">{hint}</Text>
        <Input
          className="dialog-field__input"
          name="name"
          value={name}
          placeholder={placeholder}
          maxLength={maxLength}
          onChange={(value) => {
            setName(value)
            setError(null)
          }}
        />
        <FieldError message={error} />
      </View>
    </Dialog>
  )
}
