export default definePageConfig({ navigationBarTitleText: '报到情况统计', enablePullDownRefresh: true })
