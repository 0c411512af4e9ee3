export default definePageConfig({
  navigationBarTitleText: '时长管理',
})
