import { View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { FieldError } from '@/components/field-error'
import { FormRow } from '@/components/form-row'

export interface ReasonFootProps {
  label: string
  placeholder: string
  value: string
  onChange: (reason: string) => void
  /** The server's word on the reason, under the box. */
  error?: string
  /** A refusal that names no field of the form, above the buttons. */
  unplaced: string | null
  submitText: string
  sending: boolean
  onSubmit: () => void
  onCancel: () => void
}

/** The end of every 时长 form: the required reason, a refusal no field holds, 取消 and the form's own 提交. */
export function ReasonFoot({ label, placeholder, value, onChange, error, unplaced, submitText, sending, onSubmit, onCancel }: ReasonFootProps) {
  return (
    <>
      <FormRow label={label} required error={error}>
        <TextArea className="hours-form__reason" value={value} placeholder={placeholder} maxLength={200} showCount onChange={onChange} />
      </FormRow>
      <FieldError message={unplaced} />
      <View className="hours-form__buttons">
        <Button className="hours-form__button" size="large" fill="outline" onClick={onCancel}>
          取消
        </Button>
        <Button className="hours-form__button" size="large" type="primary" loading={sending} disabled={sending} onClick={onSubmit}>
          {submitText}
        </Button>
      </View>
    </>
  )
}
