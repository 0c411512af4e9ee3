export default definePageConfig({ navigationBarTitleText: '待提交简讯' })
