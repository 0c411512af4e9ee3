export default definePageConfig({ navigationBarTitleText: '单位与结对' })
