import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.scss'

export interface FormSectionProps {
  title?: string
  /** One sentence under the title: why these fields are asked. */
  hint?: string
  children: ReactNode
}

/** A group of form fields (FormRow) under a title, on one white block. */
export function FormSection({ title, hint, children }: FormSectionProps) {
  return (
    <View className="dy-form-section">
      {title && <Text className="dy-form-section__title">{title}</Text>}
      {hint && <Text className="dy-form-section__hint">{hint}</Text>}
      <View className="dy-form-section__body">{children}</View>
    </View>
  )
}
