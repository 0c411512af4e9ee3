export default defineAppConfig({
  pages: ['pages/home/index', 'pages/auth/login/index', 'pages/auth/change-password/index', 'pages/profile/index'],
  // Each role's pages load only for that role, keeping the main package small.
  subPackages: [
    { root: 'pages/resident', pages: ['post-need/index', 'my-needs/index', 'need-detail/index'] },
    { root: 'pages/member', pages: ['order-hall/index', 'order-detail/index', 'my-tasks/index', 'checkin-code/index', 'my-hours/index', 'my-data/index', 'record-detail/index', 'dispute/index', 'suggest/index', 'my-suggestions/index', 'my-commitments/index', 'my-trainings/index', 'certificates/index'] },
    {
      root: 'pages/secretary',
      pages: [
        'needs/index', 'create-order/index', 'orders/index', 'order-detail/index', 'change-order/index', 'scanner/index', 'record-need/index',
        'registrations/index', 'member-register/index', 'access-log/index',
        'hours/index', 'hours-queue/index', 'hours-order/index', 'hours-record/index',
        'suggestions/index', 'commitments/index', 'teams/index', 'team/index', 'trainings/index', 'awards/index', 'certificates/index',
      ],
    },
    // 报到, 居民注册 and 忘记密码: reachable before the person has an account, a role or their password.
    { root: 'pages/join', pages: ['register/index', 'status/index', 'sign-up/index', 'forgot-password/index'] },
    // 证明核验: anyone holding a 志愿服务证明 opens it from the QR code, without an account.
    { root: 'pages/verify', pages: ['certificate/index'] },
    { root: 'pages/unit', pages: ['slips/index', 'statistics/index'] },
    { root: 'pages/district', pages: ['org/index', 'units/index', 'people/index', 'rule-sets/index', 'exemptions/index', 'national-export/index', 'notify-settings/index'] },
    // The chart library is bundled once, here, for every page that draws a chart.
    { root: 'pages/assessment', pages: ['my-standing/index', 'district-rates/index', 'compliance/index', 'unit-standing/index'] },
    // 季报表 of a community or unit, and the district's list of who has submitted it; a member's 社区服务记录卡.
    { root: 'pages/reports', pages: ['quarterly/index', 'quarterly-status/index', 'record-card/index'] },
    // 积分、星级、爱心时间银行、爱心超市 for every role: the member's, the secretary's and the district's pages of one ledger.
    {
      root: 'pages/incentives',
      pages: ['points/index', 'time-bank/index', 'shop/index', 'shop-manage/index', 'pick-ups/index', 'community-bank/index', 'rules/index'],
    },
    // 消息 for every role: the inbox and which kinds to receive.
    { root: 'pages/inbox', pages: ['messages/index', 'preferences/index'] },
    // 活动日历 (members and residents of a community) and an activity's 简讯 with its photos.
    { root: 'pages/activities', pages: ['calendar/index', 'brief/index', 'briefs-due/index'] },
  ],
  window: {
    navigationBarTitleText: '党员义工',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f7f3f0',
    backgroundTextStyle: 'light',
  },
})
