import { PageShell } from '@/components/page-shell'

/** 社区时间银行 (issue 15; its part replaces this placeholder). */
export default function CommunityBankPage() {
  return <PageShell title='社区时间银行' status='empty' empty={{ title: '即将开放', hint: '此功能正在建设中' }} />
}
