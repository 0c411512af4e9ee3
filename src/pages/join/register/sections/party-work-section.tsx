import { useMemo } from 'react'
import { Text } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import { DayField } from '@/components/day-field'
import { MonthField } from '@/components/month-field'
import { addYears, isMonth } from '@/components/month-field/month'
import type { RegistrationOptions } from '@/services/api/registration'
import { Chips, Field, Section, type SectionProps } from './parts'

type Props = SectionProps & { options: RegistrationOptions; slip: RegistrationOptions['slip'] }

/** 党员信息 and 工作单位: the member's standing, when they joined, and where they work; a slip fixes the type and unit. */
export function PartyWorkSection({ draft, errors, update, options, slip }: Props) {
  const units = useMemo(() => {
    const all = options.districts.flatMap((d) => d.units)
    return [...all].sort((a, b) => Number(b.pairedCommunityIds.includes(draft.communityId)) - Number(a.pairedCommunityIds.includes(draft.communityId)))
  }, [options, draft.communityId])
  const born = isMonth(draft.birthMonth) ? draft.birthMonth : null

  return (
    <>
      <Section title="党员信息">
        <Field name="memberType" label="党员类别" required errors={errors}>
          {slip ? (
            <Text className="register__fixed">在职党员（报到单）</Text>
          ) : (
            <Chips items={options.memberTypes.map((t) => ({ value: t.value, text: t.label }))} chosen={(v) => draft.memberType === v} onTap={(memberType) => update({ memberType })} />
          )}
        </Field>
        {draft.memberType === 'activist' && (
          <Field name="activistSince" label="成为积极分子日期" hint="培养期从这天算起，可不填，由社区登记" errors={errors}>
            <DayField title="成为入党积极分子日期" value={draft.activistSince} placeholder="请选择日期" onChange={(activistSince) => update({ activistSince })} />
          </Field>
        )}
        {draft.memberType !== 'activist' && (
          <Field name="joinedPartyMonth" label="入党时间" required hint="点此选择年和月" errors={errors}>
            <MonthField
              title="入党时间"
              value={draft.joinedPartyMonth}
              earliest={born ?? undefined}
              scrollTo={born ? addYears(born, 18) : '2000-01'}
              placeholder="请选择入党时间"
              onChange={(joinedPartyMonth) => update({ joinedPartyMonth })}
            />
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
          <Input name="workUnit" value={draft.workUnit} maxLength={80} placeholder="单位全称，例如 区人民医院" onChange={(workUnit) => update({ workUnit })} />
        </Field>
        <Field name="jobTitle" label="职务" errors={errors}>
          <Input name="jobTitle" value={draft.jobTitle} maxLength={30} placeholder="例如 科员、护士长" onChange={(jobTitle) => update({ jobTitle })} />
        </Field>
        <Field name="unitAddress" label="单位地址" errors={errors}>
          <Input name="unitAddress" value={draft.unitAddress} maxLength={120} placeholder="单位所在的街道和门牌号" onChange={(unitAddress) => update({ unitAddress })} />
        </Field>
        <Field name="unitPhone" label="单位联系电话" errors={errors}>
          <Input name="unitPhone" value={draft.unitPhone} maxLength={13} placeholder="例如 0750-5511941" onChange={(unitPhone) => update({ unitPhone })} />
        </Field>
      </Section>
    </>
  )
}
