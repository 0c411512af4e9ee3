export default definePageConfig({
  navigationBarTitleText: '我的时长',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
})
