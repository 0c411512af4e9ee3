import { Text, View } from '@tarojs/components'
import './index.scss'

export interface OptionCard<T extends string> {
  value: T
  title: string
  /** One line under the title: what choosing it does. */
  hint: string
}

export interface OptionCardsProps<T extends string> {
  options: readonly OptionCard<T>[]
  value: T
  onChange: (value: T) => void
  /** Names the group for screen readers, e.g. 「派单方式」. */
  label: string
  /** An extra class on each card, for a page's own tests and layout. */
  itemClassName?: string
}

/** Two or three side-by-side choices, each a title with a line saying what it does; one is always chosen. */
export function OptionCards<T extends string>({ options, value, onChange, label, itemClassName = '' }: OptionCardsProps<T>) {
  return (
    <View className="dy-option-cards" role="radiogroup" aria-label={label}>
      {options.map((option) => {
        const on = option.value === value
        return (
          <View
            key={option.value}
            role="radio"
            aria-checked={on}
            className={`dy-option-card${on ? ' dy-option-card--on' : ''} ${itemClassName}`.trim()}
            onClick={() => onChange(option.value)}
          >
            <Text className="dy-option-card__title">{option.title}</Text>
            <Text className="dy-option-card__hint">{option.hint}</Text>
          </View>
        )
      })}
    </View>
  )
}
