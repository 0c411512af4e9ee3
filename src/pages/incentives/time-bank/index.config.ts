export default definePageConfig({ navigationBarTitleText: '爱心时间银行' })
