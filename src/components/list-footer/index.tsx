import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './index.scss'

export interface ListFooterProps {
  shown: number
  total: number
  loading: boolean
  error: string | null
  onMore: () => void
  /** What the list counts: 单 for orders, 项 for needs, 人 for people, 条 for log lines. */
  unit?: '单' | '项' | '人' | '条'
}

/** "加载更多" while more pages are left, else how many were shown. */
export function ListFooter({ shown, total, loading, error, onMore, unit = '单' }: ListFooterProps) {
  return (
    <View className="list-footer">
      {shown < total ? (
        <Button size="large" fill="outline" type="primary" loading={loading} onClick={onMore}>
          {error ? `${error}，点此重试` : `加载更多（还有 ${total - shown} ${unit}）`}
        </Button>
      ) : (
        <Text className="list-footer__end">已显示全部 {total} {unit}</Text>
      )}
    </View>
  )
}
