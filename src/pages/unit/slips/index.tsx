import { PageShell } from '@/components/page-shell'

// Placeholder until this page is built.
export default function UnitSlipsPage() {
  return <PageShell title="报到单" tab="unit-slips" status="empty" empty={{ title: '建设中', hint: '此页面即将上线' }} />
}
