import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { FormRow } from '@/components/form-row'
import type { Draft, FieldErrors } from '../../shared/registration-draft'

/** What every section of the form gets from the page: the draft, the errors to show, and the one way to change the draft. */
export interface SectionProps {
  draft: Draft
  errors: FieldErrors
  update: (changes: Partial<Draft>) => void
}

export function Chips<T extends string>(props: { items: readonly { value: T; text: string }[]; chosen: (value: T) => boolean; onTap: (value: T) => void; small?: boolean }) {
  return (
    <View className="register__chips">
      {props.items.map((item) => (
        <View
          key={item.value}
          className={`register__chip${props.small ? ' register__chip--small' : ''}${props.chosen(item.value) ? ' register__chip--chosen' : ''}`}
          onClick={() => props.onTap(item.value)}
        >
          {props.chosen(item.value) ? `✓ ${item.text}` : item.text}
        </View>
      ))}
    </View>
  )
}

export const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <View className="register__section">
    <Text className="register__section-title">{title}</Text>
    <View className="register__card">{children}</View>
  </View>
)

/** A form row with the id the page scrolls to when this field is the first in error. */
export const Field = (props: { name: keyof FieldErrors; label: string; required?: boolean; hint?: string; errors: FieldErrors; children: ReactNode }) => (
  <View id={`field-${props.name}`}>
    <FormRow label={props.label} required={props.required} hint={props.hint} error={props.errors[props.name]}>
      {props.children}
    </FormRow>
  </View>
)
