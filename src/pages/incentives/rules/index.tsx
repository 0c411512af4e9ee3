import { PageShell } from '@/components/page-shell'

/** 激励规则 (issue 15; its part replaces this placeholder). */
export default function IncentiveRulesPage() {
  return <PageShell title='激励规则' status='empty' empty={{ title: '即将开放', hint: '此功能正在建设中' }} />
}
