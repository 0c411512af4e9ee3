import type { MyHours } from '@/services/api/types'

/** Progress to the yearly target, 0–100. A target of 0 counts as reached. */
export const targetPercent = (credited: number, target: number): number =>
  target <= 0 ? 100 : Math.min(100, Math.round((credited / target) * 100))

/** The four quarters in order, missing ones as zero, each with its bar height in percent of the highest. */
export function quarterBars(byQuarter: MyHours['byQuarter']): { quarter: number; label: string; hours: number; services: number; percent: number }[] {
  const quarters = [1, 2, 3, 4].map((quarter) => {
    const found = byQuarter.find((entry) => entry.quarter === quarter)
    return { quarter, label: `第${'一二三四'[quarter - 1]}季度`, hours: found?.hours ?? 0, services: found?.services ?? 0 }
  })
  const highest = Math.max(...quarters.map((entry) => entry.hours))
  return quarters.map((entry) => ({ ...entry, percent: highest > 0 ? Math.round((entry.hours / highest) * 100) : 0 }))
}
