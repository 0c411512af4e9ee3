import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { InfoRow } from '@/components/info-row'
import { ListFooter } from '@/components/list-footer'
import { PageShell } from '@/components/page-shell'
import { PrivateValue } from '@/components/private-value'
import { SearchBox, useSearchQuery } from '@/components/search-box'
import { shellStatusOf, usePagedList } from '@/hooks/use-paged-list'
import { demandsApi } from '@/services/api/demands'
import type { ApiError, Demand, DemandStatus } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { ReasonDialog } from '../shared/reason-dialog'
import { DEMAND_STATUS_WORDS } from '@/services/status-words'
import { CHANNEL_TEXT } from '../shared/display'
import { StatusWordTag } from '../shared/status-word-tag'
import { StatusTabs } from '../shared/status-tabs'
import { formatSpan, formatTime } from '@/services/beijing-time'
import './index.scss'

const PAGE_SIZE = 10
const TABS: { key: DemandStatus; text: string }[] = [
  { key: 'submitted', text: DEMAND_STATUS_WORDS.submitted.text },
  { key: 'accepted', text: DEMAND_STATUS_WORDS.accepted.text },
  { key: 'rejected', text: DEMAND_STATUS_WORDS.rejected.text },
  { key: 'withdrawn', text: DEMAND_STATUS_WORDS.withdrawn.text },
]

function windowText(need: Demand): string {
  if (!need.wantedFrom && !need.wantedUntil) return '时间不限'
  if (need.wantedFrom && need.wantedUntil) return formatSpan(need.wantedFrom, need.wantedUntil)
  return need.wantedFrom ? `${formatTime(need.wantedFrom)} 以后` : `${formatTime(need.wantedUntil)} 以前`
}

/** 需求信息库: the community's needs by state; the waiting ones are turned into orders or turned down. */
export default function NeedsPoolPage() {
  const [tab, setTab] = useState<DemandStatus>('submitted')
  const [rejecting, setRejecting] = useState<Demand | null>(null)
  const list = usePagedList<Demand>(PAGE_SIZE)
  const { items, total, loadingMore, moreError } = list
  const tabRef = useRef(tab)
  const search = useSearchQuery()
  const queryRef = useRef(search.query)

  const loadFirstPage = (which: DemandStatus, quiet = false) =>
    list.reload((page) => demandsApi.listForCommunity(page, which, queryRef.current), quiet)
  const loadMore = () => void list.loadMore()

  const switchTab = (next: DemandStatus) => {
    tabRef.current = next
    setTab(next)
    void loadFirstPage(next)
  }

  // New search words reload the tab from its first page; the first load comes from useDidShow.
  useEffect(() => {
    if (queryRef.current === search.query) return
    queryRef.current = search.query
    void loadFirstPage(tabRef.current)
    // loadFirstPage reads the tab and the words from refs: only a change of words reloads here.
  }, [search.query])

  // Back from 下单 the need has moved to 已下单.
  useDidShow(() => void loadFirstPage(tabRef.current, list.loaded))
  usePullDownRefresh(() => void loadFirstPage(tabRef.current, true))
  useReachBottom(loadMore)

  const reject = async (reason: string): Promise<ApiError | null> => {
    if (!rejecting) return null
    const result = await demandsApi.reject(rejecting.id, reason)
    if (!result.ok) return result.error
    setRejecting(null)
    list.removeItem(result.data.id)
    void Taro.showToast({ title: '已驳回，居民可看到原因', icon: 'none' })
    return null
  }

  const emptyTitle: Record<DemandStatus, string> = {
    submitted: '没有待受理的需求',
    accepted: '还没有转为订单的需求',
    rejected: '没有未受理的需求',
    withdrawn: '没有居民撤回的需求',
  }

  return (
    <PageShell title="需求池" tab="secretary-needs" elderToggle>
      <StatusTabs tabs={TABS} current={tab} onChange={switchTab} />
      <View className="needs-pool__actions status-tabs-actions">
        <Button size="small" fill="outline" type="primary" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryRecordNeed })}>
          代居民登记
        </Button>
        <Button
          size="small"
          fill="outline"
          type="primary"
          onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryCreateOrder() })}
        >
          发布组织活动
        </Button>
      </View>
      <View className="status-tabs-body">
      <View className="needs-pool__search">
        <SearchBox
          label="搜索需求"
          value={search.typed}
          onChange={search.setTyped}
          onSearch={search.searchNow}
          placeholder="搜索居民姓名、地址或需求内容"
        />
      </View>
      <PageShell
        requireLogin={false}
        status={shellStatusOf(list.status, items.length)}
        error={list.error}
        onRetry={() => void loadFirstPage(tab)}
        empty={
          search.query
            ? { title: `没有找到含「${search.query}」的需求`, hint: '换个词试试，或看看别的分类', actionText: '清除搜索', onAction: search.clear }
            : { title: emptyTitle[tab], hint: tab === 'submitted' ? '居民点单或社区代登记的需求会出现在这里' : '换个分类看看' }
        }
      >
        <View className="needs-pool status-tabs-list">
          <Text className="needs-pool__count status-tabs-count">{search.query ? `找到 ${total} 项` : `共 ${total} 项`}</Text>
          {items.map((need) => (
            <NeedCard key={need.id} need={need} onReject={() => setRejecting(need)} />
          ))}
          <ListFooter shown={items.length} total={total} loading={loadingMore} error={moreError} onMore={() => void loadMore()} unit="项" />
        </View>
      </PageShell>
      </View>
      <ReasonDialog
        visible={rejecting !== null}
        title="驳回需求"
        hint={`驳回「${rejecting?.category ?? ''}」需求，原因会显示给居民${rejecting ? ` ${rejecting.requesterName}` : ''}。`}
        placeholder="例如：属于物业维修范围，已转交物业公司处理"
        confirmText="驳回"
        onSubmit={reject}
        onClose={() => setRejecting(null)}
      />
    </PageShell>
  )
}

function NeedCard({ need, onReject }: { need: Demand; onReject: () => void }) {
  const title = `${need.kindName ?? need.category}${need.subItem && !need.kindName ? ` · ${need.subItem}` : ''}`
  return (
    <Card className="pool-card" title={title} extra={<StatusWordTag word={DEMAND_STATUS_WORDS[need.status]} />}>
      {need.kindName && <Text className="pool-card__official">{need.category}{need.subItem ? ` · ${need.subItem}` : ''}</Text>}
      <Text className="pool-card__description">{need.description}</Text>
      <InfoRow label="居民">
        <View className="pool-card__value">
          {need.requesterName} · <PrivateValue masked={need.contactPhone} subject={{ demandId: need.id }} field="phone" />
        </View>
      </InfoRow>
      <InfoRow label="地址">
        <View className="pool-card__value">
          <PrivateValue masked={need.address} subject={{ demandId: need.id }} field="address" />
        </View>
      </InfoRow>
      <InfoRow label="期望时间" value={windowText(need)} />
      <InfoRow label="来源" value={`${CHANNEL_TEXT[need.channel] ?? need.channel} · ${formatTime(need.createdAt)}`} />
      {need.status === 'rejected' && need.rejectReason && <View className="pool-card__reject">驳回原因：{need.rejectReason}</View>}
      {need.order && (
        <View className="pool-card__order" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryOrderDetail(need.order!.id) })}>
          订单：{need.order.title}（{formatTime(need.order.startsAt)}）›
        </View>
      )}
      {need.status === 'submitted' && (
        <View className="pool-card__buttons">
          <Button className="pool-card__button" fill="outline" type="primary" onClick={onReject}>
            驳回
          </Button>
          <Button
            className="pool-card__button"
            type="primary"
            onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryCreateOrder(need.id) })}
          >
            转为订单
          </Button>
        </View>
      )}
    </Card>
  )
}
