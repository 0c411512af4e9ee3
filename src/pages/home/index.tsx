import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import './index.scss'

export default function HomePage() {
  return (
    <View className="home">
      <View className="home__banner">
        <Text className="home__title">党员义工 · 三单制</Text>
        <Text className="home__subtitle">群众点单 · 党组织下单 · 党员接单</Text>
      </View>
      <View className="home__actions">
        <Button type="primary" block onClick={() => Taro.showToast({ title: '欢迎参与志愿服务', icon: 'none' })}>
          开始服务
        </Button>
      </View>
    </View>
  )
}
