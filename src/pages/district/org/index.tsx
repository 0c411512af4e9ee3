import { PageShell } from '@/components/page-shell'

// Placeholder until this page is built.
export default function DistrictOrgPage() {
  return <PageShell title="组织架构" tab="district-org" status="empty" empty={{ title: '建设中', hint: '此页面即将上线' }} />
}
