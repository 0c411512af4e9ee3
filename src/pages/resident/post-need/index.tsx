import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { SERVICE_CATALOGUE, SERVICE_CATEGORIES } from '@core/catalogue/service-catalogue'
import { FormRow } from '@/components/form-row'
import { PageShell } from '@/components/page-shell'
import { useElderMode } from '@/hooks/use-elder-mode'
import { demandsApi } from '@/services/api/demands'
import { ROUTES } from '@/services/navigation'
import { toPostDemandData, validateNeed, type NeedFieldErrors, type NeedForm } from './validate-need'
import { PERIODS, upcomingDays, windowOf, type PeriodKey } from './when-choices'
import './index.scss'

type Category = keyof typeof SERVICE_CATALOGUE

const EMPTY_FORM: NeedForm = { category: '', subItem: '', description: '', address: '', contactPhone: '', wantedFrom: '', wantedUntil: '' }

const WORDS = {
  normal: {
    intro: '说说您需要什么帮助，社区党组织会安排党员义工上门或到场服务。',
    category: '服务类别',
    subItem: '具体项目',
    description: '需求描述',
    descriptionPlaceholder: '请写明需要帮什么忙，例如：家里水龙头漏水，需要帮忙更换',
    address: '服务地址',
    addressHint: '只有社区和接单的党员能看到完整地址',
    addressPlaceholder: '例如：幸福小区3栋2单元501',
    phone: '联系电话',
    when: '希望什么时候',
    whenHint: '不选则时间不限，社区会和您联系确认',
    submit: '提交需求',
  },
  elder: {
    intro: '告诉社区您要帮什么忙，会有党员来帮您。',
    category: '帮什么忙',
    subItem: '再细一点',
    description: '具体说说',
    descriptionPlaceholder: '比如：水龙头漏水，要换新的',
    address: '您家地址',
    addressHint: '只有社区和来帮忙的党员能看到',
    addressPlaceholder: '几栋几单元几号',
    phone: '您的电话',
    when: '哪天来',
    whenHint: '不选也可以，社区会打电话问您',
    submit: '提交',
  },
}


export default function PostNeedPage() {
  const [elder] = useElderMode()
  const words = elder ? WORDS.elder : WORDS.normal
  const [form, setForm] = useState<NeedForm>(EMPTY_FORM)
  const [errors, setErrors] = useState<NeedFieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [day, setDay] = useState<number | null>(null)
  const [period, setPeriod] = useState<PeriodKey>('allDay')
  const [days] = useState(() => upcomingDays())

  const set = (changes: Partial<NeedForm>) => {
    setFormError(null)
    setForm((previous) => ({ ...previous, ...changes }))
    setErrors((previous) => {
      const next = { ...previous }
      for (const key of Object.keys(changes) as (keyof NeedForm)[]) delete next[key]
      return next
    })
  }

  const chooseWhen = (nextDay: number | null, nextPeriod: PeriodKey) => {
    setDay(nextDay)
    setPeriod(nextPeriod)
    set(nextDay === null ? { wantedFrom: '', wantedUntil: '' } : windowOf(nextDay, nextPeriod))
  }

  const submit = async () => {
    const found = validateNeed(form)
    setErrors(found)
    setFormError(null)
    if (Object.keys(found).length > 0) {
      setFormError('请按红字提示修改后再提交')
      return
    }
    setSubmitting(true)
    const result = await demandsApi.post(toPostDemandData(form))
    setSubmitting(false)
    if (result.ok) {
      void Taro.showToast({ title: '已提交，请等社区处理', icon: 'none', duration: 2000 })
      void Taro.redirectTo({ url: ROUTES.myNeeds })
      return
    }
    // Keep everything typed; the server's words go under each field it names.
    setErrors((result.error.fields ?? {}) as NeedFieldErrors)
    setFormError(result.error.fields ? '请按红字提示修改后再提交' : result.error.message)
  }

  const subItems = form.category ? SERVICE_CATALOGUE[form.category as Category] : []

  return (
    <PageShell title={elder ? '我要求助' : '我要点单'} tab="post-need" elderToggle>
      <View className="post-need">
        <Text className="post-need__intro">{words.intro}</Text>
        <View className="post-need__form">
          <FormRow label={words.category} required error={errors.category}>
            <View className="post-need__chips">
              {SERVICE_CATEGORIES.map((category) => (
                <View
                  key={category}
                  className={`post-need__chip${form.category === category ? ' post-need__chip--chosen' : ''}`}
                  onClick={() => set({ category, subItem: '' })}
                >
                  {category}
                </View>
              ))}
            </View>
          </FormRow>
          {subItems.length > 1 && (
            <FormRow label={words.subItem} error={errors.subItem}>
              <View className="post-need__chips">
                {subItems.map((item) => (
                  <View
                    key={item}
                    className={`post-need__chip post-need__chip--small${form.subItem === item ? ' post-need__chip--chosen' : ''}`}
                    onClick={() => set({ subItem: form.subItem === item ? '' : item })}
                  >
                    {item}
                  </View>
                ))}
              </View>
            </FormRow>
          )}
          <FormRow label={words.description} required error={errors.description}>
            <TextArea
              className="post-need__textarea"
              value={form.description}
              placeholder={words.descriptionPlaceholder}
              maxLength={500}
              showCount
              autoSize
              onChange={(value) => set({ description: value })}
            />
          </FormRow>
          <FormRow label={words.address} required hint={words.addressHint} error={errors.address}>
            <Input name="address" value={form.address} placeholder={words.addressPlaceholder} maxLength={120} onChange={(value) => set({ address: value })} />
          </FormRow>
          <FormRow label={words.phone} required error={errors.contactPhone}>
            <Input
              name="contactPhone"
              type="number"
              maxLength={11}
              value={form.contactPhone}
              placeholder="11位手机号码"
              onChange={(value) => set({ contactPhone: value })}
            />
          </FormRow>
          <FormRow label={words.when} hint={words.whenHint} error={errors.wantedFrom ?? errors.wantedUntil}>
            <View className="post-need__when">
              <View className="post-need__chips">
                <View className={`post-need__chip post-need__chip--small${day === null ? ' post-need__chip--chosen' : ''}`} onClick={() => chooseWhen(null, period)}>
                  不限
                </View>
                {days.map((item) => (
                  <View
                    key={item.offset}
                    className={`post-need__chip post-need__chip--small${day === item.offset ? ' post-need__chip--chosen' : ''}`}
                    onClick={() => chooseWhen(item.offset, period)}
                  >
                    {item.text}
                  </View>
                ))}
              </View>
              {day !== null && (
                <View className="post-need__chips post-need__periods">
                  {PERIODS.map((item) => (
                    <View
                      key={item.key}
                      className={`post-need__chip post-need__chip--small${period === item.key ? ' post-need__chip--chosen' : ''}`}
                      onClick={() => chooseWhen(day, item.key)}
                    >
                      {item.text} {item.from}–{item.until}点
                    </View>
                  ))}
                </View>
              )}
            </View>
          </FormRow>
        </View>

        {formError && <View className="post-need__form-error">{formError}</View>}
        <View className="post-need__actions">
          <Button type="primary" size="large" block loading={submitting} disabled={submitting} onClick={() => void submit()}>
            {words.submit}
          </Button>
        </View>
      </View>
    </PageShell>
  )
}
