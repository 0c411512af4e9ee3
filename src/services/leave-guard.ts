import Taro from '@tarojs/taro'

// Pages with unsaved input register here; every in-app way out (返回, the tab bar, 首页) asks first.
const dirtyPages = new Set<symbol>()

export function markDirty(page: symbol, dirty: boolean): void {
  if (dirty) dirtyPages.add(page)
  else dirtyPages.delete(page)
}

export const hasUnsavedInput = (): boolean => dirtyPages.size > 0

export const LEAVE_QUESTION = { title: '还没有提交', content: '您填写的内容还没有提交。现在离开，填写的内容会留在本机，下次打开可继续。', confirmText: '离开', cancelText: '继续填写' }

/** True when the user may leave: nothing unsaved, or they said 离开. */
export async function confirmLeave(): Promise<boolean> {
  if (!hasUnsavedInput()) return true
  const answer = await Taro.showModal({ ...LEAVE_QUESTION, confirmColor: '#c8161d' })
  if (answer.confirm) dirtyPages.clear()
  return answer.confirm
}
