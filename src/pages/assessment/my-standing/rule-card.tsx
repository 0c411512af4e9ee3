import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { StatusTag } from '@/components/status-tag'
import { StatusWordTag } from '@/components/status-word-tag'
import type { RuleOutcome } from '@/services/api/assessment'
import { figureAgainstTarget, helpActionFor, progressPercent, quarterChips, ruleStatusWord, type HelpAction } from './standing-display'

const HELP_TEXT: Record<HelpAction, string> = { suggest: '提建议', commit: '我的承诺', orders: '去接单' }

export interface RuleCardProps {
  rule: RuleOutcome
  elder: boolean
  /** Only the member's own page offers what to do next; an admin looking at a member does not. */
  onHelp?: (action: HelpAction) => void
}

/** One rule of the member's rule set: its status, figure against target, the quarters, and what is left by when. */
export function RuleCard({ rule, elder, onHelp }: RuleCardProps) {
  const word = ruleStatusWord(rule)
  const percent = progressPercent(rule)
  const help = onHelp ? helpActionFor(rule) : null
  const counted = rule.status !== 'not_applicable' && rule.status !== 'exempt'
  return (
    <View className="rule-card" data-rule-id={rule.ruleId} data-status={rule.status}>
      <Card
        title={rule.title}
        tone={rule.status === 'met' ? 'done' : rule.status === 'not_met' ? (rule.open ? 'notice' : 'alert') : 'plain'}
        extra={<StatusWordTag word={word} />}
      >
        {counted && (
          <>
            <View className="rule-card__figures">
              <Text className="rule-card__figure">{figureAgainstTarget(rule)}</Text>
              <Text className="rule-card__percent">{percent}%</Text>
            </View>
            <View className="rule-card__bar" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
              <View className={`rule-card__bar-fill rule-card__bar-fill--${word.tone}`} style={{ width: `${percent}%` }} />
            </View>
          </>
        )}
        {rule.quarters && counted && (
          <View className="rule-card__quarters">
            {quarterChips(rule.quarters).map((chip) => (
              <View key={chip.quarter} className="rule-card__quarter">
                <Text className="rule-card__quarter-name">{chip.name}</Text>
                <StatusTag tone={chip.tone}>{chip.text}</StatusTag>
              </View>
            ))}
          </View>
        )}
        <Text className="rule-card__advice">{rule.advice}</Text>
        {rule.exemption && (
          <Text className="rule-card__note">
            免除理由：{rule.exemption.reason}（{rule.exemption.approvedBy}批准）
          </Text>
        )}
        {!elder && rule.consequences.length > 0 && <Text className="rule-card__note">未达到将：{rule.consequences.join('、')}</Text>}
        {!elder && <Text className="rule-card__clause">{rule.clause}</Text>}
        {help && (
          <Button className="rule-card__help" type="primary" fill="outline" block onClick={() => onHelp?.(help)}>
            {HELP_TEXT[help]}
          </Button>
        )}
      </Card>
    </View>
  )
}
