import { PageShell } from '@/components/page-shell'

// Placeholder until this page is built.
export default function SecretaryAccessLogPage() {
  return <PageShell title="信息查看记录" status="empty" empty={{ title: '建设中', hint: '此页面即将上线' }} />
}
