export default definePageConfig({ navigationBarTitleText: '书记与管理员' })
