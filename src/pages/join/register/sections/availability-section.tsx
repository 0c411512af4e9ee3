import { View } from '@tarojs/components'
import { DAYS, SLOTS, toggleCell, toggleRow } from '../../shared/registration-draft'
import { Chips, Field, Section, type SectionProps } from './parts'

const YES_NO = [{ value: 'yes', text: '愿意' }, { value: 'no', text: '暂不' }] as const

/** 能参加服务的时间: the week × 上午/下午/晚上 grid (a tap on a day fills its row), and the two willingness questions. */
export function AvailabilitySection({ draft, errors, update }: SectionProps) {
  return (
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
  )
}
