export default definePageConfig({
  navigationBarTitleText: '党员登记表',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
})
