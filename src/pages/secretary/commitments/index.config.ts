export default definePageConfig({ navigationBarTitleText: '承诺确认', enablePullDownRefresh: true })
