export default definePageConfig({ navigationBarTitleText: '季报表报送情况', enablePullDownRefresh: true })
