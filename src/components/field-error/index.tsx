import { Text } from '@tarojs/components'
import './index.scss'

export interface FieldErrorProps {
  /** The message for one field, from the client's checks or the server's `error.fields`. */
  message?: string | null
}

/** The red line under a form field that says what is wrong with it. */
export function FieldError({ message }: FieldErrorProps) {
  if (!message) return null
  return (
<Text className="field-error">{message}</Text>
  )
}
