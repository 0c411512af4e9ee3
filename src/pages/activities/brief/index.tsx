import { PageShell } from '@/components/page-shell'

/** 活动简讯 (part D): the report, photos and participants of one activity. */
export default function ActivityBriefPage() {
  return <PageShell title="活动简讯" status="ready">{null}</PageShell>
}
