import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { DatePicker } from '@nutui/nutui-react-taro'
import { formatBusinessDate } from '@/services/beijing-time'
// Looks and behaves like the month field: a box that opens a wheel picker.
import '@/components/month-field/index.scss'
import { dayOfPicked } from './day'

export interface DayFieldProps {
  /** `YYYY-MM-DD`, or '' when nothing is chosen yet. */
  value: string
  /** The picker's title, e.g. 入党日期. */
  title: string
  placeholder?: string
  onChange: (day: string) => void
}

/** A day field: tapping it opens a wheel picker that offers no day after today; it shows 2025年10月1日 and gives back 2025-10-01. */
export function DayField({ value, title, placeholder = '请选择', onChange }: DayFieldProps) {
  const [open, setOpen] = useState(false)
  const start = useMemo(() => new Date('1950-01-01T12:00:00'), [])
  const end = useMemo(() => new Date(), [])
  const picked = useMemo(() => (value ? new Date(`${value}T12:00:00`) : end), [value, end])
  return (
    <View className="month-field">
      <View className={`month-field__box${value ? '' : ' month-field__box--empty'}`} onClick={() => setOpen(true)}>
        <Text className="month-field__value">{value ? formatBusinessDate(value) : placeholder}</Text>
        <Text className="month-field__arrow">›</Text>
      </View>
      <DatePicker
        title={title}
        type="date"
        visible={open}
        showChinese
        startDate={start}
        endDate={end}
        value={picked}
        onConfirm={(_options, values) => onChange(dayOfPicked(values))}
        onClose={() => setOpen(false)}
      />
    </View>
  )
}
