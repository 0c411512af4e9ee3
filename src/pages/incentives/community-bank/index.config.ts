export default definePageConfig({ navigationBarTitleText: '社区时间银行' })
