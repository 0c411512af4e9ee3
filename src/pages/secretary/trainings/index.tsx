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
import { TRAINING_KINDS, TRAINING_KIND_LABELS, type TrainingKind } from '@core/volunteer-record/record-words'
import { useFormErrors } from '@/hooks/use-form-errors'
import { formatBusinessDays, inBeijing } from '@/services/beijing-time'
import { volunteerRecordApi } from '@/services/api/volunteer-record'
import { MemberPicker } from '../shared/member-picker'
import { ReasonDialog } from '../shared/reason-dialog'
import { EntryFormActions, useWithdrawableEntries, WithdrawFooter } from '../shared/withdrawable-entries'
import './index.scss'

interface TrainingForm {
  kind: TrainingKind
  title: string
  organiser: string
  startedOn: string
  endedOn: string
  hours: string
  memberIds: string[]
}

type Field = 'kind' | 'title' | 'organiser' | 'startedOn' | 'endedOn' | 'hours' | 'memberIds'
const FIELDS: Field[] = ['kind', 'title', 'organiser', 'startedOn', 'endedOn', 'hours', 'memberIds']

const EMPTY: TrainingForm = { kind: 'pre_service', title: '', organiser: '', startedOn: '', endedOn: '', hours: '', memberIds: [] }

/** The same limits as RecordTrainingInput, in the same words. */
function checkForm(form: TrainingForm | null): Partial<Record<Field, string>> {
  if (!form) return {}
  const errors: Partial<Record<Field, string>> = {}
  const title = form.title.trim()
  if (title.length < 2) errors.title = title ? '培训名称至少需要2个字' : '培训名称不能为空'
  const organiser = form.organiser.trim()
  if (organiser.length < 2) errors.organiser = organiser ? '主办单位至少需要2个字' : '主办单位不能为空'
  if (!form.startedOn) errors.startedOn = '请选择开始日期'
  if (!form.endedOn) errors.endedOn = '请选择结束日期'
  else if (form.startedOn && form.endedOn < form.startedOn) errors.endedOn = '结束日期不能早于开始日期'
  const hours = Number(form.hours)
  if (!form.hours.trim() || Number.isNaN(hours)) errors.hours = '请填写培训时数'
  else if (hours < 0.5) errors.hours = '培训时数至少为0.5小时'
  else if (!Number.isInteger(hours * 2)) errors.hours = '培训时数须以0.5小时为单位'
  if (form.memberIds.length === 0) errors.memberIds = '请至少选择一名参训党员'
  return errors
}

const KIND_OPTIONS = TRAINING_KINDS.map((kind) => ({ value: kind, text: TRAINING_KIND_LABELS[kind] }))

/** 培训记录: the community's 骨干培训 and 岗前培训 with who took part; record one, withdraw one recorded in error. */
export default function TrainingsPage() {
  const year = inBeijing(new Date()).year()
  const fetch = useCallback(() => volunteerRecordApi.trainings(year), [year])
  const { items, status, loadError, load, withdrawing, setWithdrawing, withdraw } = useWithdrawableEntries(fetch, volunteerRecordApi.withdrawTraining)
  const [form, setForm] = useState<TrainingForm | null>(null)
  const [saving, setSaving] = useState(false)
  const errors = useFormErrors(form, checkForm)

  const set = (patch: Partial<TrainingForm>, fields: Field[]) => {
    setForm((current) => ({ ...(current ?? EMPTY), ...patch }))
    errors.changed(fields)
  }

  const submit = async () => {
    if (!form || !errors.check()) return
    setSaving(true)
    const result = await volunteerRecordApi.recordTraining({
      kind: form.kind,
      title: form.title.trim(),
      organiser: form.organiser.trim(),
      startedOn: form.startedOn,
      endedOn: form.endedOn,
      hours: Number(form.hours),
      memberIds: form.memberIds,
    })
    setSaving(false)
    if (!result.ok) return errors.refused(result.error, (path) => FIELDS.find((field) => path === field || path.startsWith(`${field}.`)))
    setForm(null)
    void Taro.showToast({ title: '已登记培训', icon: 'none' })
    await load(true)
  }

  const live = items?.filter((item) => !item.withdrawn) ?? []

  return (
    <PageShell title="培训记录" status={status} error={loadError} onRetry={() => void load()} elderToggle>
      {items && (
        <View className="trainings">
          <Text className="trainings__summary">
            {year}年已登记培训 {live.length} 次、参训 {live.reduce((sum, item) => sum + item.participants.length, 0)} 人次。参训党员在“我的培训与表彰”中可看到。
          </Text>
          {!form && (
            <View className="trainings__toolbar">
              <Button type="primary" size="small" className="trainings__add" onClick={() => setForm(EMPTY)}>
                登记培训
              </Button>
            </View>
          )}

          {form && (
            <FormSection title="登记培训" hint="骨干培训、岗前培训都在这里登记；时数计入每位参训党员的培训情况。">
              <FormRow label="培训类别" required error={errors.errors.kind}>
                <ChoiceChips options={KIND_OPTIONS} value={form.kind} onChange={(kind) => set({ kind }, ['kind'])} />
              </FormRow>
              <FormRow label="培训名称" required error={errors.errors.title}>
                <Input className="trainings__title" value={form.title} placeholder="例如：在职党员岗前培训" maxLength={60} onChange={(title) => set({ title }, ['title'])} />
              </FormRow>
              <FormRow label="主办单位" required error={errors.errors.organiser}>
                <Input className="trainings__organiser" value={form.organiser} placeholder="例如：城东社区党委" maxLength={60} onChange={(organiser) => set({ organiser }, ['organiser'])} />
              </FormRow>
              <FormRow label="开始日期" required error={errors.errors.startedOn}>
                <DayField title="开始日期" value={form.startedOn} onChange={(startedOn) => set({ startedOn, endedOn: form.endedOn || startedOn }, ['startedOn', 'endedOn'])} />
              </FormRow>
              <FormRow label="结束日期" required error={errors.errors.endedOn}>
                <DayField title="结束日期" value={form.endedOn} onChange={(endedOn) => set({ endedOn }, ['endedOn'])} />
              </FormRow>
              <FormRow label="培训时数" required error={errors.errors.hours} hint="每人的培训小时数，可填0.5的倍数">
                <Input className="trainings__hours" type="digit" value={form.hours} placeholder="例如：2" maxLength={6} onChange={(hours) => set({ hours }, ['hours'])} />
              </FormRow>
              <FormRow label="参训党员" required error={errors.errors.memberIds}>
                <MemberPicker value={form.memberIds} onChange={(memberIds) => set({ memberIds }, ['memberIds'])} />
              </FormRow>
              <FormBanner message={errors.banner} />
              <EntryFormActions submitClass="trainings__submit" saving={saving} onSubmit={() => void submit()} onCancel={() => setForm(null)} />
            </FormSection>
          )}

          {items.length === 0 && <Text className="trainings__summary">{year}年还没有登记培训。</Text>}
          {items.map((item) => (
            <Card
              key={item.id}
              className="training-card"
              title={<Text>{item.title}</Text>}
              extra={<StatusTag tone={item.withdrawn ? 'muted' : 'active'}>{item.withdrawn ? '已撤回' : item.kindLabel}</StatusTag>}
            >
              <InfoRow label="主办" value={item.organiser} />
              <InfoRow label="日期" value={formatBusinessDays(item.startedOn, item.endedOn)} />
              <InfoRow label="时数" value={`${item.hours}小时`} />
              <InfoRow label="参训" value={`${item.participants.length}人：${item.participants.map((p) => p.name).join('、')}`} layout="stacked" />
              <InfoRow label="登记" value={item.recordedBy} />
              <WithdrawFooter item={item} onWithdraw={() => setWithdrawing(item)} />
            </Card>
          ))}
        </View>
      )}
      <ReasonDialog
        visible={withdrawing !== null}
        title="撤回培训记录"
        hint="撤回后，这次培训不再计入参训党员的记录；记录保留并注明撤回原因。"
        placeholder="例如：重复登记"
        confirmText="撤回"
        onSubmit={withdraw}
        onClose={() => setWithdrawing(null)}
      />
    </PageShell>
  )
}
