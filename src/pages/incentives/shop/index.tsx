import { PageShell } from '@/components/page-shell'

/** 爱心超市 (issue 15; its part replaces this placeholder). */
export default function ShopPage() {
  return <PageShell title='爱心超市' status='empty' empty={{ title: '即将开放', hint: '此功能正在建设中' }} />
}
