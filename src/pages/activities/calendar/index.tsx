import { PageShell } from '@/components/page-shell'

/** 活动日历 (part C): the community's published activities this week, next week, this month, with 报名. */
export default function ActivityCalendarPage() {
  return <PageShell title="活动日历" status="ready">{null}</PageShell>
}
