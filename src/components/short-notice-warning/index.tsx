import { Text, View } from '@tarojs/components'
import { Checkbox } from '@nutui/nutui-react-taro'
import type { PublishingNotice } from '@/services/api/calendar'
import { shortNoticeText } from '@/services/notice-text'
import './index.scss'

export interface ShortNoticeWarningProps {
  /** What the server counted for the chosen start; nothing is shown while it is null. */
  notice: PublishingNotice | null
  acknowledged: boolean
  onAcknowledge: (acknowledged: boolean) => void
}

/** 预约预告: an activity closer than the district's notice is warned about, and goes ahead only as 临时通知, knowingly. */
export function ShortNoticeWarning({ notice, acknowledged, onAcknowledge }: ShortNoticeWarningProps) {
  if (!notice) return null
  return (
    <>
      {notice.short && (
        <View className="short-notice-warning">
          <Text className="short-notice-warning__text">{shortNoticeText(notice)}</Text>
          <View className="short-notice-warning__ack" onClick={() => onAcknowledge(!acknowledged)}>
            <Checkbox checked={acknowledged} onChange={() => undefined} />
            <Text>临时通知（确需临时安排）</Text>
          </View>
        </View>
      )}
      {notice.uncoveredNote && <Text className="short-notice-warning__text">{notice.uncoveredNote}</Text>}
    </>
  )
}
