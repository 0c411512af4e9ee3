export default definePageConfig({
  navigationBarTitleText: '需求池',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
})
