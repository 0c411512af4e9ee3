import type { AssessmentWarning } from '@/services/api/assessment'

/** What a warnings card shows: its tone, its tag, the first warnings (one in 长辈模式) and how many are left out. */
export function warningsSummary(items: AssessmentWarning[], elder: boolean) {
  const urgent = items.some((item) => item.severity === 'urgent')
  const shown = items.slice(0, elder ? 1 : 3)
  return {
    tone: urgent ? ('alert' as const) : ('notice' as const),
    tag: urgent ? '紧急' : `${items.length} 项`,
    shown,
    hidden: items.length - shown.length,
  }
}
