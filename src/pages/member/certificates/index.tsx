import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Checkbox, Input } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { ChoiceChips } from '@/components/choice-chips'
import { DayField } from '@/components/day-field'
import { FormBanner } from '@/components/form-banner'
import { FormRow } from '@/components/form-row'
import { FormSection } from '@/components/form-section'
import { InfoRow } from '@/components/info-row'
import { PageShell, PrimaryAction } from '@/components/page-shell'
import { StatusWordTag } from '@/components/status-word-tag'
import { certificatesApi, type Certificate, type RequestCertificateData } from '@/services/api/certificates'
import { recordsApi } from '@/services/api/records'
import type { ApiError, ServiceRecord } from '@/services/api/types'
import { formatBusinessDate, shanghaiDate } from '@/services/beijing-time'
import { PROFILE_PAGE } from '@/services/navigation'
import { fetchAndSaveFile } from '@/services/save-file'
import { CERTIFICATE_STATUS_WORDS } from '@/services/status-words'
import './index.scss'

type Scope = 'thisYear' | 'lastYear' | 'period' | 'records'

const SCOPES = [
  { value: 'thisYear', text: '今年' },
  { value: 'lastYear', text: '去年' },
  { value: 'period', text: '自选期间' },
  { value: 'records', text: '选择记录' },
] as const

/** The period a preset stands for, from 1 January to today or over last year (Beijing days). */
function periodOf(scope: Scope, today: string, chosen: { from: string; to: string }): { from: string; to: string } {
  const year = Number(today.slice(0, 4))
  if (scope === 'thisYear') return { from: `${year}-01-01`, to: today }
  if (scope === 'lastYear') return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` }
  return chosen
}

/** 志愿服务证明: a member asks for one, sees each organising community's answer and downloads the issued PDF. */
export default function MemberCertificatesPage() {
  const [items, setItems] = useState<Certificate[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [asking, setAsking] = useState(false)
  const [scope, setScope] = useState<Scope>('thisYear')
  const [chosenPeriod, setChosenPeriod] = useState({ from: '', to: '' })
  const [records, setRecords] = useState<ServiceRecord[] | null>(null)
  const [picked, setPicked] = useState<string[]>([])
  const [purpose, setPurpose] = useState('')
  const [refusal, setRefusal] = useState<ApiError | null>(null)
  const [sending, setSending] = useState(false)

  const load = async () => {
    const result = await certificatesApi.mine()
    if (!result.ok) return setError(result.error)
    setError(null)
    setItems(result.data.certificates)
  }
  useDidShow(() => void load())

  const chooseScope = async (next: Scope) => {
    setScope(next)
    setRefusal(null)
    if (next === 'records' && records === null) {
      const result = await recordsApi.myHours({ page: { limit: 100, offset: 0 } })
      if (result.ok) setRecords(result.data.records.filter((record) => record.status === 'credited' && record.source === 'scan'))
      else setRefusal(result.error)
    }
  }

  const send = async () => {
    const today = shanghaiDate(new Date())
    const data: RequestCertificateData = scope === 'records' ? { recordIds: picked, purpose } : { ...periodOf(scope, today, chosenPeriod), purpose }
    setSending(true)
    const result = await certificatesApi.request(data)
    setSending(false)
    if (!result.ok) return setRefusal(result.error)
    setRefusal(null)
    setAsking(false)
    setPicked([])
    setPurpose('')
    void Taro.showToast({ title: result.data.certificates.length > 1 ? `已提交给${result.data.certificates.length}个社区` : '已提交，等社区出具', icon: 'none' })
    void load()
  }

  const download = async (item: Certificate) => {
    const failure = await fetchAndSaveFile(() => certificatesApi.download(item.id), '证明已下载')
    if (failure) void Taro.showToast({ title: failure.message, icon: 'none' })
  }

  const fieldError = (name: string) => refusal?.fields?.[name] ?? null

  return (
    <PageShell
      title="志愿服务证明"
      status={error ? 'error' : items === null ? 'loading' : 'ready'}
      error={error}
      onRetry={() => void load()}
      backTo={PROFILE_PAGE}
      elderToggle
    >
      <View className="member-certificates">
        {asking ? (
          <FormSection title="申请志愿服务证明" hint="组织服务的社区各出具一份；只计扫码签到签退核验的时长，手工补录的不计入">
            <FormRow label="证明范围" required error={fieldError('from') ?? fieldError('recordIds')}>
              <ChoiceChips options={SCOPES} value={scope} onChange={(value) => void chooseScope(value)} />
            </FormRow>
            {scope === 'period' && (
              <>
                <FormRow label="开始日期" required error={fieldError('from')}>
                  <DayField title="开始日期" value={chosenPeriod.from} onChange={(from) => setChosenPeriod({ ...chosenPeriod, from })} />
                </FormRow>
                <FormRow label="结束日期" required error={fieldError('to')}>
                  <DayField title="结束日期" value={chosenPeriod.to} onChange={(to) => setChosenPeriod({ ...chosenPeriod, to })} />
                </FormRow>
              </>
            )}
            {scope === 'records' && (
              <FormRow label="服务记录" required hint="今年扫码核验的记录" error={fieldError('recordIds')}>
                {records?.length === 0 && <Text className="member-certificates__note">今年还没有扫码核验的服务记录</Text>}
                <Checkbox.Group value={picked} onChange={(value) => setPicked(value as string[])}>
                  {records?.map((record) => (
                    <Checkbox key={record.id} className="member-certificates__record" value={record.id}>
                      {`${formatBusinessDate(record.serviceDate)} ${record.content} ${record.hoursCredited} 小时`}
                    </Checkbox>
                  ))}
                </Checkbox.Group>
              </FormRow>
            )}
            <FormRow label="用途" hint="可不填，例如 入学材料、评优" error={fieldError('purpose')}>
              <Input name="purpose" value={purpose} maxLength={60} placeholder="选填" onChange={setPurpose} />
            </FormRow>
            <FormBanner message={refusal && !refusal.fields ? refusal.message : null} />
            <PrimaryAction loading={sending} onClick={() => void send()}>
              提交申请
            </PrimaryAction>
            <Button className="member-certificates__cancel" fill="none" block onClick={() => setAsking(false)}>
              取消
            </Button>
          </FormSection>
        ) : (
          <PrimaryAction onClick={() => setAsking(true)}>申请志愿服务证明</PrimaryAction>
        )}

        {items?.length === 0 && !asking && <Text className="member-certificates__note">还没有申请过证明。证明由组织服务的社区无偿出具。</Text>}
        {items?.map((item) => (
          <Card key={item.id} title={item.communityName} extra={<StatusWordTag word={CERTIFICATE_STATUS_WORDS[item.status]} />} tone={item.status === 'refused' ? 'alert' : 'plain'}>
            <InfoRow label="证明期间" value={`${formatBusinessDate(item.periodFrom)} 至 ${formatBusinessDate(item.periodTo)}`} />
            {item.chosenRecords !== null && <InfoRow label="所选记录" value={`${item.chosenRecords} 条`} />}
            {item.purpose && <InfoRow label="用途" value={item.purpose} />}
            {item.number && <InfoRow label="证明编号" value={item.number} />}
            {item.hours !== null && <InfoRow label="核验时长" value={`${item.hours} 小时`} />}
            {item.issuedOn && <InfoRow label="出具日期" value={formatBusinessDate(item.issuedOn)} />}
            {item.refuseReason && <InfoRow label="退回原因" value={item.refuseReason} />}
            {item.revokeReason && <InfoRow label="作废原因" value={item.revokeReason} />}
            {item.replacedByNumber && <InfoRow label="新证明编号" value={item.replacedByNumber} />}
            {item.replacesNumber && <InfoRow label="替代" value={`已作废的 ${item.replacesNumber}`} />}
            {item.status === 'issued' && (
              <View className="member-certificates__buttons">
                <Button type="primary" onClick={() => void download(item)}>
                  下载证明
                </Button>
              </View>
            )}
          </Card>
        ))}
      </View>
    </PageShell>
  )
}
