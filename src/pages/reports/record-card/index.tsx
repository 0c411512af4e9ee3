import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { ChoiceChips } from '@/components/choice-chips'
import { EmptyState } from '@/components/empty-state'
import { FormSection } from '@/components/form-section'
import { InfoRow } from '@/components/info-row'
import { PageShell } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { useSession } from '@/hooks/use-session'
import { documentsApi, type RecordCard, type RecordCardFormat } from '@/services/api/documents'
import type { ApiError } from '@/services/api/types'
import { shanghaiDate } from '@/services/beijing-time'
import { fetchAndSaveFile } from '@/services/save-file'
import './index.scss'

/** This year and the two before it, as chips. */
const yearChoices = (now: Date) => {
  const thisYear = Number(shanghaiDate(now).slice(0, 4))
  return [thisYear, thisYear - 1, thisYear - 2].map((year) => ({ value: String(year), text: year === thisYear ? `今年（${year}）` : `${year}年` }))
}

/**
 * 社区服务（活动）记录卡 (004 附件5) of one member for one year: the member's own, or (opened with ?memberId=) a member
 * of the secretary's community, the unit admin's unit or the district admin's district. 导出 Excel / PDF as on paper.
 */
export default function RecordCardPage() {
  const { params } = useRouter()
  const session = useSession()
  const years = yearChoices(new Date())
  const [year, setYear] = useState(years[0].value)
  const [card, setCard] = useState<RecordCard | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState<RecordCardFormat | null>(null)
  const request = useRef(0)
  const query = (chosen = year) => ({ ...(params.memberId ? { memberId: params.memberId } : {}), year: Number(chosen) })

  const load = async (chosen = year) => {
    if (!session) return
    const ticket = ++request.current
    const result = await documentsApi.recordCard(query(chosen))
    Taro.stopPullDownRefresh()
    if (ticket !== request.current) return
    if (result.ok) {
      setCard(result.data)
      setError(null)
    } else setError(result.error)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load())

  const pickYear = (chosen: string) => {
    setYear(chosen)
    setCard(null)
    void load(chosen)
  }

  const runExport = async (format: RecordCardFormat) => {
    setBusy(format)
    const refused = await fetchAndSaveFile(() => documentsApi.exportRecordCard(query(), format))
    setBusy(null)
    if (refused) void Taro.showToast({ title: refused.message, icon: 'none', duration: 3000 })
  }

  const shown = card && String(card.header.year) === year ? card : null
  const status = error ? 'error' : shown ? 'ready' : 'loading'
  return (
    <PageShell title="社区服务记录卡" elderToggle>
      <View className="record-card">
        <ChoiceChips options={years} value={year} onChange={pickYear} />
        <PageShell requireLogin={false} status={status} error={error} onRetry={() => void load()}>
          {shown && (
            <View className="record-card__body">
              <FormSection title="在职党员社区服务（活动）记录卡" hint={`${shown.header.year}年`}>
                <InfoRow label="姓名" value={shown.header.name} />
                <InfoRow label="工作单位" value={shown.header.workUnit || '—'} />
                <InfoRow label="报到社区" value={shown.header.community} />
                <InfoRow label="志愿者编号" value={shown.header.volunteerNo} />
              </FormSection>

              <Card title="合计" extra={<Text>{`${shown.totals.hours} 小时`}</Text>}>
                <InfoRow label="服务" value={`${shown.totals.services} 次`} />
                <InfoRow label="扫码核验" value={`${shown.totals.verifiedServices} 次 · ${shown.totals.verifiedHours} 小时`} />
                <InfoRow label="补录" value={`${shown.totals.handEnteredServices} 次 · ${shown.totals.handEnteredHours} 小时`} />
                {shown.totals.pendingServices > 0 && <InfoRow label="未计入" value={`${shown.totals.pendingServices} 条`} hint="待审批或待居民确认的记录不上卡" />}
              </Card>

              <View className="record-card__exports">
                <Button className="record-card__export" size="large" disabled={busy !== null} loading={busy === 'xlsx'} onClick={() => void runExport('xlsx')}>
                  导出 Excel
                </Button>
                <Button className="record-card__export" type="primary" size="large" disabled={busy !== null} loading={busy === 'pdf'} onClick={() => void runExport('pdf')}>
                  导出 PDF
                </Button>
              </View>

              {shown.rows.length === 0 && <EmptyState title={`${shown.header.year}年还没有已认定的服务`} hint="扫码签到签退或补录审核通过后，服务会记在卡上。" />}
              {shown.rows.map((row) => (
                <Card
                  key={row.recordId}
                  className="record-card__row"
                  title={row.content}
                  extra={<StatusTag tone={row.source === 'scan' ? 'done' : 'muted'}>{row.source === 'scan' ? '扫码核验' : '补录'}</StatusTag>}
                >
                  <InfoRow label="时间" value={row.time} />
                  <InfoRow label="地点" value={row.place} />
                  <InfoRow label="时数" value={`${row.hours} 小时`} />
                  <InfoRow label="评价" value={row.evaluation || '—'} />
                  <InfoRow label="认证" value={row.certifyingOrg} hint={row.verifier ? `核验人：${row.verifier}` : undefined} />
                </Card>
              ))}

              <FormSection title="培训情况">
                {shown.trainings.length === 0 && <InfoRow label="培训" value="无" />}
                {shown.trainings.map((training) => (
                  <InfoRow key={training.id} label={training.kindLabel} value={`${training.title} · ${training.hours} 小时`} hint={`${training.organiser} · ${training.period}`} layout="stacked" />
                ))}
              </FormSection>

              <FormSection title="表彰奖励情况">
                {shown.awards.length === 0 && <InfoRow label="表彰" value="无" />}
                {shown.awards.map((award) => (
                  <InfoRow key={award.id} label={award.levelLabel} value={award.title} hint={`${award.awardingBody} · ${award.awardedOn}`} layout="stacked" />
                ))}
              </FormSection>

              <Text className="record-card__note">
                只列已认定的服务；扫码核验与补录的时数分列。导出的记录卡按附件5排版，含“社区认证”盖章栏，打印后由社区党组织盖章。
              </Text>
            </View>
          )}
        </PageShell>
      </View>
    </PageShell>
  )
}
