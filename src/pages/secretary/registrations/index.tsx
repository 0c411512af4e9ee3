import { PageShell } from '@/components/page-shell'

// Placeholder until this page is built.
export default function SecretaryRegistrationsPage() {
  return <PageShell title="待确认报到" status="empty" empty={{ title: '建设中', hint: '此页面即将上线' }} />
}
