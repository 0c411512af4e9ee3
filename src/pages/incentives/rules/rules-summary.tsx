import { Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import { InfoRow } from '@/components/info-row'
import type { IncentiveRulesView } from '@/services/api/incentive-rules'

const SECTIONS = [
  { key: 'points', title: '积分怎么来' },
  { key: 'stars', title: '星级' },
  { key: 'bank', title: '爱心时间银行' },
  { key: 'shop', title: '爱心超市' },
] as const

/** The rules in plain words, one card per part, each naming the preset it follows (the member's 「积分规则」). */
export function RulesSummary({ rules }: { rules: IncentiveRulesView }) {
  return (
    <View className="incentive-rules__summary">
      {SECTIONS.map(({ key, title }) => (
        <Card key={key} className={`incentive-rules__part incentive-rules__part--${key}`} title={title}>
          {rules.texts[key].map((line, index) => (
            <Text key={index} className="incentive-rules__line">
              · {line}
            </Text>
          ))}
          <InfoRow label="依据" value={rules.presetNames[key] ?? '本区自定'} />
        </Card>
      ))}
    </View>
  )
}
