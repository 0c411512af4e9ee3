import { Text, View } from '@tarojs/components'
import { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Card } from '@/components/card'
import { InfoRow } from '@/components/info-row'
import { ListFooter } from '@/components/list-footer'
import { PageShell } from '@/components/page-shell'
import { shellStatusOf, usePagedList } from '@/hooks/use-paged-list'
import { privacyApi, type AccessLogItem } from '@/services/api/privacy'
import { PROFILE_PAGE } from '@/services/navigation'
import { formatTime } from '@/services/beijing-time'
import './index.scss'

const PAGE_SIZE = 20

/** 信息查看记录 (004 §二.3.(1)): every full phone, address or ID number read in the community, newest first. */
export default function SecretaryAccessLogPage() {
  const list = usePagedList<AccessLogItem>(PAGE_SIZE)
  const { items, total, loadingMore, moreError } = list
  const load = (quiet = false) => list.reload((page) => privacyApi.accessLog(page), quiet)

  useDidShow(() => void load(list.loaded))
  usePullDownRefresh(() => void load(true))
  useReachBottom(() => void list.loadMore())

  return (
    <PageShell title="信息查看记录" backTo={PROFILE_PAGE}>
      <Text className="access-log__intro">
        查看居民、党员的完整电话、住址或身份证号码都会留下记录，本人可在「我的资料与隐私」中看到。{list.status === 'ready' && total > 0 ? `共 ${total} 条。` : ''}
      </Text>
      <PageShell
        requireLogin={false}
        status={shellStatusOf(list.status, items.length)}
        error={list.error}
        onRetry={() => void load()}
        empty={{ title: '还没有查看记录', hint: '在需求池或订单里点「查看」完整电话、住址后，会记录在这里' }}
      >
        <View className="access-log">
          {items.map((entry) => (
            <Card
              key={entry.id}
              className="access-log__item"
              title={`${entry.viewerName} 查看了 ${entry.subjectName} 的${entry.fieldLabel}`}
            >
              <InfoRow label="时间" value={formatTime(entry.at)} />
              <InfoRow label="原因" value={entry.purpose} />
              <InfoRow label="对方电话" value={entry.subjectPhoneMasked} />
            </Card>
          ))}
          <ListFooter shown={items.length} total={total} loading={loadingMore} error={moreError} onMore={() => void list.loadMore()} unit="条" />
        </View>
      </PageShell>
    </PageShell>
  )
}
