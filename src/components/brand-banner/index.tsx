import { Text, View } from '@tarojs/components'
import './index.scss'

/** The product's name and its three steps, on the pages a user sees before logging in. */
export function BrandBanner() {
  return (
    <View className="dy-brand-banner">
      <Text className="dy-brand-banner__title">党员义工 · 三单制</Text>
      <Text className="dy-brand-banner__subtitle">群众点单 · 党组织下单 · 党员接单</Text>
    </View>
  )
}
