import { PageShell } from '@/components/page-shell'

// Placeholder until this page is built.
export default function MemberMyDataPage() {
  return <PageShell title="我的资料与隐私" status="empty" empty={{ title: '建设中', hint: '此页面即将上线' }} />
}
