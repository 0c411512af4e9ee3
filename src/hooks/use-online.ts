import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'

/**
 * Whether the phone has a network. WeChat reports it through its network API; in a browser
 * Taro's version listens only to navigator.connection, so the page's online/offline events are used.
 */
export function useOnline(): boolean {
  const [online, setOnline] = useState(true)
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') {
      const update = () => setOnline(navigator.onLine)
      update()
      window.addEventListener('online', update)
      window.addEventListener('offline', update)
      return () => {
        window.removeEventListener('online', update)
        window.removeEventListener('offline', update)
      }
    }
    const listener = (status: { isConnected: boolean }) => setOnline(status.isConnected)
    void Taro.getNetworkType()
      .then((answer) => setOnline(answer.networkType !== 'none'))
      .catch(() => undefined)
    Taro.onNetworkStatusChange(listener)
    return () => Taro.offNetworkStatusChange(listener)
  }, [])
  return online
}
