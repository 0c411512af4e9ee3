import { PageShell } from '@/components/page-shell'

// Placeholder until this page is built.
export default function UnitStatisticsPage() {
  return <PageShell title="报到情况统计" tab="unit-stats" status="empty" empty={{ title: '建设中', hint: '此页面即将上线' }} />
}
