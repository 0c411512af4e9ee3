export default definePageConfig({
  navigationBarTitleText: '党员服务情况',
  enablePullDownRefresh: true,
})
