import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { PageShell } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { IN_SERVICE_DEFINITION } from '@core/reports/in-service-definition'
import { reportsApi, type UnitStatistics } from '@/services/api/reports'
import type { ApiError } from '@/services/api/types'
import { formatDate } from '@/services/beijing-time'
import { getSession } from '@/services/session'
import { REPORT_DETAIL_WORDS } from '@/services/status-words'
import { fetchAndSaveFile } from '@/services/save-file'
import { UnitSwitcher } from '../shared/unit-switcher'
import { useActiveUnit } from '../shared/use-active-unit'
import './index.scss'

/** 在职党员社区报到情况统计表 (004 附件3) of the unit, with the reasons and the people behind the figures. */
export default function UnitStatisticsPage() {
  const { units, active, askFor, choose } = useActiveUnit()
  const [statistics, setStatistics] = useState<UnitStatistics | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [exporting, setExporting] = useState(false)

  const request = useRef(0)

  const load = async (unitId = askFor) => {
    if (!getSession()) return
    const ticket = ++request.current
    const result = await reportsApi.unitStatistics(unitId)
    Taro.stopPullDownRefresh()
    if (ticket !== request.current) return
    if (result.ok) {
      setStatistics(result.data)
      setError(null)
    } else setError(result.error)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load())

  const switchUnit = (unitId: string) => {
    choose(unitId)
    setError(null)
    void load(unitId)
  }

  const runExport = async () => {
    setExporting(true)
    const refused = await fetchAndSaveFile(() => reportsApi.exportUnitStatistics(askFor))
    setExporting(false)
    if (refused) void Taro.showToast({ title: refused.message, icon: 'none', duration: 3000 })
  }

  // Another unit's figures (chosen on the slips page meanwhile) are not shown while this one's load.
  const shown = statistics && statistics.unit.id === askFor ? statistics : null
  const status = error ? 'error' : shown ? 'ready' : 'loading'
  return (
    <PageShell title="报到情况统计" tab="unit-stats">
      <UnitSwitcher units={units} active={active} onChange={switchUnit} />
      <View className="unit-switcher-body">
        <PageShell requireLogin={false} status={status} error={error} onRetry={() => void load()}>
          {shown && (
            <View className="unit-stats">
              <View className="unit-stats__form">
                <Text className="unit-stats__title">在职党员社区报到情况统计表</Text>
                <FormLine label="单位名称" value={shown.unit.name} />
                <FormLine label="在职党员总数" value={`${shown.figures.inService} 人`} />
                <Text className="unit-stats__definition">{IN_SERVICE_DEFINITION}</Text>
                <FormLine label="报到党员总数" value={`${shown.figures.reported} 人`} />
                <FormLine label="报到涉及社区数" value={`${shown.figures.communities} 个`} />
                <FormLine label="未到社区报到的党员数" value={`${shown.figures.notReported} 人`} strong={shown.figures.notReported > 0} />
                <FormLine label="尚在报到期限内的党员数" value={`${shown.figures.awaiting} 人`} />
                <View className="unit-stats__line unit-stats__line--reasons">
                  <Text className="unit-stats__label">未报到的主要原因</Text>
                  <View className="unit-stats__value">
                    {shown.reasons.length === 0 && <Text>无</Text>}
                    {shown.reasons.map(({ reason, count }) => (
                      <Text key={reason} className="unit-stats__reason">
                        {reason}（{count}人）
                      </Text>
                    ))}
                  </View>
                </View>
              </View>
              <Button className="unit-stats__export" type="primary" size="large" block loading={exporting} disabled={exporting} onClick={() => void runExport()}>
                导出 Excel
              </Button>
              <Text className="unit-stats__note">
                口径：报到涉及社区数按已报到党员所在社区计；报到截止日期已过仍未报到的计入未报到，截止日期未到的计入报到期限内；未报到原因取单位填写的原因，待社区确认和被退回的单独列出。
              </Text>
              <Text className="unit-stats__section">明细（{shown.details.length} 人，手机已打码）</Text>
              {shown.details.map((detail, i) => {
                const word = REPORT_DETAIL_WORDS[detail.status]
                return (
                  <Card key={`${detail.name}-${i}`} className="stats-detail" title={detail.name} extra={<StatusTag tone={word.tone}>{word.text}</StatusTag>}>
                    <Text className="stats-detail__info">
                      {detail.phone} · {detail.community} · {detail.status === 'awaiting' ? `${formatDate(detail.date)} 前报到` : formatDate(detail.date)}
                    </Text>
                    {detail.reason && detail.status !== 'pending' && <Text className="stats-detail__reason">{`${detail.status === 'awaiting' ? '单位备注' : '原因'}：${detail.reason}`}</Text>}
                  </Card>
                )
              })}
            </View>
          )}
        </PageShell>
      </View>
    </PageShell>
  )
}

function FormLine({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <View className="unit-stats__line">
      <Text className="unit-stats__label">{label}</Text>
      <Text className={`unit-stats__value${strong ? ' unit-stats__value--strong' : ''}`}>{value}</Text>
    </View>
  )
}
