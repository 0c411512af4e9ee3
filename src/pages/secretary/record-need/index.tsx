import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, Picker, TextArea } from '@nutui/nutui-react-taro'
import { SERVICE_CATALOGUE, SERVICE_CATEGORIES } from '@core/catalogue/service-catalogue'
import { ADDRESS_MAX, DESCRIPTION_MAX, RECORD_NEED_LABELS as LABELS } from '@core/demands/need-labels'
import { NEED_KINDS, describesItself, officialCategoryOf, type NeedKindKey } from '@core/demands/need-kinds'
import { FormBanner } from '@/components/form-banner'
import { FormRow } from '@/components/form-row'
import { PageShell } from '@/components/page-shell'
import { useFormErrors } from '@/hooks/use-form-errors'
import { useLeaveGuard } from '@/hooks/use-leave-guard'
import { demandsApi } from '@/services/api/demands'
import { ROUTES } from '@/services/navigation'
import { EMPTY_RECORD, filedUnder, isRecordDirty, toRecordDemandData, validateRecord, type Channel, type RecordField, type RecordForm } from './record-form'
import '../create-order/index.scss'
import './index.scss'

const CATEGORY_OPTIONS = [
  SERVICE_CATEGORIES.map((category) => ({
    label: category,
    value: category,
    children: SERVICE_CATALOGUE[category].map((item) => ({ label: item, value: item })),
  })),
]
const CHANNELS: { key: Channel; text: string }[] = [
  { key: 'window', text: '窗口受理' },
  { key: 'phone', text: '电话' },
  { key: 'visit', text: '上门走访' },
  { key: 'mailbox', text: '信箱' },
]

/** 代居民登记: a need brought to the window, by phone, on a visit or through the mailbox. */
export default function RecordNeedPage() {
  const [form, setForm] = useState<RecordForm>(EMPTY_RECORD)
  const [submitting, setSubmitting] = useState(false)
  const [pickerOpen, setPickerOpen] = useState(false)
  const check = useFormErrors(form, validateRecord)
  const errors = check.errors
  useLeaveGuard(isRecordDirty(form))

  const set = (changes: Partial<RecordForm>) => {
    check.changed(Object.keys(changes) as RecordField[])
    setForm((previous) => ({ ...previous, ...changes }))
  }

  const submit = async () => {
    if (!check.check()) return
    setSubmitting(true)
    const result = await demandsApi.record(toRecordDemandData(form))
    setSubmitting(false)
    if (result.ok) {
      setForm(EMPTY_RECORD)
      void Taro.showToast({ title: '已登记到需求池', icon: 'none' })
      void Taro.redirectTo({ url: ROUTES.secretaryNeeds })
      return
    }
    check.refused(result.error, (path) => (path in EMPTY_RECORD ? (path as RecordField) : undefined))
  }

  // A plain kind files the need under its catalogue item unless the secretary picks one from the catalogue.
  const chooseKind = (kind: NeedKindKey) => set(form.kind === kind ? { kind: '' } : { kind, category: '', subItem: '' })
  const filed = filedUnder(form)

  return (
    <PageShell title="代居民登记需求" backTo={ROUTES.secretaryNeeds}>
      <View className="create-order">
        <Text className="create-order__intro">居民到窗口、打电话、上门走访或投信箱提出的需求，由社区代为登记，进入需求池。</Text>
        <View className="create-order__form">
          <FormRow label={LABELS.channel} required>
            <View className="create-order__chips">
              {CHANNELS.map((channel) => (
                <View
                  key={channel.key}
                  className={`create-order__chip${form.channel === channel.key ? ' create-order__chip--on' : ''}`}
                  onClick={() => set({ channel: channel.key })}
                >
                  {channel.text}
                </View>
              ))}
            </View>
          </FormRow>
          <FormRow label={LABELS.requesterName} required error={errors.requesterName}>
            <Input name="requesterName" value={form.requesterName} maxLength={30} placeholder="居民姓名" onChange={(value) => set({ requesterName: value })} />
          </FormRow>
          <FormRow label={LABELS.contactPhone} required error={errors.contactPhone}>
            <Input name="contactPhone" type="number" maxLength={11} value={form.contactPhone} placeholder="11位手机号码" onChange={(value) => set({ contactPhone: value })} />
          </FormRow>
          <FormRow label={LABELS.category} required hint="先按居民的说法选，会自动归入服务目录；也可直接按目录选" error={errors.category ?? errors.subItem ?? errors.kind}>
            <View className="record-need__category">
              <View className="create-order__chips">
                {NEED_KINDS.map((kind) => (
                  <View
                    key={kind.key}
                    className={`create-order__chip${form.kind === kind.key ? ' create-order__chip--on' : ''}`}
                    onClick={() => chooseKind(kind.key)}
                  >
                    {kind.name}
                  </View>
                ))}
              </View>
              <View className={`create-order__select${filed ? '' : ' create-order__select--empty'}`} onClick={() => setPickerOpen(true)}>
                {filed ? `归入：${filed}（点此按目录改）` : '或按服务目录选择'}
              </View>
            </View>
          </FormRow>
          <FormRow label={LABELS.description} required={!describesItself(form.kind)} error={errors.description}>
            <TextArea
              className="create-order__textarea"
              value={form.description}
              placeholder="居民需要帮什么忙"
              maxLength={DESCRIPTION_MAX}
              showCount
              autoSize
              onChange={(value) => set({ description: value })}
            />
          </FormRow>
          <FormRow label={LABELS.address} required error={errors.address}>
            <Input name="address" value={form.address} maxLength={ADDRESS_MAX} placeholder="例如：幸福小区3栋2单元501" onChange={(value) => set({ address: value })} />
          </FormRow>
        </View>
        <FormBanner message={check.banner} />
        <View className="create-order__actions">
          <Button type="primary" size="large" block loading={submitting} disabled={submitting} onClick={() => void submit()}>
            登记到需求池
          </Button>
        </View>
      </View>
      <Picker
        title={LABELS.category}
        visible={pickerOpen}
        options={CATEGORY_OPTIONS}
        // The wheels start on where the need is filed now (its kind's item), else on the first item, so that 确认 picks what is shown.
        value={(() => {
          const official = officialCategoryOf(form)
          const category = (official?.category || SERVICE_CATEGORIES[0]) as keyof typeof SERVICE_CATALOGUE
          return [category, official?.subItem || SERVICE_CATALOGUE[category][0]]
        })()}
        onConfirm={(_options, values) => {
          set({ category: String(values[0] ?? ''), subItem: String(values[1] ?? '') })
          setPickerOpen(false)
        }}
        onClose={() => setPickerOpen(false)}
      />
    </PageShell>
  )
}
