export default definePageConfig({ navigationBarTitleText: '季报表', enablePullDownRefresh: true })
