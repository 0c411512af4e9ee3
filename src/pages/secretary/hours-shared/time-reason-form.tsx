import { useState } from 'react'
import { View } from '@tarojs/components'
import { FormRow } from '@/components/form-row'
import type { ApiError } from '@/services/api/types'
import { ClockField } from './clock-field'
import { ReasonFoot } from './reason-foot'

export interface TimeInput {
  /** The server's field name, e.g. startedAt: its error shows under this field. */
  key: string
  label: string
  initial: string
}

export interface TimeReasonFormProps {
  times: TimeInput[]
  reasonLabel: string
  reasonPlaceholder: string
  submitText: string
  /** Sends the times and reason; resolves to null when done, or to the server's refusal. */
  onSubmit: (times: Record<string, string>, reason: string) => Promise<ApiError | null>
  onCancel: () => void
}

/** Times on the service day plus a required reason (更正、补录、补签退); what was typed stays until it is accepted. */
export function TimeReasonForm({ times, reasonLabel, reasonPlaceholder, submitText, onSubmit, onCancel }: TimeReasonFormProps) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(times.map((time) => [time.key, time.initial])))
  const [reason, setReason] = useState('')
  const [refusal, setRefusal] = useState<ApiError | null>(null)
  const [sending, setSending] = useState(false)

  const submit = async () => {
    setSending(true)
    const answer = await onSubmit(values, reason.trim())
    setSending(false)
    setRefusal(answer)
  }

  const fields = refusal?.fields ?? {}
  const shownKeys = [...times.map((time) => time.key), 'reason']
  const unplaced = refusal && !shownKeys.some((key) => fields[key]) ? refusal.message : null

  return (
    <View className="hours-form">
      {times.map((time) => (
        <FormRow key={time.key} label={time.label} required error={fields[time.key]}>
          <ClockField
            name={time.key}
            title={time.label}
            value={values[time.key]}
            onChange={(iso) => {
              setValues((current) => ({ ...current, [time.key]: iso }))
              setRefusal(null)
            }}
          />
        </FormRow>
      ))}
      <ReasonFoot
        label={reasonLabel}
        placeholder={reasonPlaceholder}
        value={reason}
        onChange={(text) => {
          setReason(text)
          setRefusal(null)
        }}
        error={fields.reason}
        unplaced={unplaced}
        submitText={submitText}
        sending={sending}
        onSubmit={() => void submit()}
        onCancel={onCancel}
      />
    </View>
  )
}
