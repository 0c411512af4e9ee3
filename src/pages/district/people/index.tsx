import { PageShell } from '@/components/page-shell'

// Placeholder until this page is built.
export default function DistrictPeoplePage() {
  return <PageShell title="书记与管理员" tab="district-people" status="empty" empty={{ title: '建设中', hint: '此页面即将上线' }} />
}
