export default definePageConfig({
  navigationBarTitleText: '党员义工 · 三单制',
})
