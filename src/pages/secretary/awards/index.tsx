import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { ChoiceChips } from '@/components/choice-chips'
import { DayField } from '@/components/day-field'
import { FormBanner } from '@/components/form-banner'
import { FormRow } from '@/components/form-row'
import { FormSection } from '@/components/form-section'
import { InfoRow } from '@/components/info-row'
import { PageShell } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { AWARD_LEVELS, AWARD_LEVEL_LABELS, type AwardLevel } from '@core/volunteer-record/record-words'
import { useFormErrors } from '@/hooks/use-form-errors'
import { formatBusinessDate, inBeijing } from '@/services/beijing-time'
import { volunteerRecordApi } from '@/services/api/volunteer-record'
import { MemberPicker } from '../shared/member-picker'
import { ReasonDialog } from '../shared/reason-dialog'
import { EntryFormActions, useWithdrawableEntries, WithdrawFooter } from '../shared/withdrawable-entries'
import '../trainings/index.scss'

interface AwardForm {
  memberIds: string[]
  title: string
  level: AwardLevel | null
  awardedOn: string
  awardingBody: string
}

type Field = 'memberId' | 'title' | 'level' | 'awardedOn' | 'awardingBody'
const FIELDS: Field[] = ['memberId', 'title', 'level', 'awardedOn', 'awardingBody']

const EMPTY: AwardForm = { memberIds: [], title: '', level: null, awardedOn: '', awardingBody: '' }

/** The same limits as RecordAwardInput, in the same words. */
function checkForm(form: AwardForm | null): Partial<Record<Field, string>> {
  if (!form) return {}
  const errors: Partial<Record<Field, string>> = {}
  if (form.memberIds.length === 0) errors.memberId = '请选择党员'
  const title = form.title.trim()
  if (title.length < 2) errors.title = title ? '表彰名称至少需要2个字' : '表彰名称不能为空'
  if (!form.level) errors.level = '请选择表彰级别'
  if (!form.awardedOn) errors.awardedOn = '请选择表彰日期'
  const body = form.awardingBody.trim()
  if (body.length < 2) errors.awardingBody = body ? '授予单位至少需要2个字' : '授予单位不能为空'
  return errors
}

const LEVEL_OPTIONS = AWARD_LEVELS.map((level) => ({ value: level, text: AWARD_LEVEL_LABELS[level] }))

/** 表彰奖励: honours the community's members received; record one, withdraw one recorded in error. */
export default function AwardsPage() {
  const year = inBeijing(new Date()).year()
  const fetch = useCallback(() => volunteerRecordApi.awards(year), [year])
  const { items, status, loadError, load, withdrawing, setWithdrawing, withdraw } = useWithdrawableEntries(fetch, volunteerRecordApi.withdrawAward)
  const [form, setForm] = useState<AwardForm | null>(null)
  const [saving, setSaving] = useState(false)
  const errors = useFormErrors(form, checkForm)

  const set = (patch: Partial<AwardForm>, fields: Field[]) => {
    setForm((current) => ({ ...(current ?? EMPTY), ...patch }))
    errors.changed(fields)
  }

  const submit = async () => {
    if (!form || !errors.check()) return
    setSaving(true)
    const result = await volunteerRecordApi.recordAward({
      memberId: form.memberIds[0],
      title: form.title.trim(),
      level: form.level!,
      awardedOn: form.awardedOn,
      awardingBody: form.awardingBody.trim(),
    })
    setSaving(false)
    if (!result.ok) return errors.refused(result.error, (path) => FIELDS.find((field) => path === field))
    setForm(null)
    void Taro.showToast({ title: '已登记表彰', icon: 'none' })
    await load(true)
  }

  return (
    <PageShell title="表彰奖励" status={status} error={loadError} onRetry={() => void load()} elderToggle>
      {items && (
        <View className="trainings awards">
          <Text className="trainings__summary">{year}年本社区党员获得表彰 {items.filter((item) => !item.withdrawn).length} 项。请按表彰文件登记。</Text>
          {!form && (
            <View className="trainings__toolbar">
              <Button type="primary" size="small" className="awards__add" onClick={() => setForm(EMPTY)}>
                登记表彰
              </Button>
            </View>
          )}
          {form && (
            <FormSection title="登记表彰奖励">
              <FormRow label="党员" required error={errors.errors.memberId}>
                <MemberPicker single value={form.memberIds} onChange={(memberIds) => set({ memberIds }, ['memberId'])} />
              </FormRow>
              <FormRow label="表彰名称" required error={errors.errors.title}>
                <Input className="awards__title" value={form.title} placeholder="例如：优秀党员义工" maxLength={60} onChange={(title) => set({ title }, ['title'])} />
              </FormRow>
              <FormRow label="表彰级别" required error={errors.errors.level}>
                <ChoiceChips options={LEVEL_OPTIONS} value={form.level} onChange={(level) => set({ level }, ['level'])} />
              </FormRow>
              <FormRow label="表彰日期" required error={errors.errors.awardedOn}>
                <DayField title="表彰日期" value={form.awardedOn} onChange={(awardedOn) => set({ awardedOn }, ['awardedOn'])} />
              </FormRow>
              <FormRow label="授予单位" required error={errors.errors.awardingBody}>
                <Input className="awards__body" value={form.awardingBody} placeholder="例如：台山市委组织部" maxLength={60} onChange={(awardingBody) => set({ awardingBody }, ['awardingBody'])} />
              </FormRow>
              <FormBanner message={errors.banner} />
              <EntryFormActions submitClass="awards__submit" saving={saving} onSubmit={() => void submit()} onCancel={() => setForm(null)} />
            </FormSection>
          )}
          {items.length === 0 && <Text className="trainings__summary">{year}年还没有登记表彰奖励。</Text>}
          {items.map((item) => (
            <Card
              key={item.id}
              className="award-card"
              title={<Text>{item.title}</Text>}
              extra={<StatusTag tone={item.withdrawn ? 'muted' : 'active'}>{item.withdrawn ? '已撤回' : item.levelLabel}</StatusTag>}
            >
              <InfoRow label="党员" value={`${item.memberName}（${item.volunteerNo}）`} />
              <InfoRow label="日期" value={formatBusinessDate(item.awardedOn)} />
              <InfoRow label="授予" value={item.awardingBody} />
              <InfoRow label="登记" value={item.recordedBy} />
              <WithdrawFooter item={item} onWithdraw={() => setWithdrawing(item)} />
            </Card>
          ))}
        </View>
      )}
      <ReasonDialog
        visible={withdrawing !== null}
        title="撤回表彰奖励"
        hint="撤回后，这项表彰不再计入党员的记录；记录保留并注明撤回原因。"
        placeholder="例如：登记错了人"
        confirmText="撤回"
        onSubmit={withdraw}
        onClose={() => setWithdrawing(null)}
      />
    </PageShell>
  )
}
