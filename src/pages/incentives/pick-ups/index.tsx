import { PageShell } from '@/components/page-shell'

/** 兑换领取 (issue 15; its part replaces this placeholder). */
export default function PickUpsPage() {
  return <PageShell title='兑换领取' status='empty' empty={{ title: '即将开放', hint: '此功能正在建设中' }} />
}
