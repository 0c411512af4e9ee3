import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { goHome, goToLogin } from '@/services/navigation'
import { getSession } from '@/services/session'
import './index.scss'

/** The app's first page: sends a logged-in user to their role's home, anyone else to log in. */
export default function HomePage() {
  useEffect(() => {
    const session = getSession()
    void (session ? goHome(session.activeRole) : goToLogin())
  }, [])

  return (
    <View className="home">
      <View className="home__banner">
        <Text className="home__title">党员义工 · 三单制</Text>
        <Text className="home__subtitle">群众点单 · 党组织下单 · 党员接单</Text>
      </View>
      <View className="home__hint">正在打开…</View>
    </View>
  )
}
