import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/page-shell'
import { useShownDetail } from '@/hooks/use-shown-detail'
import { recordsApi } from '@/services/api/records'
import type { ServiceRecord } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { Card } from '@/components/card'
import { InfoRow } from '@/components/info-row'
import { StatusTag } from '@/components/status-tag'
import { RECORD_STATUS_WORDS } from '@/services/status-words'
import { DisputeCard } from '../shared/dispute-card'
import { formatHours } from '../shared/order-display'
import { RATING_TEXT, RECORD_STATUS_HINT, formatTimes, ratingText } from '../shared/record-display'
import { ChangeHistory } from './change-history'
import { SelfEvaluationForm } from './self-evaluation'
import { formatBusinessDate, formatMoment } from '@/services/beijing-time'
import './index.scss'

/** One service record as its member sees it: where, when, hours, who verified, evaluations, changes and disputes. */
export default function RecordDetailPage() {
  const { params } = useRouter()
  const recordId = params.id ? decodeURIComponent(params.id) : ''
  const fetchIt = useCallback(() => recordsApi.history(recordId), [recordId])
  const { data: detail, setData: setDetail, status, error, reload } = useShownDetail(recordId ? fetchIt : null, '找不到这条服务记录')

  const record = detail?.record
  const openDispute = detail?.disputes.some((dispute) => dispute.status === 'open') ?? false

  return (
    <PageShell title="服务记录" backTo={ROUTES.memberHours} status={status} error={error} onRetry={() => void reload()}>
      {detail && record && (
        <View className="record-detail">
          <Card
            title={record.orderTitle}
            extra={<StatusTag tone={RECORD_STATUS_WORDS[record.status].tone}>{RECORD_STATUS_WORDS[record.status].text}</StatusTag>}
          >
            {RECORD_STATUS_HINT[record.status] && <Text className="record-detail__status-hint">{RECORD_STATUS_HINT[record.status]}</Text>}
            <InfoRow label="服务地点" value={record.place} />
            <InfoRow label="服务日期" value={formatBusinessDate(record.serviceDate)} />
            <InfoRow label="服务时间" value={formatTimes(record.startedAt, record.endedAt)} />
            {record.content && record.content !== record.orderTitle && <InfoRow label="服务内容" value={record.content} />}
          </Card>

          <HoursCard record={record} />

          <Card title="评价">
            {record.orderKind === 'demand' && (
              <InfoRow label="居民评价" value={ratingText(record.residentRating) ?? (record.residentConfirmed ? '已确认，未评价' : '居民还没有评价')} />
            )}
            <InfoRow label="组织评价" value={ratingText(record.organisationRating) ?? '社区还没有评价'} />
            {record.selfRating ? (
              <InfoRow label="我的自评" value={RATING_TEXT[record.selfRating]} hint={record.selfEvaluation ?? undefined} />
            ) : (
              <SelfEvaluationForm record={record} onDone={(next) => setDetail({ ...detail, record: next })} />
            )}
          </Card>

          <Card title="修改记录">
            <ChangeHistory entries={detail.entries} />
          </Card>

          <Card title="申诉">
            {detail.disputes.length === 0 && <Text className="record-detail__none">时长漏记、记错，可以向社区书记申诉。</Text>}
            {detail.disputes.map((dispute) => (
              <DisputeCard key={dispute.id} dispute={dispute} />
            ))}
            {!openDispute && (
              <Button
                className="record-detail__dispute"
                size="large"
                block
                fill="outline"
                type="primary"
                onClick={() => void Taro.navigateTo({ url: ROUTES.memberDispute(record.orderId) })}
              >
                {detail.disputes.length ? '再次申诉' : '对这条记录有疑问，申诉'}
              </Button>
            )}
          </Card>
        </View>
      )}
    </PageShell>
  )
}

const HOURS_LABEL: Record<ServiceRecord['status'], string> = {
  credited: '已计入',
  pending_approval: '审核通过后计入',
  awaiting_resident: '居民确认后计入',
}

/** The hours credited, with scanned and hand-entered time apart, and who verified them. */
function HoursCard({ record }: { record: ServiceRecord }) {
  const scanned = record.source === 'scan'
  const capped = Math.abs(record.hoursMeasured - record.hoursCredited) >= 0.01
  return (
    <Card title="服务时长">
      <View className="record-detail__hours">
        <Text className="record-detail__hours-number">{formatHours(record.hoursCredited).replace(' 小时', '')}</Text>
        <Text className="record-detail__hours-unit">小时</Text>
        <Text className="record-detail__hours-label">{HOURS_LABEL[record.status]}</Text>
      </View>
      <View className="record-detail__split">
        <View className={`record-detail__source${scanned ? ' record-detail__source--on' : ''}`}>
          <Text className="record-detail__source-number">{scanned ? formatHours(record.hoursCredited) : '—'}</Text>
          <Text className="record-detail__source-label">扫码签到计时</Text>
        </View>
        <View className={`record-detail__source${scanned ? '' : ' record-detail__source--on'}`}>
          <Text className="record-detail__source-number">{scanned ? '—' : formatHours(record.hoursCredited)}</Text>
          <Text className="record-detail__source-label">书记补录</Text>
        </View>
      </View>
      {capped && (
        <Text className="record-detail__capped">
          实际 {formatHours(record.hoursMeasured)}，按规则计入 {formatHours(record.hoursCredited)}
        </Text>
      )}
      <InfoRow label="核验人" value={record.verifierName ?? '—'} />
      <InfoRow label="证明单位" value={record.certifiedBy} />
      {record.orderKind === 'demand' && (
        <InfoRow label="居民确认" value={record.residentConfirmedAt ? formatMoment(record.residentConfirmedAt) : '待居民确认'} />
      )}
    </Card>
  )
}
