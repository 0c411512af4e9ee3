import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { InfoRow } from '@/components/info-row'
import { ListFooter } from '@/components/list-footer'
import { PageShell } from '@/components/page-shell'
import { TextDialog } from '@/components/text-dialog'
import { shellStatusOf } from '@/hooks/use-paged-list'
import { suggestionsApi, type Suggestion, type SuggestionDecision, type SuggestionStatus } from '@/services/api/suggestions'
import type { ApiError } from '@/services/api/types'
import { formatTime } from '@/services/beijing-time'
import { PROFILE_PAGE } from '@/services/navigation'
import { SUGGESTION_STATUS_WORDS } from '@/services/status-words'
import { StatusTabs } from '../shared/status-tabs'
import { StatusWordTag } from '../shared/status-word-tag'
import { useInbox } from '../shared/use-inbox'
import './index.scss'

const PAGE_SIZE = 10
const TAB_ORDER: SuggestionStatus[] = ['submitted', 'forwarded', 'replied', 'adopted', 'withdrawn']

const EMPTY_TITLE: Record<SuggestionStatus, string> = {
  submitted: '没有待处理的建议',
  forwarded: '没有转交中的建议',
  replied: '还没有答复过的建议',
  adopted: '还没有采纳的建议',
  withdrawn: '没有党员撤回的建议',
}

const DIALOG: Record<SuggestionDecision, { title: string; hint: string; placeholder: string; confirmText: string; field: string; empty: string; max: number }> = {
  reply: { title: '答复建议', hint: '答复会显示给提建议的党员。', placeholder: '例如：已联系物业，下周维修', confirmText: '答复', field: 'reply', empty: '请填写答复内容', max: 500 },
  adopt: { title: '采纳建议', hint: '写明怎样采纳、何时落实，党员会看到。', placeholder: '例如：已列入本季度社区实事，年底前完成', confirmText: '采纳', field: 'reply', empty: '请填写答复内容', max: 500 },
  forward: { title: '转交建议', hint: '转交给能办理的部门或单位，党员会看到转给了谁。有了结果，可在「已转交」里答复或采纳。', placeholder: '例如：街道城管科', confirmText: '转交', field: 'forwardedTo', empty: '请填写转交单位', max: 60 },
}

/** 建议处理: the community's suggestions, those waiting first, each answered, forwarded or adopted. */
export default function SuggestionsPage() {
  const [handling, setHandling] = useState<{ suggestion: Suggestion; decision: SuggestionDecision } | null>(null)
  const { tab, switchTab, waiting, list, moved, retry } = useInbox<Suggestion, SuggestionStatus>('submitted', suggestionsApi.listForCommunity, PAGE_SIZE)
  const { items, total, loadingMore, moreError } = list

  const handle = async (text: string): Promise<ApiError | null> => {
    if (!handling) return null
    const { suggestion, decision } = handling
    const result = await suggestionsApi.handle({
      suggestionId: suggestion.id,
      decision,
      ...(decision === 'forward' ? { forwardedTo: text } : { reply: text }),
    })
    if (!result.ok) return result.error
    setHandling(null)
    moved(result.data.id, suggestion.status === 'submitted' ? -1 : 0)
    void Taro.showToast({ title: `已${DIALOG[decision].confirmText}，党员可看到`, icon: 'none' })
    return null
  }

  const tabs = TAB_ORDER.map((key) => ({
    key,
    text: key === 'submitted' && waiting ? `${SUGGESTION_STATUS_WORDS[key].text}（${waiting}）` : SUGGESTION_STATUS_WORDS[key].text,
  }))
  const dialog = handling ? DIALOG[handling.decision] : DIALOG.reply

  return (
    <PageShell title="建议处理" backTo={PROFILE_PAGE} elderToggle>
      <StatusTabs tabs={tabs} current={tab} onChange={switchTab} />
      <View className="status-tabs-body">
        <PageShell
          requireLogin={false}
          status={shellStatusOf(list.status, items.length)}
          error={list.error}
          onRetry={retry}
          empty={{ title: EMPTY_TITLE[tab], hint: tab === 'submitted' ? '党员提出的建议会出现在这里' : '换个分类看看' }}
        >
          <View className="suggestions-inbox status-tabs-list">
            <Text className="status-tabs-count">{waiting !== null ? `待处理 ${waiting} 条 · 本类共 ${total} 条` : `共 ${total} 条`}</Text>
            {items.map((suggestion) => (
              <InboxCard key={suggestion.id} suggestion={suggestion} onHandle={(decision) => setHandling({ suggestion, decision })} />
            ))}
            <ListFooter shown={items.length} total={total} loading={loadingMore} error={moreError} onMore={() => void list.loadMore()} unit="条" />
          </View>
        </PageShell>
      </View>
      <TextDialog
        visible={handling !== null}
        title={dialog.title}
        hint={dialog.hint}
        placeholder={dialog.placeholder}
        confirmText={dialog.confirmText}
        field={dialog.field}
        emptyMessage={dialog.empty}
        maxLength={dialog.max}
        lines={handling?.decision === 'forward' ? 'one' : 'many'}
        onSubmit={handle}
        onClose={() => setHandling(null)}
      />
    </PageShell>
  )
}

function InboxCard({ suggestion, onHandle }: { suggestion: Suggestion; onHandle: (decision: SuggestionDecision) => void }) {
  const open = suggestion.status === 'submitted' || suggestion.status === 'forwarded'
  return (
    <Card className="inbox-card" title={suggestion.category} extra={<StatusWordTag word={SUGGESTION_STATUS_WORDS[suggestion.status]} />}>
      <Text className="inbox-card__body">{suggestion.body}</Text>
      <InfoRow label="提建议" value={`${suggestion.member.name}${suggestion.member.gridName ? ` · ${suggestion.member.gridName}` : ''}`} />
      <InfoRow label="提出时间" value={formatTime(suggestion.submittedAt)} />
      {suggestion.forwardedTo && <InfoRow label="已转交" value={suggestion.forwardedTo} />}
      {suggestion.reply && <InfoRow label="答复" value={suggestion.reply} />}
      {open && (
        <View className="inbox-card__buttons">
          {suggestion.status === 'submitted' && (
            <Button className="inbox-card__button" fill="outline" type="primary" onClick={() => onHandle('forward')}>
              转交
            </Button>
          )}
          <Button className="inbox-card__button" fill="outline" type="primary" onClick={() => onHandle('adopt')}>
            采纳
          </Button>
          <Button className="inbox-card__button" type="primary" onClick={() => onHandle('reply')}>
            答复
          </Button>
        </View>
      )}
    </Card>
  )
}
