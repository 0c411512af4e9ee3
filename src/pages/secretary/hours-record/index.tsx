import { useState } from 'react'
import { Card } from '@/components/card'
import { Text, View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { PageShell, type PageStatus } from '@/components/page-shell'
import { recordsApi } from '@/services/api/records'
import type { ApiError, AuditEntry, RecordDetail } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { getSession } from '@/services/session'
import { DISPUTE_STATUS_WORDS } from '@/services/status-words'
import { StatusWordTag } from '../shared/status-word-tag'
import { AUDIT_ACTION_TEXT, describeChange } from '../hours-shared/hours-format'
import { RecordCard } from '../hours-shared/record-card'
import { formatTime } from '@/services/beijing-time'
import '../hours-shared/hours.scss'
import './index.scss'

/** 查看记录: one record and every change to it — who, when, before → after, why — and its disputes. */
export default function SecretaryRecordHistoryPage() {
  const { params } = useRouter()
  const recordId = params.id ? decodeURIComponent(params.id) : ''
  const [detail, setDetail] = useState<RecordDetail | null>(null)
  const [status, setStatus] = useState<PageStatus>('loading')
  const [error, setError] = useState<ApiError | null>(null)

  const load = async () => {
    if (!getSession()) return
    setStatus('loading')
    const result = await recordsApi.history(recordId)
    if (!result.ok) {
      setError(result.error)
      setStatus('error')
      return
    }
    setDetail(result.data)
    setStatus('ready')
  }

  useDidShow(() => void load())

  const disputes = detail?.disputes ?? []
  return (
    <PageShell title="修改记录" backTo={ROUTES.secretaryHours} status={status} error={error} onRetry={() => void load()}>
      {detail && (
        <View className="hours-page record-history">
          <RecordCard record={detail.record} />
          <View className="hours-section-title">
            <Text>修改留痕</Text>
            <Text className="hours-section-note">{detail.entries.length} 条</Text>
          </View>
          {detail.entries.length === 0 && (
            <Card className="hours-card">
              <Text className="hours-card__line">扫码记录，没有被修改过</Text>
            </Card>
          )}
          {detail.entries.map((entry, index) => (
            <Entry key={`${entry.at}-${index}`} entry={entry} />
          ))}
          {disputes.length > 0 && (
            <View className="hours-section-title">
              <Text>申诉</Text>
            </View>
          )}
          {disputes.map((dispute) => (
            <Card key={dispute.id} className="hours-card" title={`${dispute.memberName}的申诉`} extra={<StatusWordTag word={DISPUTE_STATUS_WORDS[dispute.status]} />}>
              <Text className="hours-card__line">{formatTime(dispute.createdAt)}：{dispute.reason}</Text>
              {dispute.resolution && (
                <Text className="hours-card__note">
                  处理意见（{formatTime(dispute.resolvedAt)}）：{dispute.resolution}
                </Text>
              )}
            </Card>
          ))}
        </View>
      )}
    </PageShell>
  )
}

function Entry({ entry }: { entry: AuditEntry }) {
  const changes = describeChange(entry.before, entry.after)
  return (
    <Card className="hours-card record-history__entry" title={AUDIT_ACTION_TEXT[entry.action] ?? entry.action} extra={<Text className="hours-card__muted">{formatTime(entry.at)}</Text>}>
      <Text className="hours-card__line">操作人：{entry.actorName}</Text>
      <Text className="hours-card__line">理由：{entry.reason}</Text>
      {changes.length > 0 && (
        <View className="record-history__changes">
          {changes.map((line) => (
            <Text key={line} className="record-history__change">
              {line}
            </Text>
          ))}
        </View>
      )}
    </Card>
  )
}
