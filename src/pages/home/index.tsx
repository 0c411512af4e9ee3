import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { goHome, goToLogin } from '@/services/navigation'
import { getSession } from '@/services/session'
import { BrandBanner } from '@/components/brand-banner'
import './index.scss'

/** The app's first page: sends a logged-in user to their role's home, anyone else to log in. */
export default function HomePage() {
  useEffect(() => {
    const session = getSession()
    void (session ? goHome(session.activeRole) : goToLogin())
  }, [])

  return (
    <View className="home">
      <BrandBanner />
      <View className="home__hint">正在打开…</View>
    </View>
  )
}
