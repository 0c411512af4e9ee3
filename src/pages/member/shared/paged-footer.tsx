import { ListFooter, type ListFooterProps } from '@/components/list-footer'
import type { usePagedList } from '@/hooks/use-paged-list'

type PagedList = Pick<ReturnType<typeof usePagedList>, 'items' | 'total' | 'loadingMore' | 'moreError' | 'loadMore'>

/** The foot of one of the member's paged lists: 加载更多 while pages are left, else how many were shown. */
export function PagedFooter({ list, unit }: { list: PagedList; unit?: ListFooterProps['unit'] }) {
  return (
    <ListFooter
      shown={list.items.length}
      total={list.total}
      loading={list.loadingMore}
      error={list.moreError}
      onMore={() => void list.loadMore()}
      unit={unit}
    />
  )
}
