export default definePageConfig({ navigationBarTitleText: '居民注册' })
