import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { ChoiceChips } from '@/components/choice-chips'
import { FormBanner } from '@/components/form-banner'
import { FormRow } from '@/components/form-row'
import { FormSection } from '@/components/form-section'
import { InfoRow } from '@/components/info-row'
import { PageShell, type PageStatus } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { useFormErrors } from '@/hooks/use-form-errors'
import { formatTime, inBeijing } from '@/services/beijing-time'
import { ruleSetsApi, type Exemption, type ExemptionList, type MemberCandidate } from '@/services/api/rule-sets'
import type { ApiError } from '@/services/api/types'
import { ConfirmDialog } from '../shared/confirm-dialog'
import '../shared/district.scss'
import './index.scss'

interface ExemptionForm {
  member: MemberCandidate | null
  reason: string
  approvedBy: string
  approvalRef: string
}

type Field = 'memberId' | 'reason' | 'approvedBy' | 'approvalRef'

const EMPTY: ExemptionForm = { member: null, reason: '', approvedBy: '', approvalRef: '' }

/** The same limits as RecordExemptionInput, in the same words. */
function checkForm(form: ExemptionForm | null): Partial<Record<Field, string>> {
  if (!form) return {}
  const errors: Partial<Record<Field, string>> = {}
  if (!form.member) errors.memberId = '请选择党员'
  const reason = form.reason.trim()
  if (!reason) errors.reason = '免除原因不能为空'
  else if (reason.length < 2) errors.reason = '免除原因至少需要2个字'
  const approvedBy = form.approvedBy.trim()
  if (!approvedBy) errors.approvedBy = '批准单位不能为空'
  else if (approvedBy.length < 2) errors.approvedBy = '批准单位至少需要2个字'
  return errors
}

/** 免除考核: members exempted for a year with the upper committee's approval; record and revoke. */
export default function DistrictExemptionsPage() {
  const thisYear = inBeijing(new Date()).year()
  const [year, setYear] = useState(thisYear)
  const [list, setList] = useState<ExemptionList | null>(null)
  const [status, setStatus] = useState<PageStatus>('loading')
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [form, setForm] = useState<ExemptionForm | null>(null)
  const [query, setQuery] = useState('')
  const [candidates, setCandidates] = useState<MemberCandidate[] | null>(null)
  const [saving, setSaving] = useState(false)
  const [revoking, setRevoking] = useState<Exemption | null>(null)
  const errors = useFormErrors(form, checkForm)

  const load = useCallback(async (forYear: number, quiet = false) => {
    if (!quiet) setStatus('loading')
    const result = await ruleSetsApi.exemptions(forYear)
    if (!result.ok) {
      setLoadError(result.error)
      setStatus('error')
      return
    }
    setList(result.data)
    setStatus('ready')
  }, [])

  useDidShow(() => void load(year, list !== null))

  const set = (patch: Partial<ExemptionForm>, fields: Field[]) => {
    setForm((current) => ({ ...(current ?? EMPTY), ...patch }))
    errors.changed(fields)
  }

  const search = async () => {
    if (!query.trim()) return
    const result = await ruleSetsApi.findMembers(query.trim())
    if (!result.ok) return void Taro.showToast({ title: result.error.message, icon: 'none' })
    setCandidates(result.data.members)
  }

  const submit = async () => {
    if (!form || !errors.check()) return
    setSaving(true)
    const result = await ruleSetsApi.recordExemption({
      memberId: form.member!.memberId,
      year,
      reason: form.reason.trim(),
      approvedBy: form.approvedBy.trim(),
      ...(form.approvalRef.trim() ? { approvalRef: form.approvalRef.trim() } : {}),
    })
    setSaving(false)
    if (!result.ok) return errors.refused(result.error, (path) => (['memberId', 'reason', 'approvedBy', 'approvalRef'].includes(path) ? (path as Field) : undefined))
    setForm(null)
    setCandidates(null)
    setQuery('')
    void Taro.showToast({ title: '已登记免除考核', icon: 'none' })
    await load(year, true)
  }

  const revoke = async (): Promise<ApiError | null> => {
    if (!revoking) return null
    const result = await ruleSetsApi.revokeExemption(revoking.id)
    if (!result.ok) return result.error
    setRevoking(null)
    void Taro.showToast({ title: '已撤销', icon: 'none' })
    await load(year, true)
    return null
  }

  const years = [thisYear - 1, thisYear, thisYear + 1].map((value) => ({ value: String(value), text: `${value}年` }))
  const live = list?.exemptions.filter((exemption) => exemption.live).length ?? 0

  return (
    <PageShell title="免除考核" status={status} error={loadError} onRetry={() => void load(year)} elderToggle>
      {list && (
        <View className="district exemptions">
          <FormSection title="考核年度">
            <View className="exemptions__years">
              <ChoiceChips
                options={years}
                value={String(year)}
                onChange={(value) => {
                  setYear(Number(value))
                  setForm(null)
                  void load(Number(value))
                }}
              />
            </View>
          </FormSection>
          <Text className="district__summary">
            {year}年度有效免除 {live} 人。免除须经上级党组织批准，请按批准文件登记。
          </Text>
          {list.closed && <Text className="district__summary">{year}年度已结束，不能再登记或撤销。</Text>}
          {!list.closed && !form && (
            <View className="district__toolbar">
              <Button type="primary" size="small" className="exemptions__add" onClick={() => setForm(EMPTY)}>
                登记免除
              </Button>
            </View>
          )}

          {form && (
            <FormSection title={`登记${year}年度免除考核`} hint="被免除的党员当年不按服务时数等规则考核。">
              <FormRow label="党员" required error={errors.errors.memberId} hint="输入姓名开头、志愿者编号或手机号后查找">
                {form.member ? (
                  <View className="exemptions__chosen">
                    <Text>{form.member.name}（{form.member.volunteerNo}，{form.member.communityName}）</Text>
                    <Button size="small" fill="none" onClick={() => set({ member: null }, ['memberId'])}>
                      重选
                    </Button>
                  </View>
                ) : (
                  <View className="exemptions__search">
                    <Input className="exemptions__query" value={query} placeholder="姓名、编号或手机号" maxLength={30} onChange={setQuery} />
                    <Button size="small" onClick={() => void search()}>
                      查找
                    </Button>
                  </View>
                )}
              </FormRow>
              {!form.member && candidates && candidates.length === 0 && <Text className="district__summary">本区没有找到该党员。</Text>}
              {!form.member &&
                candidates?.map((candidate) => (
                  <View key={candidate.memberId} className="org-row exemptions__candidate" onClick={() => set({ member: candidate }, ['memberId'])}>
                    <View className="org-row__text">
                      <Text>{candidate.name}</Text>
                      <Text className="org-row__sub">
                        {candidate.volunteerNo} · {candidate.communityName}
                      </Text>
                    </View>
                    <Text className="org-row__sub">选择 ›</Text>
                  </View>
                ))}
              <FormRow label="免除原因" required error={errors.errors.reason}>
                <TextArea className="exemptions__reason" value={form.reason} maxLength={200} showCount autoSize placeholder="例如：长期卧病在床，无法参加服务" onChange={(reason) => set({ reason }, ['reason'])} />
              </FormRow>
              <FormRow label="批准单位" required error={errors.errors.approvedBy}>
                <Input className="exemptions__approved-by" value={form.approvedBy} placeholder="例如：台城街道党工委" maxLength={60} onChange={(approvedBy) => set({ approvedBy }, ['approvedBy'])} />
              </FormRow>
              <FormRow label="批准文号" error={errors.errors.approvalRef}>
                <Input value={form.approvalRef} placeholder="选填" maxLength={60} onChange={(approvalRef) => set({ approvalRef }, ['approvalRef'])} />
              </FormRow>
              <FormBanner message={errors.banner} />
              <View className="org-card__buttons exemptions__actions">
                <Button type="primary" className="exemptions__submit" loading={saving} onClick={() => void submit()}>
                  登记
                </Button>
                <Button fill="outline" onClick={() => setForm(null)}>
                  取消
                </Button>
              </View>
            </FormSection>
          )}

          {list.exemptions.length === 0 && <Text className="district__summary">{year}年度没有免除考核的党员。</Text>}
          {list.exemptions.map((exemption) => (
            <Card
              key={exemption.id}
              className="exemption-card"
              title={<Text className="org-card__name">{exemption.memberName}</Text>}
              extra={<StatusTag tone={exemption.live ? 'active' : 'muted'}>{exemption.live ? '有效' : '已撤销'}</StatusTag>}
            >
              <Text className="org-card__counts">
                {exemption.volunteerNo} · {exemption.communityName}
              </Text>
              <InfoRow label="原因" value={exemption.reason} layout="stacked" />
              <InfoRow label="批准" value={exemption.approvalRef ? `${exemption.approvedBy}（${exemption.approvalRef}）` : exemption.approvedBy} />
              <InfoRow label="登记" value={`${exemption.recordedBy} · ${formatTime(exemption.recordedAt)}`} />
              {exemption.revokedAt && <InfoRow label="撤销" value={`${exemption.revokedBy} · ${formatTime(exemption.revokedAt)}`} />}
              {exemption.live && !list.closed && (
                <View className="org-card__buttons">
                  <Button size="small" fill="outline" onClick={() => setRevoking(exemption)}>
                    撤销
                  </Button>
                </View>
              )}
            </Card>
          ))}
        </View>
      )}
      <ConfirmDialog
        visible={revoking !== null}
        title="撤销免除考核"
        message={revoking ? `撤销后，${revoking.memberName}${year}年度将恢复按规则考核。记录会保留并注明撤销人。` : ''}
        confirmText="撤销"
        onConfirm={revoke}
        onClose={() => setRevoking(null)}
      />
    </PageShell>
  )
}
