export default definePageConfig({
  navigationBarTitleText: '考核达标',
  enablePullDownRefresh: true,
})
