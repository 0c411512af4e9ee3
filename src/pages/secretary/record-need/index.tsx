import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, Picker, TextArea } from '@nutui/nutui-react-taro'
import { SERVICE_CATALOGUE, SERVICE_CATEGORIES } from '@core/catalogue/service-catalogue'
import { FormRow } from '@/components/form-row'
import { PageShell } from '@/components/page-shell'
import { demandsApi } from '@/services/api/demands'
import { ROUTES } from '@/services/navigation'
import { EMPTY_RECORD, toRecordDemandData, validateRecord, type Channel, type RecordFieldErrors, type RecordForm } from './record-form'
import '../create-order/index.scss'

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
  const [errors, setErrors] = useState<RecordFieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [pickerOpen, setPickerOpen] = useState(false)

  const set = (changes: Partial<RecordForm>) => {
    setForm((previous) => ({ ...previous, ...changes }))
    setErrors((previous) => {
      const next = { ...previous }
      for (const key of Object.keys(changes) as (keyof RecordForm)[]) delete next[key]
      return next
    })
  }

  const submit = async () => {
    const found = validateRecord(form)
    setErrors(found)
    setFormError(null)
    if (Object.keys(found).length) {
      setFormError('请按红字提示修改后再提交')
      return
    }
    setSubmitting(true)
    const result = await demandsApi.record(toRecordDemandData(form))
    setSubmitting(false)
    if (result.ok) {
      void Taro.showToast({ title: '已登记到需求池', icon: 'none' })
      void Taro.redirectTo({ url: ROUTES.secretaryNeeds })
      return
    }
    setErrors((result.error.fields ?? {}) as RecordFieldErrors)
    setFormError(result.error.fields ? '请按红字提示修改后再提交' : result.error.message)
  }

  const categoryText = form.category ? `${form.category}${form.subItem ? ` · ${form.subItem}` : ''}` : ''

  return (
    <PageShell title="代居民登记需求" backTo={ROUTES.secretaryNeeds}>
      <View className="create-order">
        <Text className="create-order__intro">居民到窗口、打电话、上门走访或投信箱提出的需求，由社区代为登记，进入需求池。</Text>
        <View className="create-order__form">
          <FormRow label="受理渠道" required>
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
          <FormRow label="求助人姓名" required error={errors.requesterName}>
            <Input name="requesterName" value={form.requesterName} maxLength={30} placeholder="居民姓名" onChange={(value) => set({ requesterName: value })} />
          </FormRow>
          <FormRow label="联系电话" required error={errors.contactPhone}>
            <Input name="contactPhone" type="number" maxLength={11} value={form.contactPhone} placeholder="11位手机号码" onChange={(value) => set({ contactPhone: value })} />
          </FormRow>
          <FormRow label="服务类别" required error={errors.category ?? errors.subItem}>
            <View className={`create-order__select${categoryText ? '' : ' create-order__select--empty'}`} onClick={() => setPickerOpen(true)}>
              {categoryText || '请选择服务类别'}
            </View>
          </FormRow>
          <FormRow label="需求描述" required error={errors.description}>
            <TextArea
              className="create-order__textarea"
              value={form.description}
              placeholder="居民需要帮什么忙"
              maxLength={500}
              showCount
              autoSize
              onChange={(value) => set({ description: value })}
            />
          </FormRow>
          <FormRow label="服务地址" required error={errors.address}>
            <Input name="address" value={form.address} maxLength={120} placeholder="例如：幸福小区3栋2单元501" onChange={(value) => set({ address: value })} />
          </FormRow>
        </View>
        {formError && <View className="create-order__form-error">{formError}</View>}
        <View className="create-order__actions">
          <Button type="primary" size="large" block loading={submitting} disabled={submitting} onClick={() => void submit()}>
            登记到需求池
          </Button>
        </View>
      </View>
      <Picker
        title="服务类别"
        visible={pickerOpen}
        options={CATEGORY_OPTIONS}
        // With nothing chosen yet the wheels start on the first item, so that 确认 picks what is shown.
        value={(() => {
          const category = (form.category || SERVICE_CATEGORIES[0]) as keyof typeof SERVICE_CATALOGUE
          return [category, form.subItem || SERVICE_CATALOGUE[category][0]]
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
