import { Text, View } from '@tarojs/components'
import type { AuditEntry } from '@/services/api/types'
import { auditActionText, describeChange, formatEntryTime } from '../shared/record-display'

/** 修改记录: every change to the record — who, when, before → after, and why. */
export function ChangeHistory({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <Text className="record-detail__none">这条记录没有被修改过。</Text>
  return (
    <View className="record-detail__entries">
      {entries.map((entry, index) => (
        <View key={`${entry.at}-${index}`} className="record-detail__entry">
          <View className="record-detail__entry-head">
            <Text className="record-detail__entry-action">{auditActionText(entry.action)}</Text>
            <Text className="record-detail__entry-when">{formatEntryTime(entry.at)}</Text>
          </View>
          <Text className="record-detail__entry-who">操作人：{entry.actorName}</Text>
          {describeChange(entry.before, entry.after).map((line) => (
            <Text key={line} className="record-detail__entry-change">
              {line}
            </Text>
          ))}
          <Text className="record-detail__entry-reason">理由：{entry.reason}</Text>
        </View>
      ))}
    </View>
  )
}
