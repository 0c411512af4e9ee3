import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { DatePicker } from '@nutui/nutui-react-taro'
import { formatClock } from '@/services/beijing-time'
import { atClockOn, clockFromPicked, clockPickerDate } from './clock'
import { formatTime } from '@/services/beijing-time'
// Looks and behaves like the month field: a box that opens a wheel picker.
import '@/components/month-field/index.scss'

export interface ClockFieldProps {
  /** The instant shown (ISO); picking a clock keeps its Beijing day. */
  value: string
  /** The picker's title, e.g. 签退时间. */
  title: string
  name: string
  onChange: (iso: string) => void
}

/** An HH:mm field on a service day: "11月23日 09:30 ›"; the wheels pick hour and minute. */
export function ClockField({ value, title, name, onChange }: ClockFieldProps) {
  const [open, setOpen] = useState(false)
  const clock = formatClock(value)
  const pickerValue = useMemo(() => clockPickerDate(clock), [clock])

  return (
    <View className="month-field clock-field" id={`clock-${name}`}>
      <View className="month-field__box" onClick={() => setOpen(true)}>
        <Text className="month-field__value">{formatTime(value)}</Text>
        <Text className="month-field__arrow">›</Text>
      </View>
      <DatePicker
        title={title}
        type="hour-minutes"
        visible={open}
        showChinese
        value={pickerValue}
        onConfirm={(_options, values) => onChange(atClockOn(value, clockFromPicked(values)))}
        onClose={() => setOpen(false)}
      />
    </View>
  )
}
