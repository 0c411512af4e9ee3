import { Text, View } from '@tarojs/components'
import { ChoiceChips } from '@/components/choice-chips'
import type { MemberStanding } from '@/services/api/assessment'
import './summary.scss'

export interface Figure {
  key: string
  value: number
  label: string
  /** Drawn in the alert tone. */
  alert?: boolean
}

/** The numbers at the top of an assessment page (达标 / 未达标 / 免除 …), each under its data-figure key. */
export function Figures({ figures }: { figures: readonly Figure[] }) {
  return (
    <View className="assessment-figures">
      {figures.map((figure) => (
        <View key={figure.key} className="assessment-figures__item" data-figure={figure.key}>
          <Text className={`assessment-figures__value${figure.alert ? ' assessment-figures__value--alert' : ''}`}>{figure.value}</Text>
          <Text className="assessment-figures__label">{figure.label}</Text>
        </View>
      ))}
    </View>
  )
}

/** 今年（2026）/ 2025年: an assessment page shows this year or the one before. */
export function YearChips({ thisYear, year, onChange }: { thisYear: number; year: number; onChange: (year: number) => void }) {
  return (
    <ChoiceChips
      options={[
        { value: String(thisYear), text: `今年（${thisYear}）` },
        { value: String(thisYear - 1), text: `${thisYear - 1}年` },
      ]}
      value={String(year)}
      onChange={(next) => onChange(Number(next))}
    />
  )
}

type RuleSetOrigin = MemberStanding['ruleSet']['origin']

const ORIGIN_SUFFIX: Record<RuleSetOrigin, string> = { chosen: '', earlier_year: '（沿用往年）', default: '（默认）' }

/** 考核办法：… with where it comes from when it was not chosen for the year. */
export function RuleSetLine({ ruleSet }: { ruleSet: { name: string; origin: RuleSetOrigin } }) {
  return (
    <Text className="assessment-note assessment-note--small">
      考核办法：{ruleSet.name}
      {ORIGIN_SUFFIX[ruleSet.origin]}
    </Text>
  )
}
