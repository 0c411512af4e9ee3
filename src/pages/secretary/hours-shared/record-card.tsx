import type { ReactNode } from 'react'
import { Card } from '@/components/card'
import { Text, View } from '@tarojs/components'
import type { ServiceRecord } from '@/services/api/types'
import { RECORD_STATUS_WORDS } from '@/services/status-words'
import { StatusWordTag } from '../shared/status-word-tag'
import { SOURCE_TEXT, formatHours } from './hours-format'
import { formatClock, formatTime } from '@/services/beijing-time'

/** One service record: who, which order, when, hours credited (扫码 or 补录) and its state; actions below. */
export function RecordCard({ record, children }: { record: ServiceRecord; children?: ReactNode }) {
  return (
    <Card className="hours-card record-card" title={record.memberName} extra={<StatusWordTag word={RECORD_STATUS_WORDS[record.status]} />}>
      <Text className="hours-card__line">{record.orderTitle}</Text>
      <Text className="hours-card__line">
        {formatTime(record.startedAt)}–{formatClock(record.endedAt)}
      </Text>
      <View className="hours-card__figures">
        <Text className="hours-card__hours">计入 {formatHours(record.hoursCredited)}</Text>
        <Text className={`hours-source hours-source--${record.source}`}>{SOURCE_TEXT[record.source]}</Text>
        {record.hoursMeasured !== record.hoursCredited && <Text className="hours-card__muted">实际 {formatHours(record.hoursMeasured)}</Text>}
      </View>
      {children}
    </Card>
  )
}
