export default definePageConfig({ navigationBarTitleText: '全国系统导出' })
