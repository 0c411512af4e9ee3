import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { FieldError } from '@/components/field-error'
import './index.scss'

export interface DialogFieldProps {
  /** One line above the box: what the value is for. */
  hint: string
  /** The message for the field, from the client's checks or the server's `error.fields`. */
  error?: string | null
  /** The input; give it the className `dialog-field__input` for the boxed look. */
  children: ReactNode
}

/** The body of a dialog that asks for one value: a hint, the input, and what is wrong with it. */
export function DialogField({ hint, error, children }: DialogFieldProps) {
  return (
    <View className="dialog-field">
      <Text className="dialog-field__hint">{hint}</Text>
      {children}
      <FieldError message={error} />
    </View>
  )
}
