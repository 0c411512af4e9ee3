import { Input } from '@nutui/nutui-react-taro'
import { MonthField } from '@/components/month-field'
import { Chips, Field, Section, type SectionProps } from './parts'

const GENDERS = [{ value: '男', text: '男' }, { value: '女', text: '女' }] as const

/** 基本信息: who the member is and where they live. */
export function IdentitySection({ draft, errors, update, educationLevels }: SectionProps & { educationLevels: readonly string[] }) {
  return (
    <Section title="基本信息">
      <Field name="name" label="姓名" required errors={errors}>
        <Input name="name" value={draft.name} maxLength={30} placeholder="请输入姓名" onChange={(name) => update({ name })} />
      </Field>
      <Field name="gender" label="性别" required errors={errors}>
        <Chips items={GENDERS} chosen={(v) => draft.gender === v} onTap={(gender) => update({ gender })} />
      </Field>
      <Field name="ethnicity" label="民族" required errors={errors}>
        <Input name="ethnicity" value={draft.ethnicity} maxLength={20} placeholder="例如 汉族" onChange={(ethnicity) => update({ ethnicity })} />
      </Field>
      <Field name="birthMonth" label="出生年月" required hint="点此选择年和月" errors={errors}>
        <MonthField title="出生年月" value={draft.birthMonth} scrollTo="1980-01" placeholder="请选择出生年月" onChange={(birthMonth) => update({ birthMonth })} />
      </Field>
      <Field name="education" label="学历" required errors={errors}>
        <Chips small items={educationLevels.map((e) => ({ value: e, text: e }))} chosen={(v) => draft.education === v} onTap={(education) => update({ education })} />
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
  )
}
