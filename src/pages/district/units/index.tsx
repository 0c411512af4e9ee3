import { PageShell } from '@/components/page-shell'

// Placeholder until this page is built.
export default function DistrictUnitsPage() {
  return <PageShell title="单位与结对" tab="district-units" status="empty" empty={{ title: '建设中', hint: '此页面即将上线' }} />
}
