export default definePageConfig({
  navigationBarTitleText: '调整时间地点',
})
