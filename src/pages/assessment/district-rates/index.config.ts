export default definePageConfig({
  navigationBarTitleText: '考核与达标率',
  enablePullDownRefresh: true,
})
