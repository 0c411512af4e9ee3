import { Text, View } from '@tarojs/components'
import './index.scss'

export interface ChoiceChipsProps<T extends string> {
  options: readonly { value: T; text: string }[]
  value: T | null
  onChange: (value: T) => void
}

/** A row of big tappable choices, for a handful of options (role, unit kind, the unit an admin works on). */
export function ChoiceChips<T extends string>({ options, value, onChange }: ChoiceChipsProps<T>) {
  return (
    <View className="choice-chips">
      {options.map((option) => (
        <Text
          key={option.value}
          className={`choice-chips__chip${option.value === value ? ' choice-chips__chip--active' : ''}`}
          onClick={() => onChange(option.value)}
        >
          {option.text}
        </Text>
      ))}
    </View>
  )
}
