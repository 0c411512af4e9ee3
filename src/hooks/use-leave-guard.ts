import { useEffect, useRef } from 'react'
import Taro from '@tarojs/taro'
import { LEAVE_QUESTION, markDirty } from '@/services/leave-guard'

const IS_H5 = process.env.TARO_ENV === 'h5'

/** While `dirty`, leaving the page asks first: the shell's 返回, the tab bar, WeChat's back, closing the browser tab. */
export function useLeaveGuard(dirty: boolean): void {
  const page = useRef(Symbol('page')).current
  useEffect(() => {
    markDirty(page, dirty)
    if (!dirty) return () => markDirty(page, false)
    if (IS_H5) {
      const warn = (event: BeforeUnloadEvent) => {
        event.preventDefault()
        event.returnValue = LEAVE_QUESTION.content
      }
      window.addEventListener('beforeunload', warn)
      return () => {
        window.removeEventListener('beforeunload', warn)
        markDirty(page, false)
      }
    }
    void Taro.enableAlertBeforeUnload({ message: LEAVE_QUESTION.content })
    return () => {
      void Taro.disableAlertBeforeUnload()
      markDirty(page, false)
    }
  }, [dirty, page])
}
