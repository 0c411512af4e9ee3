export default defineAppConfig({
  pages: ['pages/home/index'],
  window: {
    navigationBarTitleText: '党员义工',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f7f3f0',
    backgroundTextStyle: 'light',
  },
})
