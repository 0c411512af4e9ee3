import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import { CODE_STEP_SECONDS } from '@core/checkin/checkin-code'
import { CheckinQr } from '@/components/checkin-qr'
import { PageShell, type PageStatus } from '@/components/page-shell'
import { useElderMode } from '@/hooks/use-elder-mode'
import { useSession } from '@/hooks/use-session'
import type { ApiError } from '@/services/api/types'
import { checkinCodeAt, ensureDevice, renewDevice, storedDevice, type CheckinDevice } from '@/services/checkin-device'
import { useOnline } from '@/hooks/use-online'
import './index.scss'

const FIRST_USE_OFFLINE: ApiError = {
  code: 'NETWORK',
  message: '第一次打开签到码需要联网领取，请连上网络后重试',
}

/** Keeps the screen on while the code is shown (WeChat only; a browser has no such switch). */
function keepScreenOn(on: boolean) {
  if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: on }).catch(() => undefined)
}

/**
 * 我的签到码: a code that changes every 30 seconds, computed on this phone from a secret issued
 * once, so it shows with no network; the verifier scans it to check the member in or out.
 */
export default function CheckinCodePage() {
  const session = useSession()
  const userId = session?.profile.userId ?? ''
  const [device, setDevice] = useState<CheckinDevice | null>(() => (userId ? storedDevice(userId) : null))
  const [status, setStatus] = useState<PageStatus>(device ? 'ready' : 'loading')
  const [error, setError] = useState<ApiError | null>(null)
  const [now, setNow] = useState(() => new Date())
  const [visible, setVisible] = useState(true)
  const [renewing, setRenewing] = useState(false)
  const online = useOnline()
  const [elder] = useElderMode()

  const provision = useCallback(async () => {
    if (!userId) return
    const stored = storedDevice(userId)
    if (stored) {
      setDevice(stored)
      setStatus('ready')
      return
    }
    setStatus('loading')
    const result = await ensureDevice(userId)
    if (!result.ok) {
      setError(result.error.code === 'NETWORK' ? FIRST_USE_OFFLINE : result.error)
      setStatus('error')
      return
    }
    setDevice(result.data)
    setStatus('ready')
  }, [userId])

  useEffect(() => {
    void provision()
  }, [provision])

  // One tick a second while the page is on screen: the countdown and, at the step boundary, a new code.
  useEffect(() => {
    if (!visible) return undefined
    setNow(new Date())
    const timer = setInterval(() => setNow(new Date()), 1000)
    return () => clearInterval(timer)
  }, [visible])

  useDidShow(() => {
    setVisible(true)
    keepScreenOn(true)
  })
  useDidHide(() => {
    setVisible(false)
    keepScreenOn(false)
  })

  const renew = async () => {
    const result = await renewDevice(userId)
    if (!result.ok) {
      void Taro.showToast({ title: result.error.message, icon: 'none', duration: 3000 })
      throw new Error(result.error.code)
    }
    setDevice(result.data)
    void Taro.showToast({ title: '已领取新的签到码', icon: 'success' })
  }

  const current = device ? checkinCodeAt(device, now) : null

  return (
    <PageShell title="我的签到码" tab="member-code" elderToggle status={status} error={error} onRetry={() => void provision()}>
      {device && current && (
        <View className="checkin-code">
          {!online && <View className="checkin-code__offline">当前没有网络，签到码照常可用，可以直接出示扫码</View>}
          <View className="checkin-code__card">
            <Text className="checkin-code__name">{device.memberName}</Text>
            <Text className="checkin-code__number">志愿者编号 {device.volunteerNo}</Text>
            <View className="checkin-code__qr">
              <CheckinQr text={current.code} size={264} />
            </View>
            <View className="checkin-code__countdown" aria-live="polite">
              <Text className="checkin-code__seconds">{current.secondsLeft}</Text>
              <Text className="checkin-code__refresh">秒后刷新</Text>
            </View>
            <View className="checkin-code__progress">
              <View
                className="checkin-code__progress-bar"
                style={{ width: `${(current.secondsLeft / CODE_STEP_SECONDS) * 100}%` }}
              />
            </View>
            <Text className="checkin-code__hint">
              {elder ? '把手机给书记扫一下。来时扫一次，走时再扫一次。' : '请把手机交给书记或现场负责人扫码：第一次扫码为签到，第二次为签退。'}
            </Text>
          </View>

          {elder ? (
            <View className="checkin-code__notes">
              <Text className="checkin-code__note">没有网络也能用。截图不能用。</Text>
            </View>
          ) : (
            <View className="checkin-code__notes">
              <Text className="checkin-code__note">· 无网络也能使用：签到码在本机生成，每 {CODE_STEP_SECONDS} 秒自动更换。</Text>
              <Text className="checkin-code__note">· 截图无效，请当场打开本页出示。</Text>
              <Text className="checkin-code__note">· 换了新手机后，旧手机上的签到码会停用。</Text>
            </View>
          )}

          <View className="checkin-code__renew">
            <Button size="small" fill="none" onClick={() => setRenewing(true)}>
              扫不出来？重新领取签到码
            </Button>
          </View>

          <Dialog
            visible={renewing}
            title="重新领取签到码"
            confirmText="重新领取"
            cancelText="不用了"
            closeOnOverlayClick={false}
            onConfirm={renew}
            onCancel={() => setRenewing(false)}
            onClose={() => setRenewing(false)}
          >
            <Text className="checkin-code__dialog">需要联网。领取后本机使用新的签到码，以前的签到码（包括其他手机上的）将停用。</Text>
          </Dialog>
        </View>
      )}
    </PageShell>
  )
}
