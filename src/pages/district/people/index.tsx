import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Dialog, Input } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { ChoiceChips } from '@/components/choice-chips'
import { FormRow } from '@/components/form-row'
import { LoginLocks } from '@/components/login-locks'
import { PageShell } from '@/components/page-shell'
import { orgApi, type Appointment, type OrgPerson } from '@/services/api/org'
import type { ApiError } from '@/services/api/types'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { PickDialog } from '../shared/pick-dialog'
import { communitiesOf, useDistrictTree } from '../shared/use-district-tree'
import '../shared/district.scss'

type AppointRole = 'secretary' | 'unit_admin'
const ROLE_OPTIONS: { value: AppointRole; text: string }[] = [
  { value: 'secretary', text: '社区书记/管理员' },
  { value: 'unit_admin', text: '单位党组织管理员' },
]

interface AppointForm {
  role: AppointRole
  target: { id: string; name: string } | null
  name: string
  phone: string
}

const EMPTY_FORM: AppointForm = { role: 'secretary', target: null, name: '', phone: '' }

/** A friendly first check; the server checks again and names the field the same way. */
function checkForm(form: AppointForm): Record<string, string> {
  const errors: Record<string, string> = {}
  const targetField = form.role === 'secretary' ? 'orgId' : 'unitId'
  if (!form.target) errors[targetField] = form.role === 'secretary' ? '请选择社区' : '请选择单位'
  if (!form.name.trim()) errors.name = '请填写姓名'
  if (!/^1[3-9]\d{9}$/.test(form.phone.trim())) errors.phone = '手机号码须为11位手机号码'
  return errors
}

/** 书记与管理员: who runs each community and unit; appoint (a new account gets a one-time password) and revoke. */
export default function DistrictPeoplePage() {
  const { tree, status, error, reload } = useDistrictTree()
  const [form, setForm] = useState<AppointForm | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [choosing, setChoosing] = useState(false)
  const [saving, setSaving] = useState(false)
  const [appointed, setAppointed] = useState<Appointment | null>(null)
  const [revoking, setRevoking] = useState<{ person: OrgPerson; where: string } | null>(null)

  const set = (patch: Partial<AppointForm>) => {
    setForm((current) => ({ ...(current ?? EMPTY_FORM), ...patch }))
    setErrors({})
  }

  const submit = async () => {
    if (!form) return
    const local = checkForm(form)
    if (Object.keys(local).length) return setErrors(local)
    setSaving(true)
    const result = await orgApi.appoint({
      role: form.role,
      ...(form.role === 'secretary' ? { orgId: form.target!.id } : { unitId: form.target!.id }),
      name: form.name.trim(),
      phone: form.phone.trim(),
    })
    setSaving(false)
    if (!result.ok) return setErrors(result.error.fields ?? { _: result.error.message })
    setForm(null)
    setAppointed(result.data)
    await reload(true)
  }

  const revoke = async (): Promise<ApiError | null> => {
    if (!revoking) return null
    const result = await orgApi.revoke(revoking.person.grantId)
    if (!result.ok) return result.error
    setRevoking(null)
    await reload(true)
    void Taro.showToast({ title: '已撤销任命', icon: 'none' })
    return null
  }

  const targets = !tree || !form
    ? []
    : form.role === 'secretary'
      ? communitiesOf(tree).map((community) => ({ value: community.id, text: community.name, sub: community.streetName }))
      : tree.units.map((unit) => ({ value: unit.id, text: unit.name, sub: unit.kind }))

  const personRow = (person: OrgPerson, where: string) => (
    <View key={person.grantId} className="org-row">
      <View className="org-row__text">
        <Text>{person.name}</Text>
        <Text className="org-row__sub">{person.phone}</Text>
      </View>
      <Button size="small" fill="none" onClick={() => setRevoking({ person, where })}>撤销</Button>
    </View>
  )

  return (
    <PageShell title="书记与管理员" tab="district-people" status={status} error={error} onRetry={() => void reload()} elderToggle>
      {tree && (
        <View className="district">
          <LoginLocks />
          <View className="district__toolbar">
            <Button type="primary" size="small" onClick={() => set(EMPTY_FORM)}>任命</Button>
          </View>
          {form && (
            <Card className="org-card appoint-form" title={<Text className="org-card__name">任命书记或管理员</Text>}>
              <FormRow label="职务" required>
                <ChoiceChips options={ROLE_OPTIONS} value={form.role} onChange={(role) => set({ role, target: null })} />
              </FormRow>
              <FormRow label={form.role === 'secretary' ? '社区' : '单位'} required error={errors.orgId ?? errors.unitId}>
                <View className="appoint-form__picker" onClick={() => setChoosing(true)}>
                  {form.target?.name ?? (form.role === 'secretary' ? '点此选择社区' : '点此选择单位')} ›
                </View>
              </FormRow>
              <FormRow label="姓名" required error={errors.name} hint="已有账号的，保留原姓名">
                <Input name="name" value={form.name} placeholder="请输入姓名" maxLength={30} onChange={(name) => set({ name })} />
              </FormRow>
              <FormRow label="手机号码" required error={errors.phone} hint="没有账号的将新建账号，并给出初始密码">
                <Input name="phone" type="number" value={form.phone} placeholder="11位手机号码" maxLength={11} onChange={(phone) => set({ phone })} />
              </FormRow>
              {errors._ && <Text className="field-error">{errors._}</Text>}
              <View className="org-card__buttons">
                <Button type="primary" loading={saving} disabled={saving} onClick={() => void submit()}>确定任命</Button>
                <Button fill="outline" onClick={() => setForm(null)}>取消</Button>
              </View>
            </Card>
          )}

          <Text className="district__section-title">社区书记/管理员</Text>
          {communitiesOf(tree).map((community) => (
            <Card key={community.id} className="org-card" title={<Text className="org-card__name">{community.name}</Text>}>
              <Text className="org-card__counts">{community.streetName}</Text>
              {community.secretaries.map((person) => personRow(person, community.name))}
              {community.secretaries.length === 0 && <Text className="org-card__line">尚未任命</Text>}
            </Card>
          ))}

          <Text className="district__section-title">单位党组织管理员</Text>
          {tree.units.map((unit) => (
            <Card key={unit.id} className="org-card" title={<Text className="org-card__name">{unit.name}</Text>}>
              <Text className="org-card__counts">{unit.kind}</Text>
              {unit.admins.map((person) => personRow(person, unit.name))}
              {unit.admins.length === 0 && <Text className="org-card__line">尚未任命</Text>}
            </Card>
          ))}
        </View>
      )}
      <PickDialog
        visible={choosing}
        title={form?.role === 'secretary' ? '选择社区' : '选择单位'}
        hint={form?.role === 'secretary' ? '任命为哪个社区的书记/管理员：' : '任命为哪个单位的党组织管理员：'}
        options={targets}
        emptyText={form?.role === 'secretary' ? '本区还没有社区，请先在“组织”页新增' : '本区还没有单位，请先在“单位”页新增'}
        confirmText="选定"
        onPick={(id) => {
          setChoosing(false)
          set({ target: { id, name: targets.find((target) => target.value === id)?.text ?? '' } })
        }}
        onClose={() => setChoosing(false)}
      />
      <Dialog
        className="confirm-dialog"
        visible={appointed !== null}
        title="任命成功"
        confirmText="知道了"
        hideCancelButton
        onConfirm={() => setAppointed(null)}
        onClose={() => setAppointed(null)}
      >
        {appointed && <AppointedNote appointed={appointed} />}
      </Dialog>
      <ConfirmDialog
        visible={revoking !== null}
        title="撤销任命"
        message={revoking ? `确定撤销 ${revoking.person.name} 在「${revoking.where}」的任命吗？撤销后 TA 不能再管理该${tree?.units.some((u) => u.name === revoking.where) ? '单位' : '社区'}的数据，账号保留。` : ''}
        confirmText="撤销"
        onConfirm={revoke}
        onClose={() => setRevoking(null)}
      />
    </PageShell>
  )
}

function AppointedNote({ appointed }: { appointed: Appointment }) {
  const role = appointed.role === 'secretary' ? '社区书记/管理员' : '单位党组织管理员'
  if (!appointed.initialPassword) {
    return (
      <View className="dialog-field">
        <Text className="dialog-field__hint">{`${appointed.name}（${appointed.phone}）已有账号，已任命为${role}，用原密码登录即可。`}</Text>
      </View>
    )
  }
  const password = appointed.initialPassword
  return (
    <View className="dialog-field">
      <Text className="dialog-field__hint">{`已为 ${appointed.name}（${appointed.phone}）新建账号并任命为${role}。初始密码只显示这一次，请当面或电话告知本人：`}</Text>
      <Text className="appoint-password">{password}</Text>
      <Button
        size="small"
        fill="outline"
        type="primary"
        onClick={() => void Taro.setClipboardData({ data: password }).then(() => Taro.showToast({ title: '已复制初始密码', icon: 'none' }))}
      >
        复制初始密码
      </Button>
    </View>
  )
}
