import { PageShell } from '@/components/page-shell'

/** 积分与星级 (issue 15; its part replaces this placeholder). */
export default function PointsPage() {
  return <PageShell title='积分与星级' status='empty' empty={{ title: '即将开放', hint: '此功能正在建设中' }} />
}
