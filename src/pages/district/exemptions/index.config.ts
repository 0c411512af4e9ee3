export default definePageConfig({ navigationBarTitleText: '免除考核' })
