export default definePageConfig({ navigationBarTitleText: '社区服务记录卡', enablePullDownRefresh: true })
