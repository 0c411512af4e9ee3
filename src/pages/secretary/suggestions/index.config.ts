export default definePageConfig({ navigationBarTitleText: '建议处理', enablePullDownRefresh: true })
