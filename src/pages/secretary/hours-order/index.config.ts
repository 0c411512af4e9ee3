export default definePageConfig({
  navigationBarTitleText: '订单时长',
})
