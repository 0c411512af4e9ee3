import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { FieldError } from '@/components/field-error'
import './index.scss'

export interface FormRowProps {
  label: string
  required?: boolean
  /** A short line under the label that says what to write. */
  hint?: string
  error?: string | null
  children: ReactNode
}

/** A labelled form field with its error underneath; the label stays visible while typing. */
export function FormRow({ label, required = false, hint, error, children }: FormRowProps) {
  return (
    <View className={`form-row${error ? ' form-row--invalid' : ''}`}>
      <View className="form-row__label">
        <Text>{label}</Text>
        {required ? <Text className="form-row__required">*</Text> : <Text className="form-row__optional">（选填）</Text>}
      </View>
      {hint && <Text className="form-row__hint">{hint}</Text>}
      <View className="form-row__control">{children}</View>
      <FieldError message={error} />
    </View>
  )
}
