export default definePageConfig({
  navigationBarTitleText: '接单大厅',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
})
