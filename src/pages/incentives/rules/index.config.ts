export default definePageConfig({ navigationBarTitleText: '激励规则' })
