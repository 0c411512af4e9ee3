import type { ReactNode } from 'react'
import { Input } from '@nutui/nutui-react-taro'
import type { RegistrationOptions } from '@/services/api/registration'
import { Field, Section, type SectionProps } from './parts'

type Props = SectionProps & {
  options: RegistrationOptions
  /** Asked only of someone without an account yet. */
  askPassword: boolean
  password: string
  onPassword: (password: string) => void
  /** Logged out: the code that proves the phone, under the password. */
  children?: ReactNode
}

/** The district of the chosen community, or the only district there is. */
const districtOf = (options: RegistrationOptions, communityId: string) =>
  options.districts.find((d) => d.streets.some((s) => s.communities.some((c) => c.id === communityId))) ??
  (options.districts.length === 1 ? options.districts[0] : undefined)

/** 身份证号码 (only where the district collects it), and the new account's password and the code that proves its phone. */
export function AccountSection({ draft, errors, update, options, askPassword, password, onPassword, children }: Props) {
  return (
    <>
      {districtOf(options, draft.communityId)?.collectIdNumbers && (
        <Section title="身份证号码">
          <Field name="idNumber" label="身份证号码" hint="本区要求登记；只有报到社区的书记能看到完整号码" errors={errors}>
            <Input name="idNumber" value={draft.idNumber} maxLength={18} placeholder="18位身份证号码" onChange={(idNumber) => update({ idNumber })} />
          </Field>
        </Section>
      )}
      {askPassword && (
        <Section title="设置登录密码并验证手机">
          <Field name="password" label="登录密码" required hint="至少8位，不能是同一个数字或连续的数字，也不能含手机号码；以后用本人手机号码和这个密码登录" errors={errors}>
            <Input name="password" type="password" value={password} maxLength={64} placeholder="设置登录密码，至少8个字符" onChange={onPassword} />
          </Field>
          {children}
        </Section>
      )}
    </>
  )
}
