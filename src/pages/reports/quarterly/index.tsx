import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { ChoiceChips } from '@/components/choice-chips'
import { InfoRow } from '@/components/info-row'
import { PageShell } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { useSession } from '@/hooks/use-session'
import { reportsApi, type QuarterlyReport, type QuarterlyReportQuery, type ReportContacts } from '@/services/api/reports'
import type { ApiError } from '@/services/api/types'
import { formatDate, formatTime } from '@/services/beijing-time'
import { fetchAndSaveFile } from '@/services/save-file'
import { UnitSwitcher } from '../../unit/shared/unit-switcher'
import { useActiveUnit } from '../../unit/shared/use-active-unit'
import { dueText, parseQuarterKey, quarterKey, quarterName, recentQuarters } from '../shared/quarters'
import { ContactsDialog } from './contacts-dialog'
import './index.scss'

/**
 * 党员义工工作进展情况季报表 (001 附件4): the secretary's community, the unit admin's unit, or (opened from 报送情况)
 * any community or unit of the district admin's district — its figures, activities, due date, 提交 and 导出 Excel.
 */
export default function QuarterlyReportPage() {
  const { params } = useRouter()
  const session = useSession()
  const { units, active, askFor, choose } = useActiveUnit()
  const quarters = recentQuarters(new Date())
  const [quarter, setQuarter] = useState(params.year && params.quarter ? `${params.year}-${params.quarter}` : quarters[0].value)
  const [report, setReport] = useState<QuarterlyReport | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [askingContacts, setAskingContacts] = useState(false)
  const [busy, setBusy] = useState(false)
  const request = useRef(0)

  const named = params.communityId ? { communityId: params.communityId } : params.unitId ? { unitId: params.unitId } : null
  const asUnit = !named && session?.activeRole === 'unit_admin'
  const query = (key = quarter, unitId = askFor): QuarterlyReportQuery => ({ ...(named ?? (asUnit && unitId ? { unitId } : {})), ...parseQuarterKey(key) })

  const load = async (key = quarter, unitId = askFor) => {
    if (!session) return
    const ticket = ++request.current
    const result = await reportsApi.quarterlyReport(query(key, unitId))
    Taro.stopPullDownRefresh()
    if (ticket !== request.current) return
    if (result.ok) {
      setReport(result.data)
      setError(null)
    } else setError(result.error)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load())

  const pickQuarter = (key: string) => {
    setQuarter(key)
    setReport(null)
    void load(key)
  }

  const submit = async (contacts?: ReportContacts): Promise<ApiError | null> => {
    setBusy(true)
    const result = await reportsApi.submitQuarterlyReport({ ...query(), ...parseQuarterKey(quarter), ...(contacts ? { contacts } : {}) })
    setBusy(false)
    if (!result.ok) return result.error
    setReport(result.data)
    setConfirming(false)
    setAskingContacts(false)
    void Taro.showToast({ title: `已报送上级（第${result.data.submitted!.version}版）`, icon: 'none' })
    return null
  }

  const confirmSubmit = async () => {
    const refusal = await submit()
    if (refusal) {
      setConfirming(false)
      if (refusal.code === 'REPORT_CONTACTS_REQUIRED') setAskingContacts(true)
      else void Taro.showToast({ title: refusal.message, icon: 'none', duration: 3000 })
    }
  }

  const runExport = async () => {
    setBusy(true)
    const refused = await fetchAndSaveFile(() => reportsApi.exportQuarterlyReport(query()))
    setBusy(false)
    if (refused) void Taro.showToast({ title: refused.message, icon: 'none', duration: 3000 })
  }

  const shown = report && quarterKey(report.current) === quarter ? report : null
  // What was sent, for the level above and once it can no longer be sent again; else today's figures, to submit.
  const figures = shown ? (shown.submitted && (named || !shown.canSubmit) ? shown.submitted.figures : shown.current) : null
  const status = error ? 'error' : shown ? 'ready' : 'loading'
  return (
    <PageShell title="季报表" elderToggle>
      {asUnit && <UnitSwitcher units={units} active={active} onChange={(unitId) => { choose(unitId); setReport(null); void load(quarter, unitId) }} />}
      <View className="quarterly-report">
        <ChoiceChips options={quarters} value={quarter} onChange={pickQuarter} />
        <PageShell requireLogin={false} status={status} error={error} onRetry={() => void load()}>
          {shown && figures && (
            <View className="quarterly-report__body">
              <Card
                className="quarterly-report__state"
                tone={shown.submitted ? 'done' : shown.due.overdue ? 'alert' : 'notice'}
                title={shown.submitted ? `已报送上级（第${shown.submitted.version}版）` : '未提交'}
                extra={<SubmissionTag report={shown} />}
              >
                <InfoRow label="截止日期" value={dueText(shown.due, Boolean(shown.submitted))} hint="每季度最后一个月28日前报上级党（工）委" />
                {shown.submitted && (
                  <InfoRow
                    label="报送"
                    value={`${formatTime(shown.submitted.submittedAt)} · ${shown.submitted.submittedBy}`}
                    hint={shown.submitted.seenAt ? `上级已于${formatTime(shown.submitted.seenAt)}查阅，不能再次提交` : '上级查阅前可再次提交，报送的是提交时的数据'}
                  />
                )}
              </Card>

              <Card title="党员义工工作进展情况季报表">
                <Text className="quarterly-report__hint">{`${quarterName(figures)} · 填报日期 ${formatDate(figures.filledOn)}${figures === shown.current ? '（今天的数据）' : '（报送时的数据）'}`}</Text>
                <InfoRow label="党员义工组织名称" value={figures.organisation.name} />
                <InfoRow label="下辖党员义工组织" value={`${figures.teams} 个`} hint="本组织的服务队、党员工作室和小组" />
                <InfoRow label="管辖党员总数" value={`${figures.partyMembers} 人`} hint="注册的党员，加上持报到单尚未报到的" />
                <InfoRow label="注册党员义工总数" value={`${figures.registeredVolunteers} 人`} />
                <InfoRow label="入党积极分子注册义工" value={`${figures.activists} 人`} />
                <InfoRow label="负责人" value={figures.contacts ? `${figures.contacts.leadName} ${figures.contacts.leadPhone}` : '提交时填写'} />
                <InfoRow label="联系人" value={figures.contacts ? `${figures.contacts.contactName} ${figures.contacts.contactPhone}` : '提交时填写'} />
              </Card>

              <Card title="组织开展义工服务">
                <Text className="quarterly-report__hint">{`开展时间：${quarterName(figures)}；时数为已认定的服务时长`}</Text>
                {figures.activities.length === 0 && <InfoRow label="项目" value="本季度还没有已认定时长的活动" />}
                {figures.activities.map((activity, i) => (
                  <InfoRow
                    key={activity.orderId}
                    label={`${i + 1}、${activity.project}`}
                    value={`${activity.participants}人 · ${activity.hours}小时`}
                    hint={activity.brief ? `${formatDate(activity.heldOn)} · 简讯：${activity.brief.summary}（照片${activity.brief.photos}张）` : formatDate(activity.heldOn)}
                  />
                ))}
                <InfoRow label="合计" value={`${figures.totals.people}人（${figures.totals.participations}人次） · ${figures.totals.hours}小时`} />
              </Card>

              {shown.canSubmit && (
                <Button className="quarterly-report__submit" type="primary" size="large" block loading={busy} disabled={busy} onClick={() => setConfirming(true)}>
                  {shown.submitted ? '再次提交' : '提交'}
                </Button>
              )}
              <Button className="quarterly-report__export" size="large" block disabled={busy} onClick={() => void runExport()}>
                导出 Excel
              </Button>
              <Text className="quarterly-report__note">
                参加人数为本季度有已认定服务时长的人数，同一人参加多项只计一次（人次另列）；补录的时长经审核认定后计入，待审核、待居民确认的不计。
              </Text>
            </View>
          )}
        </PageShell>
      </View>
      <Dialog
        visible={confirming}
        title="报送上级"
        content={`把${shown ? quarterName(shown.current) : ''}季报表报送上级党（工）委？报送的是现在的数据，上级查阅前可再次提交。`}
        confirmText="提交"
        cancelText="取消"
        onConfirm={() => void confirmSubmit()}
        onCancel={() => setConfirming(false)}
        onClose={() => setConfirming(false)}
      />
      <ContactsDialog visible={askingContacts} initial={shown?.current.contacts ?? null} onSubmit={submit} onClose={() => setAskingContacts(false)} />
    </PageShell>
  )
}

function SubmissionTag({ report }: { report: QuarterlyReport }) {
  if (report.submitted?.seenAt) return <StatusTag tone="done">上级已查阅</StatusTag>
  if (report.submitted) return <StatusTag tone={report.submitted.late ? 'alert' : 'done'}>{report.submitted.late ? '迟交' : '已报送'}</StatusTag>
  if (report.due.overdue) return <StatusTag tone="alert">已逾期</StatusTag>
  return <StatusTag tone="waiting">待提交</StatusTag>
}
