import { useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { notifyApi } from './api/notify'
import { getSession } from './session'

type Listener = (count: number) => void

let unread = 0
let asking: Promise<number> | null = null
const listeners = new Set<Listener>()

/** Says the new count to every badge on screen (the tab bar's 我的, the 消息 row). */
export function setUnread(count: number): void {
  unread = Math.max(0, count)
  for (const listener of listeners) listener(unread)
}

/**
 * Asks the server once for the unread count; callers on the same page show share the one answer.
 * Without a session, or when the answer fails, the badge keeps what it had.
 */
export function refreshUnread(): Promise<number> {
  if (!getSession()) {
    setUnread(0)
    return Promise.resolve(0)
  }
  if (!asking) {
    asking = notifyApi
      .unreadCount()
      .then((result) => {
        if (result.ok) setUnread(result.data.unread)
        return unread
      })
      .finally(() => {
        asking = null
      })
  }
  return asking
}

/** The unread count, refreshed each time the page holding it is shown. */
export function useUnreadCount(): number {
  const [count, setCount] = useState(unread)
  useEffect(() => {
    setCount(unread)
    listeners.add(setCount)
    return () => void listeners.delete(setCount)
  }, [])
  useDidShow(() => void refreshUnread())
  return count
}

/** 99+ past two digits, as badges do. */
export const badgeText = (count: number) => (count > 99 ? '99+' : String(count))
