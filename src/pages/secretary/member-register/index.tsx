import { PageShell } from '@/components/page-shell'

// Placeholder until this page is built.
export default function SecretaryMemberRegisterPage() {
  return <PageShell title="党员登记表" tab="secretary-members" status="empty" empty={{ title: '建设中', hint: '此页面即将上线' }} />
}
