import { PageShell } from '@/components/page-shell'

/** 消息设置 (part B): which kinds the user receives. */
export default function MessagePreferencesPage() {
  return <PageShell title="消息设置" status="ready">{null}</PageShell>
}
