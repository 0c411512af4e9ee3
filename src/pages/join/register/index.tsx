import { PageShell } from '@/components/page-shell'

// Placeholder until this page is built.
export default function JoinRegisterPage() {
  return <PageShell title="党员报到登记" status="empty" empty={{ title: '建设中', hint: '此页面即将上线' }} />
}
