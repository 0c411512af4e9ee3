import type { Role } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import type { TabKey } from '@/components/role-tab-bar'

/**
 * Who holds the scanner: the community's secretary (every order, offline queue, the 扫码 tab), an
 * order's 现场负责人 (a member: that order, offline queue) or the resident of a home service (that
 * order, online only: a resident's phone keeps no scans).
 */
export interface ScannerRole {
  asSecretary: boolean
  onlineOnly: boolean
  tab?: TabKey
  /** Where 返回 goes without history. */
  home: string
}

export function scannerRoleOf(role: Role | null | undefined): ScannerRole {
  if (role === 'secretary') return { asSecretary: true, onlineOnly: false, tab: 'secretary-scan', home: ROUTES.secretaryOrders }
  if (role === 'resident') return { asSecretary: false, onlineOnly: true, home: ROUTES.myNeeds }
  return { asSecretary: false, onlineOnly: false, home: ROUTES.memberTasks }
}
