import { Text, View } from '@tarojs/components'
import './index.scss'

/** Above a form whose half-written content was kept on the phone: says so, with a tap (清空重写) to start again. */
export function DraftNotice({ text, clearText, onClear }: { text: string; clearText: string; onClear: () => void }) {
  return (
    <View className="dy-draft-notice">
      <Text>{text}</Text>
      <Text className="dy-draft-notice__clear" onClick={onClear}>
        {clearText}
      </Text>
    </View>
  )
}
