import Taro from '@tarojs/taro'

/** Where the H5 build puts its service worker (config/offline-worker.ts); served from the site root so its scope is the whole app. */
export const SERVICE_WORKER_URL = '/sw.js'

let asked = false

/** A new version has taken over this page: its code in memory is the old one, so offer a reload. */
function offerReload() {
  if (asked) return
  asked = true
  void Taro.showModal({
    title: '已更新到新版本',
    content: '刷新页面后使用新版本。正在填写的内容请先提交。',
    confirmText: '刷新',
    cancelText: '稍后',
  }).then((answer) => {
    if (answer.confirm) window.location.reload()
  })
}

/**
 * Registers the service worker that keeps the app shell, the check-in code and the scanner for use with
 * no network. Only the production H5 build has one; WeChat caches the mini-program by itself.
 */
export function registerOfflineShell(): void {
  if (process.env.TARO_ENV !== 'h5' || process.env.NODE_ENV !== 'production') return
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return
  const container = navigator.serviceWorker
  // The first worker takes control of a page that had none: nothing old is running, so no prompt.
  const hadController = !!container.controller
  container.addEventListener('controllerchange', () => {
    if (hadController) offerReload()
  })
  const register = () => {
    container.register(SERVICE_WORKER_URL, { scope: '/' }).catch((error: unknown) => {
      console.warn('[offline] 离线缓存未能启用', error)
    })
  }
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}
