// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
const nutuiPackages = '@nutui/nutui-react-taro/dist/es/packages/'

module.exports = {
  presets: [
    ['taro', { framework: 'react', ts: true, compiler: 'webpack5' }],
  ],
  plugins: [
    // Import each NutUI component and its CSS on its own, so unused components stay out of the bundle.
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `${nutuiPackages}${name.toLowerCase()}`,
        customStyleName: (name) => `${nutuiPackages}${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
}
