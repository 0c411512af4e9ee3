import { Text } from '@tarojs/components'
import './index.scss'

/** The line above a form's 提交: where to look while fields are in error (useFormErrors' banner), or why it was refused. */
export function FormBanner({ message }: { message: string | null | undefined }) {
  if (!message) return null
  return (
    <Text className="dy-form-banner">
      {message}
    </Text>
  )
}
