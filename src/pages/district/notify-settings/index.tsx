import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, DatePicker, Input } from '@nutui/nutui-react-taro'
import { FormBanner } from '@/components/form-banner'
import { FormRow } from '@/components/form-row'
import { FormSection } from '@/components/form-section'
import { PageShell, type PageStatus } from '@/components/page-shell'
import { useFormErrors } from '@/hooks/use-form-errors'
import { useLeaveGuard } from '@/hooks/use-leave-guard'
import { formatTime } from '@/services/beijing-time'
import { notifySettingsApi, type NotifySettings } from '@/services/api/notify-settings'
import type { ApiError } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { changedFrom, checkSettings, formOf, leadText, toSettingsData, type SettingsField, type SettingsForm } from './settings-form'
import './index.scss'

const EMPTY: SettingsForm = { noticeWorkingDays: '', briefDeadlineWorkingDays: '', reminderEveningTime: '20:00', reminderLeadMinutes: '' }

/** 消息提醒设置: the district's 预约预告 notice, 简讯 deadline and the reminders before an order, for every community. */
export default function DistrictNotifySettingsPage() {
  const [saved, setSaved] = useState<NotifySettings | null>(null)
  const [form, setForm] = useState<SettingsForm>(EMPTY)
  const [status, setStatus] = useState<PageStatus>('loading')
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [saving, setSaving] = useState(false)
  const [picking, setPicking] = useState(false)
  const check = useFormErrors<SettingsForm, SettingsField>(form, checkSettings)
  const { errors } = check
  const changed = changedFrom(form, saved)
  useLeaveGuard(changed)

  const load = useCallback(async () => {
    setStatus('loading')
    const result = await notifySettingsApi.get()
    if (!result.ok) {
      setLoadError(result.error)
      setStatus('error')
      return
    }
    setSaved(result.data)
    setForm(formOf(result.data))
    setStatus('ready')
  }, [])
  useEffect(() => void load(), [load])

  const set = (changes: Partial<SettingsForm>) => {
    setForm((previous) => ({ ...previous, ...changes }))
    check.changed(Object.keys(changes) as SettingsField[])
  }

  const save = async () => {
    if (!check.check()) return
    setSaving(true)
    const result = await notifySettingsApi.update(toSettingsData(form))
    setSaving(false)
    if (!result.ok) {
      // The server's words go under the fields they name; all typed stays.
      check.refused(result.error)
      return
    }
    setSaved(result.data)
    setForm(formOf(result.data))
    void Taro.showToast({ title: '已保存，新发布的活动和之后的提醒按新设置', icon: 'none', duration: 2500 })
  }

  const days = (value: string) => (/^\d+$/.test(value.trim()) ? value.trim() : 'N')
  const lead = /^\d+$/.test(form.reminderLeadMinutes.trim()) ? leadText(Number(form.reminderLeadMinutes)) : ''

  return (
    <PageShell title="消息提醒设置" backTo={ROUTES.districtOrg} status={status} error={loadError} onRetry={() => void load()}>
      {saved && (
        <View className="notify-settings">
          <Text className="notify-settings__intro">本区所有社区共用这些时间。修改后，新发布的活动和之后的提醒按新设置计算，已发布的活动不变。</Text>

          <FormSection title="预约预告" hint="活动要提前告诉党员和居民，让大家有时间安排（按规定不少于5个工作日）。">
            <FormRow label="活动至少提前几个工作日发布" required hint="节假日和周末不算，调休上班的日子算" error={errors.noticeWorkingDays}>
              <View className="notify-settings__field">
                <View className="notify-settings__number">
                  <Input name="noticeWorkingDays" type="number" value={form.noticeWorkingDays} maxLength={2} placeholder="例如 5" onChange={(value) => set({ noticeWorkingDays: value })} />
                  <Text className="notify-settings__unit">个工作日</Text>
                </View>
                <Text className="notify-settings__means">{`书记发布的活动离开始不足${days(form.noticeWorkingDays)}个工作日时，页面会提醒，须勾选“临时通知”才能发布。`}</Text>
              </View>
            </FormRow>
          </FormSection>

          <FormSection title="活动简讯" hint="活动结束后，书记或负责人提交简讯、照片和参加人员名单（按规定5个工作日内）。">
            <FormRow label="活动结束后几个工作日内提交" required error={errors.briefDeadlineWorkingDays}>
              <View className="notify-settings__field">
                <View className="notify-settings__number">
                  <Input name="briefDeadlineWorkingDays" type="number" value={form.briefDeadlineWorkingDays} maxLength={2} placeholder="例如 5" onChange={(value) => set({ briefDeadlineWorkingDays: value })} />
                  <Text className="notify-settings__unit">个工作日</Text>
                </View>
                <Text className="notify-settings__means">快到期前一个工作日和逾期时，消息会提醒书记和负责人。</Text>
              </View>
            </FormRow>
          </FormSection>

          <FormSection title="服务前提醒" hint="给已接单的党员发消息，提醒别忘了服务。">
            <FormRow label="前一天晚上几点提醒" required error={errors.reminderEveningTime}>
              <View className="notify-settings__time" onClick={() => setPicking(true)}>
                {form.reminderEveningTime}
              </View>
            </FormRow>
            <FormRow label="开始前多少分钟再提醒一次" required hint="填 0 就不再提醒" error={errors.reminderLeadMinutes}>
              <View className="notify-settings__field">
                <View className="notify-settings__number">
                  <Input name="reminderLeadMinutes" type="number" value={form.reminderLeadMinutes} maxLength={3} placeholder="例如 60" onChange={(value) => set({ reminderLeadMinutes: value })} />
                  <Text className="notify-settings__unit">分钟</Text>
                </View>
                {lead && <Text className="notify-settings__means">{lead}</Text>}
              </View>
            </FormRow>
          </FormSection>

          <Text className="notify-settings__changed">
            {saved.updatedAt ? `上次修改：${saved.updatedBy ?? '区管理员'}，${formatTime(saved.updatedAt)}` : '还没有修改过，用的是默认设置'}
          </Text>
          <FormBanner message={check.banner} />
          <View className="notify-settings__actions">
            <Button type="primary" size="large" block loading={saving} disabled={saving || !changed} onClick={() => void save()}>
              {changed ? '保存' : '没有修改'}
            </Button>
          </View>
        </View>
      )}
      <DatePicker
        title="前一天晚上几点提醒"
        type="hour-minutes"
        visible={picking}
        showChinese
        minuteStep={5}
        defaultValue={new Date(`2000-01-01T${form.reminderEveningTime}:00`)}
        onConfirm={(_options, values) => {
          const [hour, minute] = values.map(Number)
          set({ reminderEveningTime: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` })
          setPicking(false)
        }}
        onClose={() => setPicking(false)}
      />
    </PageShell>
  )
}
