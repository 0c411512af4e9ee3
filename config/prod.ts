import type { UserConfigExport } from '@tarojs/cli'
import { GenerateSW } from 'workbox-webpack-plugin'
import { offlineWorkerOptions } from './offline-worker'
import { PrecompressAssets } from './precompress-assets'

export default {
  mini: {},
  h5: {
    // Only the production H5 build gets a service worker: a development one would cache what is being edited.
    webpackChain(chain) {
      chain.plugin('offlineWorker').use(GenerateSW, [offlineWorkerOptions()])
      chain.plugin('precompressAssets').use(PrecompressAssets)
    },
  },
} satisfies UserConfigExport<'webpack5'>
