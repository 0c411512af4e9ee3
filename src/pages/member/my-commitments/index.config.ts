export default definePageConfig({ navigationBarTitleText: '我的承诺' })
