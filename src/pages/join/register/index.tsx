import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { FormRow } from '@/components/form-row'
import { PageShell, PrimaryAction } from '@/components/page-shell'
import { useSession } from '@/hooks/use-session'
import { registrationApi, type RegistrationOptions } from '@/services/api/registration'
import type { ApiError } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { saveSession } from '@/services/session'
import { storage } from '@/services/storage'
import {
  DAYS, DRAFT_KEY, EMPTY_DRAFT, FIELD_ORDER, RESUBMIT_KEY, SLOTS, fieldErrorsOf, precheck, toFormInput, toggleCell, toggleRow, type Draft, type FieldErrors,
} from '../shared/registration-draft'
import './index.scss'


type District = RegistrationOptions['districts'][number]

function Chips<T extends string>(props: { items: readonly { value: T; text: string }[]; chosen: (value: T) => boolean; onTap: (value: T) => void; small?: boolean }) {
  return (
    <View className="register__chips">
      {props.items.map((item) => (
        <View
          key={item.value}
          className={`register__chip${props.small ? ' register__chip--small' : ''}${props.chosen(item.value) ? ' register__chip--chosen' : ''}`}
          onClick={() => props.onTap(item.value)}
        >
          {props.chosen(item.value) ? `✓ ${item.text}` : item.text}
        </View>
      ))}
    </View>
  )
}

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <View className="register__section">
    <Text className="register__section-title">{title}</Text>
    <View className="register__card">{children}</View>
  </View>
)

const Field = (props: { name: keyof FieldErrors; label: string; required?: boolean; hint?: string; errors: FieldErrors; children: ReactNode }) => (
  <View id={`field-${props.name}`}>
    <FormRow label={props.label} required={props.required} hint={props.hint} error={props.errors[props.name]}>
      {props.children}
    </FormRow>
  </View>
)

const YES_NO = [{ value: 'yes', text: '愿意' }, { value: 'no', text: '暂不' }] as const

/** 党员报到登记: the form of 004 附件2 and 001 附件3 on a phone, kept as a draft on every change. */
export default function RegisterPage() {
  const router = useRouter()
  const slipCode = (router.params.slip ?? '').toUpperCase()
  const session = useSession()
  const [options, setOptions] = useState<RegistrationOptions | null>(null)
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT)
  const [restored, setRestored] = useState(false)
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [openCategory, setOpenCategory] = useState<string | null>(null)

  const load = async () => {
    setLoadError(null)
    const result = await registrationApi.options(slipCode || undefined)
    if (!result.ok) {
      setLoadError(result.error)
      return
    }
    setOptions(result.data)
    const resubmit = storage.get<Draft>(RESUBMIT_KEY)
    const saved = resubmit ?? storage.get<Draft>(DRAFT_KEY)
    if (resubmit) storage.remove(RESUBMIT_KEY)
    const slip = result.data.slip
    const base = saved ? { ...EMPTY_DRAFT, ...saved } : EMPTY_DRAFT
    setRestored(Boolean(saved) && !resubmit)
    setDraft(
      slip
        ? { ...base, name: base.name || slip.memberName, memberType: 'in_service', unitId: slip.unitId, communityId: slip.communityId, gridId: base.communityId === slip.communityId ? base.gridId : '' }
        : base,
    )
  }
  useEffect(() => void load(), [])

  const update = (changes: Partial<Draft>) => {
    setFormError(null)
    setDraft((previous) => {
      const next = { ...previous, ...changes }
      storage.set(DRAFT_KEY, next)
      return next
    })
    setErrors((previous) => {
      const next = { ...previous }
      for (const key of Object.keys(changes) as (keyof Draft)[]) delete next[key]
      return next
    })
  }

  const clearDraft = () => {
    void Taro.showModal({ title: '清空草稿', content: '已填写的内容都会清空，确定吗？', confirmText: '清空', cancelText: '保留' }).then(({ confirm }) => {
      if (!confirm) return
      storage.remove(DRAFT_KEY)
      setRestored(false)
      setErrors({})
      const slip = options?.slip
      setDraft(slip ? { ...EMPTY_DRAFT, name: slip.memberName, memberType: 'in_service', unitId: slip.unitId, communityId: slip.communityId } : EMPTY_DRAFT)
    })
  }

  const slip = options?.slip ?? null
  const district: District | undefined = useMemo(() => {
    if (!options) return undefined
    const holding = options.districts.find((d) => d.streets.some((s) => s.communities.some((c) => c.id === draft.communityId)))
    return holding ?? (options.districts.length === 1 ? options.districts[0] : undefined)
  }, [options, draft.communityId])
  const community = district?.streets.flatMap((s) => s.communities).find((c) => c.id === draft.communityId)
  const units = useMemo(() => {
    const all = options?.districts.flatMap((d) => d.units) ?? []
    return [...all].sort((a, b) => Number(b.pairedCommunityIds.includes(draft.communityId)) - Number(a.pairedCommunityIds.includes(draft.communityId)))
  }, [options, draft.communityId])

  const showErrors = (found: FieldErrors, message: string) => {
    setErrors(found)
    setFormError(message)
    const first = FIELD_ORDER.find((key) => found[key])
    if (first) void Taro.pageScrollTo({ selector: `#field-${first}`, duration: 200 }).catch(() => undefined)
  }

  const submit = async () => {
    const found = precheck(draft, !session, password)
    if (Object.keys(found).length > 0) {
      showErrors(found, '请按红字提示修改后再提交')
      return
    }
    setSubmitting(true)
    const result = await registrationApi.submit({ form: toFormInput(draft), ...(slip ? { slipCode: slip.code } : {}), ...(session ? {} : { password }) })
    setSubmitting(false)
    if (!result.ok) {
      const fields = fieldErrorsOf(result.error.fields)
      showErrors(fields, Object.keys(fields).length > 0 ? `${result.error.message}，请按红字提示修改` : result.error.message)
      return
    }
    storage.remove(DRAFT_KEY)
    if (result.data.session) saveSession(result.data.session)
    void Taro.showToast({ title: '已提交，请等社区确认', icon: 'none', duration: 2000 })
    void Taro.redirectTo({ url: ROUTES.joinStatus })
  }

  const status = loadError ? 'error' : options ? 'ready' : 'loading'
  return (
    <PageShell title="党员报到登记" requireLogin={false} status={status} error={loadError} onRetry={() => void load()} elderToggle backTo={ROUTES.joinStatus}>
      <View className="register">
        {slip ? (
          <View className={`register__slip${slip.usable ? '' : ' register__slip--used'}`}>
            <Text className="register__slip-title">报到单 {slip.code}</Text>
            <Text className="register__slip-line">{slip.unitName} 请 {slip.memberName} 同志于 {slip.reportBy} 前到 {slip.communityName} 报到</Text>
            <Text className="register__slip-line">手机号码须与报到单一致（{slip.memberPhoneMasked}）</Text>
            {!slip.usable && <Text className="register__slip-line">该报到单已使用或已作废，请联系单位党组织</Text>}
          </View>
        ) : (
          <Text className="register__intro">填写后提交给报到社区，社区确认后即成为社区党员义工。单位发了报到码的，请用报到码链接打开本页。</Text>
        )}
        {restored && (
          <View className="register__draft">
            <Text>已恢复上次未提交的内容</Text>
            <Button size="small" fill="outline" type="primary" onClick={clearDraft}>
              清空草稿
            </Button>
          </View>
        )}

        <Section title="基本信息">
          <Field name="name" label="姓名" required errors={errors}>
            <Input name="name" value={draft.name} maxLength={30} placeholder="请输入姓名" onChange={(name) => update({ name })} />
          </Field>
          <Field name="gender" label="性别" required errors={errors}>
            <Chips items={[{ value: '男', text: '男' }, { value: '女', text: '女' }]} chosen={(v) => draft.gender === v} onTap={(gender) => update({ gender })} />
          </Field>
          <Field name="ethnicity" label="民族" required errors={errors}>
            <Input name="ethnicity" value={draft.ethnicity} maxLength={20} onChange={(ethnicity) => update({ ethnicity })} />
          </Field>
          <Field name="birthMonth" label="出生年月" required hint="例如 1985-06" errors={errors}>
            <Input name="birthMonth" value={draft.birthMonth} maxLength={7} placeholder="年-月" onChange={(birthMonth) => update({ birthMonth })} />
          </Field>
          <Field name="education" label="学历" required errors={errors}>
            <Chips small items={(options?.educationLevels ?? []).map((e) => ({ value: e, text: e }))} chosen={(v) => draft.education === v} onTap={(education) => update({ education })} />
          </Field>
          <Field name="health" label="健康状况" errors={errors}>
            <Input name="health" value={draft.health} maxLength={20} placeholder="例如 良好" onChange={(health) => update({ health })} />
          </Field>
          <Field name="phone" label="本人手机" required errors={errors}>
            <Input name="phone" type="number" value={draft.phone} maxLength={11} placeholder="11位手机号码" onChange={(phone) => update({ phone })} />
          </Field>
          <Field name="homeAddress" label="家庭住址" required hint="只有报到社区的书记能看到完整地址" errors={errors}>
            <Input name="homeAddress" value={draft.homeAddress} maxLength={120} placeholder="小区、楼栋、门牌号" onChange={(homeAddress) => update({ homeAddress })} />
          </Field>
        </Section>

        <Section title="党员信息">
          <Field name="memberType" label="党员类别" required errors={errors}>
            {slip ? (
              <Text className="register__fixed">在职党员（报到单）</Text>
            ) : (
              <Chips items={(options?.memberTypes ?? []).map((t) => ({ value: t.value, text: t.label }))} chosen={(v) => draft.memberType === v} onTap={(memberType) => update({ memberType })} />
            )}
          </Field>
          {draft.memberType !== 'activist' && (
            <Field name="joinedPartyMonth" label="入党时间" required hint="例如 2008-07" errors={errors}>
              <Input name="joinedPartyMonth" value={draft.joinedPartyMonth} maxLength={7} placeholder="年-月" onChange={(joinedPartyMonth) => update({ joinedPartyMonth })} />
            </Field>
          )}
        </Section>

        <Section title="工作单位">
          {draft.memberType === 'in_service' && (
            <Field name="unitId" label="所在单位" required errors={errors}>
              {slip ? (
                <Text className="register__fixed">{slip.unitName}</Text>
              ) : (
                <Chips small items={units.map((u) => ({ value: u.id, text: u.pairedCommunityIds.includes(draft.communityId) ? `${u.name}（结对）` : u.name }))} chosen={(v) => draft.unitId === v} onTap={(unitId) => update({ unitId })} />
              )}
            </Field>
          )}
          <Field name="workUnit" label="工作单位" hint={draft.memberType === 'in_service' ? '不填则按所在单位' : undefined} errors={errors}>
            <Input name="workUnit" value={draft.workUnit} maxLength={80} onChange={(workUnit) => update({ workUnit })} />
          </Field>
          <Field name="jobTitle" label="职务" errors={errors}>
            <Input name="jobTitle" value={draft.jobTitle} maxLength={30} onChange={(jobTitle) => update({ jobTitle })} />
          </Field>
          <Field name="unitAddress" label="单位地址" errors={errors}>
            <Input name="unitAddress" value={draft.unitAddress} maxLength={120} onChange={(unitAddress) => update({ unitAddress })} />
          </Field>
          <Field name="unitPhone" label="单位联系电话" errors={errors}>
            <Input name="unitPhone" value={draft.unitPhone} maxLength={13} placeholder="例如 0750-5511941" onChange={(unitPhone) => update({ unitPhone })} />
          </Field>
        </Section>

        <Section title="报到社区">
          <Field name="communityId" label="社区" required errors={errors}>
            {slip ? (
              <Text className="register__fixed">{slip.communityName}</Text>
            ) : (
              <View className="register__stack">
              {(options?.districts ?? []).flatMap((d) => d.streets).map((street) => (
                <View key={street.id} className="register__street">
                  <Text className="register__street-name">{street.name}</Text>
                  <Chips small items={street.communities.map((c) => ({ value: c.id, text: c.name }))} chosen={(v) => draft.communityId === v} onTap={(communityId) => update({ communityId, gridId: '' })} />
                </View>
              ))}
              </View>
            )}
          </Field>
          {community && community.grids.length > 0 && (
            <Field name="gridId" label="网格" hint="不清楚可不选，由社区安排" errors={errors}>
              <Chips small items={community.grids.map((g) => ({ value: g.id, text: g.name }))} chosen={(v) => draft.gridId === v} onTap={(gridId) => update({ gridId: draft.gridId === gridId ? '' : gridId })} />
            </Field>
          )}
        </Section>

        <Section title="认领岗位">
          <Field name="posts" label="党员责任岗" required hint="至少认领一个" errors={errors}>
            <Chips
              items={(options?.posts ?? []).map((p) => ({ value: p, text: p }))}
              chosen={(v) => draft.posts.includes(v)}
              onTap={(post) => update({ posts: draft.posts.includes(post) ? draft.posts.filter((p) => p !== post) : [...draft.posts, post] })}
            />
          </Field>
        </Section>

        <Section title="服务意向">
          <Field name="intentions" label="愿意参加的服务" hint="点类别展开具体项目" errors={errors}>
            <View className="register__stack">
            {(options?.catalogue ?? []).map(({ category, subItems }) => {
              const chosen = draft.intentions[category]
              const toggleCategory = () => {
                const next = { ...draft.intentions }
                if (chosen) delete next[category]
                else next[category] = []
                update({ intentions: next })
                setOpenCategory(chosen ? null : category)
              }
              return (
                <View key={category} className="register__category">
                  <View className={`register__category-head${chosen ? ' register__category-head--chosen' : ''}`} onClick={toggleCategory}>
                    {chosen ? '✓ ' : ''}
                    {category}
                  </View>
                  {chosen && (openCategory === category || chosen.length > 0) && (
                    <Chips
                      small
                      items={subItems.map((s) => ({ value: s, text: s }))}
                      chosen={(v) => chosen.includes(v)}
                      onTap={(item) => update({ intentions: { ...draft.intentions, [category]: chosen.includes(item) ? chosen.filter((i) => i !== item) : [...chosen, item] } })}
                    />
                  )}
                </View>
              )
            })}
            </View>
          </Field>
          <Field name="skills" label="专业特长" hint="多项用顿号隔开" errors={errors}>
            <Input name="skills" value={draft.skills} placeholder="例如 电工、驾驶" onChange={(skills) => update({ skills })} />
          </Field>
          <Field name="hobbies" label="兴趣爱好" errors={errors}>
            <Input name="hobbies" value={draft.hobbies} maxLength={100} onChange={(hobbies) => update({ hobbies })} />
          </Field>
        </Section>

        <Section title="能参加服务的时间">
          <Field name="availability" label="每周可以服务的时段" required hint="点格子勾选，点左边的星期整行勾选" errors={errors}>
            <View className="register__grid">
              <View className="register__grid-row">
                <View className="register__grid-corner" />
                {SLOTS.map((slot) => (
                  <View key={slot.key} className="register__grid-head">
                    {slot.text}
                  </View>
                ))}
              </View>
              {DAYS.map((day) => (
                <View key={day.key} className="register__grid-row">
                  <View className="register__grid-day" onClick={() => update({ availability: toggleRow(draft.availability, day.key) })}>
                    {day.text}
                  </View>
                  {SLOTS.map((slot) => {
                    const on = draft.availability[day.key]?.includes(slot.key) ?? false
                    return (
                      <View
                        key={slot.key}
                        className={`register__grid-cell${on ? ' register__grid-cell--on' : ''}`}
                        data-cell={`${day.key}-${slot.key}`}
                        onClick={() => update({ availability: toggleCell(draft.availability, day.key, slot.key) })}
                      >
                        {on ? '✓' : ''}
                      </View>
                    )
                  })}
                </View>
              ))}
            </View>
          </Field>
          <Field name="willingLongTerm" label="是否愿意长期服务" required errors={errors}>
            <Chips items={YES_NO} chosen={(v) => draft.willingLongTerm === (v === 'yes')} onTap={(v) => update({ willingLongTerm: v === 'yes' })} />
          </Field>
          <Field name="willingOtherServices" label="是否愿意参加社区其他服务" required errors={errors}>
            <Chips items={YES_NO} chosen={(v) => draft.willingOtherServices === (v === 'yes')} onTap={(v) => update({ willingOtherServices: v === 'yes' })} />
          </Field>
        </Section>

        {district?.collectIdNumbers && (
          <Section title="身份证号码">
            <Field name="idNumber" label="身份证号码" hint="本区要求登记；只有报到社区的书记能看到完整号码" errors={errors}>
              <Input name="idNumber" value={draft.idNumber} maxLength={18} onChange={(idNumber) => update({ idNumber })} />
            </Field>
          </Section>
        )}

        {!session && (
          <Section title="设置登录密码">
            <Field name="password" label="登录密码" required hint="8至64个字符；以后用本人手机号码和这个密码登录" errors={errors}>
              <Input name="password" type="password" value={password} maxLength={64} onChange={(value) => { setPassword(value); setErrors((e) => ({ ...e, password: undefined })) }} />
            </Field>
          </Section>
        )}

        {errors.slipCode && <View className="register__form-error">{errors.slipCode}</View>}
        {formError && <View className="register__form-error">{formError}</View>}
        <View className="register__actions">
          <PrimaryAction loading={submitting} disabled={submitting || (slip !== null && !slip.usable)} onClick={() => void submit()}>
            提交报到登记
          </PrimaryAction>
        </View>
      </View>
    </PageShell>
  )
}
