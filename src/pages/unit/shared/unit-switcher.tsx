import { Text, View } from '@tarojs/components'
import { ChoiceChips } from '@/components/choice-chips'
import type { AdministeredUnit } from './active-unit'
import './unit-switcher.scss'

export interface UnitSwitcherProps {
  units: AdministeredUnit[]
  active: AdministeredUnit | null
  onChange: (unitId: string) => void
}

/** 「单位：甲｜乙」 at the top of the unit pages, for an admin of several units; nothing for one unit. */
export function UnitSwitcher({ units, active, onChange }: UnitSwitcherProps) {
  if (units.length < 2) return null
  return (
    <View className="unit-switcher">
      <Text className="unit-switcher__label">单位：</Text>
      <ChoiceChips options={units.map((unit) => ({ value: unit.id, text: unit.name }))} value={active?.id ?? null} onChange={onChange} />
    </View>
  )
}
