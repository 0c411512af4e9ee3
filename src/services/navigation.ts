import Taro from '@tarojs/taro'
import type { Role } from './api/types'

export const LOGIN_PAGE = '/pages/auth/login/index'
export const PROFILE_PAGE = '/pages/profile/index'

export const ROUTES = {
  postNeed: '/pages/resident/post-need/index',
  myNeeds: '/pages/resident/my-needs/index',
  needDetail: (id: string) => `/pages/resident/need-detail/index?id=${encodeURIComponent(id)}`,
  memberHome: '/pages/member/order-hall/index',
  memberOrderDetail: (id: string) => `/pages/member/order-detail/index?id=${encodeURIComponent(id)}`,
  memberTasks: '/pages/member/my-tasks/index',
  memberCheckinCode: '/pages/member/checkin-code/index',
  memberHours: '/pages/member/my-hours/index',
  secretaryHome: '/pages/secretary/needs/index',
  secretaryNeeds: '/pages/secretary/needs/index',
  secretaryOrders: '/pages/secretary/orders/index',
  secretaryOrderDetail: (id: string) => `/pages/secretary/order-detail/index?id=${encodeURIComponent(id)}`,
  /** A blank order form, or one prefilled from a need. */
  secretaryCreateOrder: (demandId?: string) =>
    `/pages/secretary/create-order/index${demandId ? `?demandId=${encodeURIComponent(demandId)}` : ''}`,
  /** The scanner for one order; without an order it first asks which. */
  secretaryRecordNeed: '/pages/secretary/record-need/index',
  secretaryScanner: (orderId?: string) => `/pages/secretary/scanner/index${orderId ? `?orderId=${encodeURIComponent(orderId)}` : ''}`,
}

/** The first page of each role. Roles without their own pages yet land on 我的. */
export function homeOf(role: Role | null): string {
  switch (role) {
    case 'resident':
      return ROUTES.myNeeds
    case 'member':
      return ROUTES.memberHome
    case 'secretary':
      return ROUTES.secretaryHome
    default:
      return PROFILE_PAGE
  }
}

export const goToLogin = () => Taro.reLaunch({ url: LOGIN_PAGE })
export const goHome = (role: Role | null) => Taro.reLaunch({ url: homeOf(role) })
