import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Role } from '@/services/api/types'
import { PROFILE_PAGE, ROUTES } from '@/services/navigation'
import './index.scss'

export type TabKey = 'post-need' | 'my-needs' | 'member-hall' | 'member-tasks' | 'member-code' | 'member-hours' | 'secretary-needs' | 'secretary-orders' | 'secretary-scan' | 'secretary-members'
  | 'unit-slips' | 'unit-stats' | 'district-org' | 'district-units' | 'district-people' | 'profile'

interface Tab {
  key: TabKey
  text: string
  elderText?: string
  url: string
}

const PROFILE_TAB: Tab = { key: 'profile', text: '我的', url: PROFILE_PAGE }

/** Bottom navigation of each role; 我的 is always last and is where a user switches role. */
export const TABS_BY_ROLE: Record<Role, Tab[]> = {
  resident: [
    { key: 'post-need', text: '我要点单', elderText: '我要求助', url: ROUTES.postNeed },
    { key: 'my-needs', text: '我的需求', elderText: '我的求助', url: ROUTES.myNeeds },
    PROFILE_TAB,
  ],
  member: [
    { key: 'member-hall', text: '接单大厅', elderText: '接单', url: ROUTES.memberHome },
    { key: 'member-tasks', text: '我的任务', elderText: '任务', url: ROUTES.memberTasks },
    { key: 'member-code', text: '签到码', url: ROUTES.memberCheckinCode },
    { key: 'member-hours', text: '我的时长', elderText: '时长', url: ROUTES.memberHours },
    PROFILE_TAB,
  ],
  secretary: [
    { key: 'secretary-needs', text: '需求池', url: ROUTES.secretaryNeeds },
    { key: 'secretary-orders', text: '订单', url: ROUTES.secretaryOrders },
    { key: 'secretary-scan', text: '扫码', url: ROUTES.secretaryScanner() },
    { key: 'secretary-members', text: '党员', url: ROUTES.secretaryMemberRegister },
    PROFILE_TAB,
  ],
  unit_admin: [
    { key: 'unit-slips', text: '报到单', url: ROUTES.unitSlips },
    { key: 'unit-stats', text: '统计', url: ROUTES.unitStatistics },
    PROFILE_TAB,
  ],
  district_admin: [
    { key: 'district-org', text: '组织', url: ROUTES.districtOrg },
    { key: 'district-units', text: '单位', url: ROUTES.districtUnits },
    { key: 'district-people', text: '人员', url: ROUTES.districtPeople },
    PROFILE_TAB,
  ],
}

export interface RoleTabBarProps {
  role: Role | null
  current: TabKey
  elder?: boolean
}

export function RoleTabBar({ role, current, elder = false }: RoleTabBarProps) {
  const tabs = role ? TABS_BY_ROLE[role] : [PROFILE_TAB]
  return (
    <View className="role-tab-bar" role="tablist">
      {tabs.map((tab) => (
        <View
          key={tab.key}
          role="tab"
          aria-selected={tab.key === current}
          className={`role-tab-bar__item${tab.key === current ? ' role-tab-bar__item--active' : ''}`}
          onClick={() => {
            if (tab.key !== current) Taro.redirectTo({ url: tab.url })
          }}
        >
          <View className="role-tab-bar__dot" />
          {elder && tab.elderText ? tab.elderText : tab.text}
        </View>
      ))}
    </View>
  )
}
