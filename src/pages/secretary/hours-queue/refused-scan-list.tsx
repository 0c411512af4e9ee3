import { Text } from '@tarojs/components'
import { Card } from '@/components/card'
import { StatusTag } from '@/components/status-tag'
import { QueueShell } from './queue-shell'
import { refusedScansApi } from '@/services/api/checkin'
import { useItemList } from '../hours-shared/use-item-list'
import { formatTime } from '@/services/beijing-time'

const fetchRefusedScans = () => refusedScansApi.list()

/** 被拒绝的扫码: every scan the server refused — on which order, whose code, who scanned, when and why. Read only. */
export function RefusedScanList() {
  const { items, status, error, reload } = useItemList(fetchRefusedScans)

  return (
    <QueueShell status={status} error={error} onRetry={() => void reload()} empty={{ title: '没有被拒绝的扫码', hint: '扫码没有通过时（过期码、未接单等），原因会记在这里' }}>
      {items.map((scan) => (
        <Card key={scan.id} className="hours-card refused-scan" title={scan.memberName ?? '未识别的签到码'} extra={scan.offline && <StatusTag tone="muted">离线扫码</StatusTag>}>
          <Text className="hours-card__note">{scan.message}</Text>
          <Text className="hours-card__line">{scan.orderTitle}</Text>
          <Text className="hours-card__line">
            {scan.verifierName} 扫码于 {formatTime(scan.scannedAt)}
            {scan.offline ? `，${formatTime(scan.receivedAt)} 上传` : ''}
          </Text>
        </Card>
      ))}
    </QueueShell>
  )
}
