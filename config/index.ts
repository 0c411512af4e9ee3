import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

const isH5 = process.env.TARO_ENV === 'h5'
const root = path.resolve(__dirname, '..')
const coreDir = path.join(root, 'cloudfunctions/_core')
// Taro compiles only src/ by default; the shared schemas under @core are TypeScript too.
const compile = { include: [coreDir] }

/** NutUI is drawn on a 375 px design, the app's own styles on 750 px. */
function designWidth(input?: string | number | { file?: string }): number {
  const file = typeof input === 'object' && input?.file ? input.file.replace(/\\+/g, '/') : ''
  return file.includes('@nutui') ? 375 : 750
}

// https://docs.taro.zone/docs/config-detail
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'dangyuan-yigong',
    designWidth,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // The gateway serves dist-h5/ while WeChat DevTools reads dist/: keep them apart.
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    alias: {
      '@': path.join(root, 'src'),
      '@core': coreDir,
    },
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile,
      // Pages import NutUI components in different orders; CSS order between them does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile,
      // NutUI ships ES modules with px in its CSS; compiling it turns those px into rem.
      esnextModules: ['nutui-react-taro'],
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
