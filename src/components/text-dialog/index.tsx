import { useEffect, useState } from 'react'
import { Dialog, Input, TextArea } from '@nutui/nutui-react-taro'
import { DialogField } from '@/components/dialog-field'
import type { ApiError } from '@/services/api/types'

export interface TextDialogProps {
  visible: boolean
  title: string
  /** One line above the box: what to write and who will read it. */
  hint: string
  placeholder: string
  confirmText: string
  /** The field the server names when it refuses the text (`error.fields[field]`). */
  field: string
  /** Said under the box when it is left empty. */
  emptyMessage: string
  maxLength: number
  /** One line (a name) or a box (a reply). */
  lines?: 'one' | 'many'
  /** Sends the text; resolves to null when done, or to the server's refusal. */
  onSubmit: (text: string) => Promise<ApiError | null>
  onClose: () => void
}

/** A dialog that asks for one written text (a reply, whom to forward to, what was done) and stays open until it is accepted. */
export function TextDialog({ visible, title, hint, placeholder, confirmText, field, emptyMessage, maxLength, lines = 'many', onSubmit, onClose }: TextDialogProps) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (visible) {
      setText('')
      setError(null)
    }
  }, [visible])

  const confirm = async () => {
    const value = text.trim()
    if (!value) {
      setError(emptyMessage)
      // Throwing keeps the dialog open.
      throw new Error('text required')
    }
    const refusal = await onSubmit(value)
    if (refusal) {
      setError(refusal.fields?.[field] ?? refusal.message)
      throw new Error(refusal.code)
    }
  }

  const change = (value: string) => {
    setText(value)
    setError(null)
  }

  return (
    <Dialog visible={visible} title={title} confirmText={confirmText} cancelText="取消" onConfirm={confirm} onCancel={onClose} onClose={onClose}>
      <DialogField hint={hint} error={error}>
        {lines === 'one' ? (
          <Input className="dialog-field__input" name={field} value={text} placeholder={placeholder} maxLength={maxLength} onChange={change} />
        ) : (
          <TextArea className="dialog-field__input" value={text} placeholder={placeholder} maxLength={maxLength} showCount onChange={change} />
        )}
      </DialogField>
    </Dialog>
  )
}
