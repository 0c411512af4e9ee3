import { useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { DatePicker } from '@nutui/nutui-react-taro'
import './index.scss'

export interface ServiceTime {
  /** YYYY-MM-DD, Beijing time. */
  date: string
  /** HH:mm */
  startTime: string
  endTime: string
}

export interface ServiceTimeFieldProps {
  value: ServiceTime
  onChange: (change: Partial<ServiceTime>) => void
  /** What goes under the boxes (a shortcut, the 预约预告 warning), in the same column. */
  children?: ReactNode
}

type Picking = 'date' | 'startTime' | 'endTime' | null

const pad = (value: number) => String(value).padStart(2, '0')

/** 服务时间: the day, the start and the end, each a box that opens its picker (Beijing time, 5-minute steps). */
export function ServiceTimeField({ value, onChange, children }: ServiceTimeFieldProps) {
  const [picking, setPicking] = useState<Picking>(null)
  return (
    <View className="service-time-field">
      <View className="service-time">
        <View className="service-time__box service-time__box--date" onClick={() => setPicking('date')}>
          {value.date}
        </View>
        <View className="service-time__box" onClick={() => setPicking('startTime')}>
          {value.startTime}
        </View>
        <Text className="service-time__to">至</Text>
        <View className="service-time__box" onClick={() => setPicking('endTime')}>
          {value.endTime}
        </View>
      </View>
      {children}
      <DatePicker
        title="服务日期"
        type="date"
        visible={picking === 'date'}
        showChinese
        startDate={new Date()}
        endDate={new Date(Date.now() + 365 * 24 * 3600_000)}
        defaultValue={new Date(`${value.date}T12:00:00`)}
        onConfirm={(_options, values) => {
          const [year, month, day] = values.map(Number)
          onChange({ date: `${year}-${pad(month)}-${pad(day)}` })
          setPicking(null)
        }}
        onClose={() => setPicking(null)}
      />
      <DatePicker
        title={picking === 'endTime' ? '结束时间' : '开始时间'}
        type="hour-minutes"
        visible={picking === 'startTime' || picking === 'endTime'}
        showChinese
        minuteStep={5}
        defaultValue={new Date(`2000-01-01T${picking === 'endTime' ? value.endTime : value.startTime}:00`)}
        onConfirm={(_options, values) => {
          const [hour, minute] = values.map(Number)
          const time = `${pad(hour)}:${pad(minute)}`
          if (picking === 'endTime') onChange({ endTime: time })
          else if (picking === 'startTime') onChange({ startTime: time })
          setPicking(null)
        }}
        onClose={() => setPicking(null)}
      />
    </View>
  )
}
