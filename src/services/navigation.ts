import Taro from '@tarojs/taro'
import type { Role } from './api/types'

export const LOGIN_PAGE = '/pages/auth/login/index'
export const PROFILE_PAGE = '/pages/profile/index'
/** 修改密码; also where an account still on its initial password is kept until it has chosen its own. */
export const CHANGE_PASSWORD_PAGE = '/pages/auth/change-password/index'

export const ROUTES = {
  postNeed: '/pages/resident/post-need/index',
  myNeeds: '/pages/resident/my-needs/index',
  needDetail: (id: string) => `/pages/resident/need-detail/index?id=${encodeURIComponent(id)}`,
  memberHome: '/pages/member/order-hall/index',
  memberOrderDetail: (id: string) => `/pages/member/order-detail/index?id=${encodeURIComponent(id)}`,
  memberTasks: '/pages/member/my-tasks/index',
  memberCheckinCode: '/pages/member/checkin-code/index',
  memberHours: '/pages/member/my-hours/index',
  /** One service record: hours, verifier, evaluations, changes and disputes. */
  memberRecordDetail: (recordId: string) => `/pages/member/record-detail/index?id=${encodeURIComponent(recordId)}`,
  /** 申诉 on one served order (with or without a record), and the member's disputes on it. */
  memberDispute: (orderId: string) => `/pages/member/dispute/index?orderId=${encodeURIComponent(orderId)}`,
  secretaryHome: '/pages/secretary/needs/index',
  secretaryNeeds: '/pages/secretary/needs/index',
  secretaryOrders: '/pages/secretary/orders/index',
  secretaryOrderDetail: (id: string) => `/pages/secretary/order-detail/index?id=${encodeURIComponent(id)}`,
  secretaryChangeOrder: (id: string) => `/pages/secretary/change-order/index?id=${encodeURIComponent(id)}`,
  /** A blank order form, or one prefilled from a need. */
  secretaryCreateOrder: (demandId?: string) =>
    `/pages/secretary/create-order/index${demandId ? `?demandId=${encodeURIComponent(demandId)}` : ''}`,
  /** The scanner for one order; without an order it first asks which. */
  secretaryRecordNeed: '/pages/secretary/record-need/index',
  secretaryScanner: (orderId?: string) => `/pages/secretary/scanner/index${orderId ? `?orderId=${encodeURIComponent(orderId)}` : ''}`,
  secretaryRegistrations: '/pages/secretary/registrations/index',
  secretaryMemberRegister: '/pages/secretary/member-register/index',
  secretaryAccessLog: '/pages/secretary/access-log/index',
  /** 建议处理 and 承诺确认: what members suggested and the 好事 / 实事 reported done, waiting for the secretary. */
  secretarySuggestions: '/pages/secretary/suggestions/index',
  secretaryCommitments: '/pages/secretary/commitments/index',
  /** 服务队: the community's teams, one team (members, captain, 集中性活动), and an activity form with the team chosen. */
  secretaryTeams: '/pages/secretary/teams/index',
  secretaryTeam: (id: string) => `/pages/secretary/team/index?id=${encodeURIComponent(id)}`,
  secretaryTeamActivity: (teamId: string) => `/pages/secretary/create-order/index?focusedTeamId=${encodeURIComponent(teamId)}`,
  /** 提建议, 我的建议 (with the community's answers) and 我的承诺 (好事 for a 帮扶对象). */
  memberSuggest: '/pages/member/suggest/index',
  memberSuggestions: '/pages/member/my-suggestions/index',
  memberCommitments: '/pages/member/my-commitments/index',
  /** 时长管理: the queues waiting for the secretary, each with its count. */
  secretaryHours: '/pages/secretary/hours/index',
  /** One queue of 时长管理 (pending, missing, disputes, resident, refused). */
  secretaryHoursQueue: (queue: string) => `/pages/secretary/hours-queue/index?queue=${encodeURIComponent(queue)}`,
  /** Every member's times and hours on one order, with corrections and hand entries. */
  secretaryOrderHours: (orderId: string) => `/pages/secretary/hours-order/index?id=${encodeURIComponent(orderId)}`,
  /** One record's changes: who, when, before → after, why. */
  secretaryRecordHistory: (recordId: string) => `/pages/secretary/hours-record/index?id=${encodeURIComponent(recordId)}`,
  /** The registration form; a 报到单 code fills in the unit and community. */
  joinRegister: (slipCode?: string) => `/pages/join/register/index${slipCode ? `?slip=${encodeURIComponent(slipCode)}` : ''}`,
  joinStatus: '/pages/join/status/index',
  joinSignUp: '/pages/join/sign-up/index',
  /** 忘记密码, with the phone the login form had, if any. */
  joinForgotPassword: (phone?: string) => `/pages/join/forgot-password/index${phone ? `?phone=${encodeURIComponent(phone)}` : ''}`,
  memberMyData: '/pages/member/my-data/index',
  /** 志愿服务证明: ask for one (a period or chosen records), see each community's answer, download the PDF. */
  /** 积分与星级: the member's points with their lines, and stars with the date each was reached. */
  memberPoints: '/pages/incentives/points/index',
  /** 爱心时间银行: the passbook (存折), spending on a need, gifts to family; residents holding gifted hours use it too. */
  timeBank: '/pages/incentives/time-bank/index',
  /** 爱心超市: the member's goods to redeem and their redemptions with pick-up codes. */
  memberShop: '/pages/incentives/shop/index',
  /** The secretary's 爱心超市: goods listed, restocked, withdrawn. */
  secretaryShop: '/pages/incentives/shop-manage/index',
  /** The secretary's pick-ups: hand goods over by scanning or typing the code. */
  secretaryPickUps: '/pages/incentives/pick-ups/index',
  /** The community's bank of donated hours, with its passbook. */
  secretaryCommunityBank: '/pages/incentives/community-bank/index',
  /** The district's rules for points, stars, the time bank and the shop. */
  districtIncentiveRules: '/pages/incentives/rules/index',
  /** 消息: the user's inbox, and the kinds they receive. */
  inbox: '/pages/inbox/messages/index',
  inboxPreferences: '/pages/inbox/preferences/index',
  /** 活动日历: the community's published activities, with 报名 for members. */
  activityCalendar: '/pages/activities/calendar/index',
  /** 活动简讯 of one order: read it, or (secretary, leader) write it and add photos. */
  activityBrief: (orderId: string) => `/pages/activities/brief/index?orderId=${encodeURIComponent(orderId)}`,
  /** 待提交简讯: the secretary's finished activities still without one. */
  briefsDue: '/pages/activities/briefs-due/index',
  memberCertificates: '/pages/member/certificates/index',
  /** 证明审核: the community's waiting requests to issue or return, and those issued, to revoke or reissue. */
  secretaryCertificates: '/pages/secretary/certificates/index',
  /** 证明核验: open to anyone without a login, from the QR code on the paper. */
  verifyCertificate: (number?: string, code?: string) =>
    `/pages/verify/certificate/index${number && code ? `?no=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}` : ''}`,
  /** 我的考核: the member's rules met or not, what is left by when, and hours by month. */
  memberStanding: '/pages/assessment/my-standing/index',
  /** One member's 考核, opened by her secretary, unit admin or district admin. */
  memberStandingOf: (memberId: string) => `/pages/assessment/my-standing/index?memberId=${encodeURIComponent(memberId)}`,
  /** 社区服务（活动）记录卡: the member's own, or one member's opened by her secretary, unit admin or district admin. */
  recordCard: (memberId?: string) => `/pages/reports/record-card/index${memberId ? `?memberId=${encodeURIComponent(memberId)}` : ''}`,
  unitSlips: '/pages/unit/slips/index',
  unitStatistics: '/pages/unit/statistics/index',
  districtOrg: '/pages/district/org/index',
  districtUnits: '/pages/district/units/index',
  districtPeople: '/pages/district/people/index',
  /** 考核规则: the year's rule set, its thresholds and versions; 免除考核: exemptions approved by the upper committee. */
  districtRuleSets: '/pages/district/rule-sets/index',
  districtExemptions: '/pages/district/exemptions/index',
  /** 培训情况、表彰奖励情况 of the volunteer record: the member's own, the secretary's 培训记录 and 表彰奖励, the district's 全国系统导出. */
  memberTrainings: '/pages/member/my-trainings/index',
  secretaryTrainings: '/pages/secretary/trainings/index',
  secretaryAwards: '/pages/secretary/awards/index',
  districtNationalExport: '/pages/district/national-export/index',
  /** 消息提醒设置: the district's 预约预告 notice, 简讯 deadline and reminder times. */
  districtNotifySettings: '/pages/district/notify-settings/index',
  /** 考核与达标率: the district's organisation rates and members' compliance by community. */
  districtRates: '/pages/assessment/district-rates/index',
  /** 季报表 (001 附件4): the secretary's community or the unit admin's unit; one of the district's, opened by its admin. */
  quarterlyReport: '/pages/reports/quarterly/index',
  quarterlyReportOf: (kind: 'community' | 'unit', id: string, year: number, quarter: number) =>
    `/pages/reports/quarterly/index?${kind === 'community' ? 'communityId' : 'unitId'}=${encodeURIComponent(id)}&year=${year}&quarter=${quarter}`,
  /** 季报表报送情况: who of the district has submitted the quarter's report (district admin). */
  quarterlyReportStatus: '/pages/reports/quarterly-status/index',
  /** 考核达标: the community's members' standing, the numbers at the top and a chart (secretary). */
  compliance: '/pages/assessment/compliance/index',
  /** The same list for one community of a district admin's district. */
  complianceOf: (communityId: string) => `/pages/assessment/compliance/index?communityId=${encodeURIComponent(communityId)}`,
  /** 党员服务情况: the unit's in-service members in the communities they serve (unit admin). */
  unitStanding: '/pages/assessment/unit-standing/index',
}

/** The first page of each role; without a role (a new account whose 报到 is pending) it is 我的. */
export function homeOf(role: Role | null): string {
  switch (role) {
    case 'resident':
      return ROUTES.myNeeds
    case 'member':
      return ROUTES.memberHome
    case 'secretary':
      return ROUTES.secretaryHome
    case 'unit_admin':
      return ROUTES.unitSlips
    case 'district_admin':
      return ROUTES.districtOrg
    default:
      return PROFILE_PAGE
  }
}

export const goToLogin = () => Taro.reLaunch({ url: LOGIN_PAGE })
export const goHome = (role: Role | null) => Taro.reLaunch({ url: homeOf(role) })
