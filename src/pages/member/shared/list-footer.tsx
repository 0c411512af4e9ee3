import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './list-footer.scss'

export interface ListFooterProps {
  shown: number
  total: number
  loading: boolean
  error: string | null
  onMore: () => void
}

/** "加载更多" while more pages are left, else how many were shown. */
export function ListFooter({ shown, total, loading, error, onMore }: ListFooterProps) {
  return (
    <View className="list-footer">
      {shown < total ? (
        <Button size="large" fill="outline" type="primary" loading={loading} onClick={onMore}>
          {error ? `${error}，点此重试` : `加载更多（还有 ${total - shown} 单）`}
        </Button>
      ) : (
        <Text className="list-footer__end">已显示全部 {total} 单</Text>
      )}
    </View>
  )
}
