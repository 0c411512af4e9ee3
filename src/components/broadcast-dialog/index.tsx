import { useEffect, useRef } from 'react'
import Taro from '@tarojs/taro'
import { TextDialog } from '@/components/text-dialog'
import { newBroadcastId, notifyApi } from '@/services/api/notify'
import type { ApiError } from '@/services/api/types'

export interface BroadcastDialogProps {
  visible: boolean
  /** The order's accepted members, or a team's members. */
  to: { orderId: string } | { teamId: string }
  /** Who will read it, in words: 「已接单的3位党员义工」. */
  audience: string
  onClose: () => void
}

/** 发通知: one text to an order's members or a team; the toast says how many it reached. */
export function BroadcastDialog({ visible, to, audience, onClose }: BroadcastDialogProps) {
  // One id for each opening: sending again after a lost answer reaches nobody twice.
  const requestId = useRef(newBroadcastId())
  useEffect(() => {
    if (visible) requestId.current = newBroadcastId()
  }, [visible])

  const send = async (text: string): Promise<ApiError | null> => {
    const result = await notifyApi.broadcast(to, text, requestId.current)
    if (!result.ok) return result.error
    onClose()
    void Taro.showToast({ title: `已通知 ${result.data.reached} 人`, icon: 'none', duration: 2000 })
    return null
  }

  return (
    <TextDialog
      visible={visible}
      title="发通知"
      hint={`发给${audience}，他们会在「消息」里看到`}
      placeholder="例如：明天上午9点在社区门口集合，请穿红马甲"
      confirmText="发送"
      field="text"
      emptyMessage="请填写通知内容"
      maxLength={200}
      onSubmit={send}
      onClose={onClose}
    />
  )
}
