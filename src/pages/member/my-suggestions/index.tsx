import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { InfoRow } from '@/components/info-row'
import { PageShell } from '@/components/page-shell'
import { StatusWordTag } from '@/components/status-word-tag'
import { useElderMode } from '@/hooks/use-elder-mode'
import { useShownDetail } from '@/hooks/use-shown-detail'
import { suggestionsApi, type Suggestion } from '@/services/api/suggestions'
import { formatTime } from '@/services/beijing-time'
import { PROFILE_PAGE, ROUTES } from '@/services/navigation'
import { SUGGESTION_STATUS_WORDS } from '@/services/status-words'
import './index.scss'

/** The most a member is shown at once: a few a year is usual. */
const SHOWN = 100

/** 我的建议: what the member suggested, where each stands, and the community's answer. */
export default function MySuggestionsPage() {
  const [elder] = useElderMode()
  const fetchIt = useCallback(() => suggestionsApi.mine({ limit: SHOWN, offset: 0 }), [])
  const { data, setData, status, error, reload } = useShownDetail(fetchIt, '')

  const withdraw = async (suggestion: Suggestion) => {
    const answer = await Taro.showModal({ title: '撤回建议', content: '撤回后社区不再处理，也不计入考核。确定撤回吗？', confirmText: '撤回', cancelText: '不撤回' })
    if (!answer.confirm) return
    const result = await suggestionsApi.withdraw(suggestion.id)
    if (!result.ok) {
      void Taro.showToast({ title: result.error.message, icon: 'none' })
      void reload(true)
      return
    }
    if (data) setData({ ...data, items: data.items.map((item) => (item.id === suggestion.id ? result.data : item)) })
    // The count of this year's is the server's: a withdrawn one from an earlier year changes nothing.
    void reload(true)
  }

  const items = data?.items ?? []

  return (
    <PageShell title="我的建议" backTo={PROFILE_PAGE} status={status} error={error} onRetry={() => void reload()} elderToggle>
      {data && (
        <View className="my-suggestions">
          <Card tone="notice">
            <Text className="my-suggestions__count">
              {elder ? `今年您提了 ${data.countedThisYear} 条建议` : `今年已提建议 ${data.countedThisYear} 条（撤回的不计入考核）`}
            </Text>
            <View className="my-suggestions__new">
              <Button type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: ROUTES.memberSuggest })}>
                提建议
              </Button>
            </View>
          </Card>
          {items.length === 0 ? (
            <Text className="my-suggestions__none">还没有提过建议。对社区有什么想法，点上面的「提建议」告诉书记。</Text>
          ) : (
            items.map((suggestion) => <SuggestionCard key={suggestion.id} suggestion={suggestion} onWithdraw={() => void withdraw(suggestion)} />)
          )}
        </View>
      )}
    </PageShell>
  )
}

function SuggestionCard({ suggestion, onWithdraw }: { suggestion: Suggestion; onWithdraw: () => void }) {
  const [elder] = useElderMode()
  const word = SUGGESTION_STATUS_WORDS[suggestion.status]
  const layout = elder ? 'stacked' : 'inline'
  return (
    <Card className="suggestion-card" title={suggestion.category} extra={<StatusWordTag word={word} />}>
      <Text className="suggestion-card__body">{suggestion.body}</Text>
      <InfoRow layout={layout} label="提出时间" value={formatTime(suggestion.submittedAt)} />
      {suggestion.forwardedTo && <InfoRow layout={layout} label="已转交" value={suggestion.forwardedTo} />}
      {suggestion.reply && (
        <View className="suggestion-card__reply">
          <Text className="suggestion-card__reply-label">社区答复{suggestion.handledAt ? `（${formatTime(suggestion.handledAt)}）` : ''}</Text>
          <Text>{suggestion.reply}</Text>
        </View>
      )}
      {suggestion.status === 'submitted' && (
        <View className="suggestion-card__actions">
          <Button size="small" fill="outline" onClick={onWithdraw}>
            撤回
          </Button>
        </View>
      )}
    </Card>
  )
}
