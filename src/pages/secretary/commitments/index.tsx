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
import { commitmentsApi, type Commitment, type CommitmentStatus } from '@/services/api/commitments'
import type { ApiError } from '@/services/api/types'
import { formatTime } from '@/services/beijing-time'
import { PROFILE_PAGE } from '@/services/navigation'
import { COMMITMENT_STATUS_WORDS } from '@/services/status-words'
import { ReasonDialog } from '../shared/reason-dialog'
import { StatusTabs } from '../shared/status-tabs'
import { StatusWordTag } from '../shared/status-word-tag'
import { useInbox } from '../shared/use-inbox'
import { TeamCommitForm } from './team-commit-form'
import './index.scss'

const PAGE_SIZE = 10
const TAB_ORDER: CommitmentStatus[] = ['fulfilled', 'committed', 'returned', 'confirmed']

const EMPTY_TITLE: Record<CommitmentStatus, string> = {
  fulfilled: '没有待确认的承诺',
  committed: '没有正在办理的承诺',
  returned: '没有退回的承诺',
  confirmed: '还没有确认过的承诺',
}

/** 承诺确认: the community's 好事 and 实事, those reported done first, each confirmed or sent back with a reason. */
export default function CommitmentsPage() {
  const [returning, setReturning] = useState<Commitment | null>(null)
  const [reporting, setReporting] = useState<Commitment | null>(null)
  const { tab, switchTab, waiting, list, moved, retry } = useInbox<Commitment, CommitmentStatus>('fulfilled', commitmentsApi.listForCommunity, PAGE_SIZE)
  const { items, total, loadingMore, moreError } = list

  const confirm = async (commitment: Commitment) => {
    const result = await commitmentsApi.confirm(commitment.id)
    if (!result.ok) {
      void Taro.showToast({ title: result.error.message, icon: 'none' })
      return
    }
    moved(result.data.id, -1)
    void Taro.showToast({ title: '已确认，计入考核', icon: 'none' })
  }

  const sendBack = async (reason: string): Promise<ApiError | null> => {
    if (!returning) return null
    const result = await commitmentsApi.sendBack(returning.id, reason)
    if (!result.ok) return result.error
    setReturning(null)
    moved(result.data.id, -1)
    void Taro.showToast({ title: '已退回，党员可看到原因', icon: 'none' })
    return null
  }

  // A team's 实事 may be reported by the secretary as by its captain; it then waits for confirmation.
  const report = async (fulfilment: string): Promise<ApiError | null> => {
    if (!reporting) return null
    const result = await commitmentsApi.reportFulfilment(reporting.id, fulfilment)
    if (!result.ok) return result.error
    setReporting(null)
    moved(result.data.id, +1)
    void Taro.showToast({ title: '已填报，可在「待确认」里确认', icon: 'none' })
    return null
  }

  const tabs = TAB_ORDER.map((key) => ({
    key,
    text: key === 'fulfilled' && waiting ? `${COMMITMENT_STATUS_WORDS[key].text}（${waiting}）` : COMMITMENT_STATUS_WORDS[key].text,
  }))

  return (
    <PageShell title="承诺确认" backTo={PROFILE_PAGE} elderToggle>
      <StatusTabs tabs={tabs} current={tab} onChange={switchTab} />
      <TeamCommitForm
        onCommitted={() => {
          switchTab('committed')
          void Taro.showToast({ title: '已承诺，办完后填报完成情况', icon: 'none' })
        }}
      />
      <View className="status-tabs-body">
        <PageShell
          requireLogin={false}
          status={shellStatusOf(list.status, items.length)}
          error={list.error}
          onRetry={retry}
          empty={{ title: EMPTY_TITLE[tab], hint: tab === 'fulfilled' ? '党员、服务队填报完成情况后会出现在这里' : '换个分类看看' }}
        >
          <View className="commitments-inbox status-tabs-list">
            <Text className="status-tabs-count">{waiting !== null ? `待确认 ${waiting} 项 · 本类共 ${total} 项` : `共 ${total} 项`}</Text>
            {items.map((commitment) => (
              <CommitmentCard key={commitment.id} commitment={commitment} onConfirm={() => void confirm(commitment)} onReturn={() => setReturning(commitment)} onReport={() => setReporting(commitment)} />
            ))}
            <ListFooter shown={items.length} total={total} loading={loadingMore} error={moreError} onMore={() => void list.loadMore()} unit="项" />
          </View>
        </PageShell>
      </View>
      <TextDialog
        visible={reporting !== null}
        title="填报完成情况"
        hint={`${reporting?.team?.name ?? ''}为「${reporting?.beneficiary ?? ''}」做了什么、哪天做的。`}
        placeholder="例如：11月8日组织队员修好屋顶"
        confirmText="提交"
        field="fulfilment"
        emptyMessage="请填写完成情况"
        maxLength={300}
        onSubmit={report}
        onClose={() => setReporting(null)}
      />
      <ReasonDialog
        visible={returning !== null}
        title="退回承诺"
        hint={`退回${returning?.team?.name ?? returning?.member?.name ?? ''}填报的完成情况，原因会显示给对方，补充后可重新填报。`}
        placeholder="例如：请写明每次上门的日期"
        confirmText="退回"
        onSubmit={sendBack}
        onClose={() => setReturning(null)}
      />
    </PageShell>
  )
}

function CommitmentCard({ commitment, onConfirm, onReturn, onReport }: { commitment: Commitment; onConfirm: () => void; onReturn: () => void; onReport: () => void }) {
  const who = commitment.team ? `${commitment.team.name}（服务队实事）` : `${commitment.member?.name ?? ''}（党员好事）`
  return (
    <Card className="commitment-inbox-card" title={who} extra={<StatusWordTag word={COMMITMENT_STATUS_WORDS[commitment.status]} />}>
      <InfoRow label="年度" value={`${commitment.year}年`} />
      <InfoRow label="帮扶对象" value={commitment.beneficiary} />
      <InfoRow label="承诺内容" value={commitment.content} />
      {commitment.fulfilment && <InfoRow label="完成情况" value={commitment.fulfilment} />}
      {commitment.fulfilledAt && <InfoRow label="填报时间" value={formatTime(commitment.fulfilledAt)} />}
      {commitment.returnReason && <InfoRow label={commitment.status === 'returned' ? '退回原因' : '上次退回'} value={commitment.returnReason} />}
      {commitment.team && (commitment.status === 'committed' || commitment.status === 'returned') && (
        <View className="commitment-inbox-card__buttons">
          <Button className="commitment-inbox-card__button" type="primary" onClick={onReport}>
            填报完成情况
          </Button>
        </View>
      )}
      {commitment.status === 'fulfilled' && (
        <View className="commitment-inbox-card__buttons">
          <Button className="commitment-inbox-card__button" fill="outline" type="primary" onClick={onReturn}>
            退回
          </Button>
          <Button className="commitment-inbox-card__button" type="primary" onClick={onConfirm}>
            确认完成
          </Button>
        </View>
      )}
    </Card>
  )
}
