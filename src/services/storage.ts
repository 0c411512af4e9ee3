import Taro from '@tarojs/taro'

/** Device storage (wx storage in WeChat, localStorage in H5); a broken or missing entry reads as undefined. */
export const storage = {
  get<T>(key: string): T | undefined {
    try {
      const value = Taro.getStorageSync(key)
      return value === '' || value === undefined || value === null ? undefined : (value as T)
    } catch {
      return undefined
    }
  },
  set(key: string, value: unknown): void {
    try {
      Taro.setStorageSync(key, value)
    } catch {
      // Storage full or unavailable: the value lives in memory for this run only.
    }
  },
  remove(key: string): void {
    try {
      Taro.removeStorageSync(key)
    } catch {
      // Nothing to remove.
    }
  },
}
