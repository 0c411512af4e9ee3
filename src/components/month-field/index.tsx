import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { DatePicker } from '@nutui/nutui-react-taro'
import { clampMonth, currentMonth, firstDayOf, isMonth, monthFromPicked, monthLabel } from './month'
import './index.scss'

export interface MonthFieldProps {
  /** `YYYY-MM`, or '' when nothing is chosen yet. */
  value: string
  /** The picker's title, e.g. 出生年月. */
  title: string
  /** Where the wheels stand when nothing is chosen yet (`YYYY-MM`). */
  scrollTo: string
  /** The earliest month on offer (`YYYY-MM`); the latest is this month. */
  earliest?: string
  placeholder?: string
  onChange: (month: string) => void
}

/** A year-and-month field: tapping it opens a wheel picker that offers no future month; it shows 1985年06月 and gives back 1985-06. */
export function MonthField({ value, title, scrollTo, earliest = '1930-01', placeholder = '请选择', onChange }: MonthFieldProps) {
  const [open, setOpen] = useState(false)
  const latest = currentMonth()
  const shown = clampMonth(isMonth(value) ? value : scrollTo, earliest, latest)
  const startDate = useMemo(() => firstDayOf(earliest), [earliest])
  const endDate = useMemo(() => firstDayOf(latest), [latest])
  const pickerValue = useMemo(() => firstDayOf(shown), [shown])

  return (
    <View className="month-field">
      <View className={`month-field__box${value ? '' : ' month-field__box--empty'}`} onClick={() => setOpen(true)}>
        <Text className="month-field__value">{isMonth(value) ? monthLabel(value) : value || placeholder}</Text>
        <Text className="month-field__arrow">›</Text>
      </View>
      <DatePicker
        title={title}
        type="year-month"
        visible={open}
        showChinese
        startDate={startDate}
        endDate={endDate}
        value={pickerValue}
        onConfirm={(_options, values) => onChange(monthFromPicked(values))}
        onClose={() => setOpen(false)}
      />
    </View>
  )
}
