import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Category, Clock, Comment, Coupon, Edit, List, Marshalling, Order, QrCode, Scan, Service, Store, User } from '@nutui/icons-react-taro'
import type { Role } from '@/services/api/types'
import { confirmLeave } from '@/services/leave-guard'
import { PROFILE_PAGE, ROUTES } from '@/services/navigation'
import { badgeText, useUnreadCount } from '@/services/unread'
import './index.scss'

export type TabKey = 'post-need' | 'my-needs' | 'member-hall' | 'member-tasks' | 'member-code' | 'member-hours' | 'secretary-needs' | 'secretary-orders' | 'secretary-scan' | 'secretary-members'
  | 'unit-slips' | 'unit-stats' | 'district-org' | 'district-units' | 'district-people' | 'profile'

interface Tab {
  key: TabKey
  text: string
  elderText?: string
  url: string
  icon: typeof User
}

const PROFILE_TAB: Tab = { key: 'profile', text: '我的', url: PROFILE_PAGE, icon: User }

/** Bottom navigation of each role; 我的 is always last and is where a user switches role. */
export const TABS_BY_ROLE: Record<Role, Tab[]> = {
  resident: [
    { key: 'post-need', text: '我要点单', elderText: '我要求助', url: ROUTES.postNeed, icon: Edit },
    { key: 'my-needs', text: '我的需求', elderText: '我的求助', url: ROUTES.myNeeds, icon: List },
    PROFILE_TAB,
  ],
  member: [
    { key: 'member-hall', text: '接单大厅', elderText: '接单', url: ROUTES.memberHome, icon: Order },
    { key: 'member-tasks', text: '我的任务', elderText: '任务', url: ROUTES.memberTasks, icon: List },
    { key: 'member-code', text: '签到码', url: ROUTES.memberCheckinCode, icon: QrCode },
    { key: 'member-hours', text: '我的时长', elderText: '时长', url: ROUTES.memberHours, icon: Clock },
    PROFILE_TAB,
  ],
  secretary: [
    { key: 'secretary-needs', text: '需求池', url: ROUTES.secretaryNeeds, icon: Comment },
    { key: 'secretary-orders', text: '订单', url: ROUTES.secretaryOrders, icon: Order },
    { key: 'secretary-scan', text: '扫码', url: ROUTES.secretaryScanner(), icon: Scan },
    { key: 'secretary-members', text: '党员', url: ROUTES.secretaryMemberRegister, icon: Service },
    PROFILE_TAB,
  ],
  unit_admin: [
    { key: 'unit-slips', text: '报到单', url: ROUTES.unitSlips, icon: Coupon },
    { key: 'unit-stats', text: '统计', url: ROUTES.unitStatistics, icon: Category },
    PROFILE_TAB,
  ],
  district_admin: [
    { key: 'district-org', text: '组织', url: ROUTES.districtOrg, icon: Marshalling },
    { key: 'district-units', text: '单位', url: ROUTES.districtUnits, icon: Store },
    { key: 'district-people', text: '人员', url: ROUTES.districtPeople, icon: Service },
    PROFILE_TAB,
  ],
}

export interface RoleTabBarProps {
  role: Role | null
  current: TabKey
  elder?: boolean
}

/** 我的 carries the unread 消息 count for every role: WeChat's tab bar has room for no sixth tab. */
export function RoleTabBar({ role, current, elder = false }: RoleTabBarProps) {
  const tabs = role ? TABS_BY_ROLE[role] : [PROFILE_TAB]
  const unread = useUnreadCount()
  return (
    <View className="role-tab-bar" role="tablist">
      {tabs.map((tab) => (
        <View
          key={tab.key}
          role="tab"
          aria-selected={tab.key === current}
          className={`role-tab-bar__item${tab.key === current ? ' role-tab-bar__item--active' : ''}`}
          onClick={async () => {
            if (tab.key !== current && (await confirmLeave())) void Taro.redirectTo({ url: tab.url })
          }}
        >
          <View className="role-tab-bar__icon-box">
            <tab.icon className="role-tab-bar__icon" />
            {tab.key === 'profile' && unread > 0 && (
              <Text className="role-tab-bar__badge" aria-label={`${unread}条未读消息`}>
                {badgeText(unread)}
              </Text>
            )}
          </View>
          <Text className="role-tab-bar__text">{elder && tab.elderText ? tab.elderText : tab.text}</Text>
        </View>
      ))}
    </View>
  )
}
