import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { authApi, type LoginLock } from '@/services/api/auth'
import { formatClock } from '@/services/beijing-time'
import './index.scss'

/**
 * 登录已锁定: accounts in the caller's care (a secretary's community, a district admin's district) that failed
 * logins have locked, each with 解除登录锁定. Draws nothing when none is locked.
 */
export function LoginLocks({ className = '' }: { className?: string }) {
  const [locks, setLocks] = useState<LoginLock[]>([])
  const [lifting, setLifting] = useState<string | null>(null)

  const load = async () => {
    const result = await authApi.loginLocks()
    if (result.ok) setLocks(result.data)
  }
  useEffect(() => void load(), [])

  const lift = async (lock: LoginLock) => {
    setLifting(lock.userId)
    const result = await authApi.unlockLogin(lock.userId)
    setLifting(null)
    void Taro.showToast({ title: result.ok ? `已解除 ${lock.name} 的登录锁定` : result.error.message, icon: 'none' })
    await load()
  }

  if (locks.length === 0) return null
  return (
    <Card tone="alert" title="登录已锁定" className={`login-locks ${className}`.trim()}>
      <Text className="login-locks__note">以下账号因密码多次输错被暂时锁定。确认是本人在登录后，可提前解除：</Text>
      {locks.map((lock) => (
        <View key={lock.userId} className="login-locks__person">
          <View className="login-locks__who">
            <Text className="login-locks__name">{lock.name}</Text>
            <Text className="login-locks__hint">{`${lock.phoneMasked} · ${formatClock(lock.lockedUntil)} 自动解除`}</Text>
          </View>
          <Button size="small" type="primary" fill="outline" loading={lifting === lock.userId} disabled={lifting !== null} onClick={() => void lift(lock)}>
            解除登录锁定
          </Button>
        </View>
      ))}
    </Card>
  )
}
