import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Cell, Switch } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import type { NotificationKind } from '@core/notify/kinds'
import { PageShell } from '@/components/page-shell'
import { FieldError } from '@/components/field-error'
import { useShownDetail } from '@/hooks/use-shown-detail'
import { notifyApi, type Preference } from '@/services/api/notify'
import './index.scss'

/** 消息设置: which kinds the user receives; the kinds the rules require stay on, locked, with the reason. */
export default function MessagePreferencesPage() {
  const fetchIt = useCallback(() => notifyApi.preferences(), [])
  const { data, setData, status, error, reload } = useShownDetail(fetchIt, '')
  const [saving, setSaving] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<{ kind: string; message: string } | null>(null)

  const put = (next: Preference) => data && setData({ items: data.items.map((item) => (item.kind === next.kind ? next : item)) })

  const toggle = async (item: Preference, enabled: boolean) => {
    if (item.required || saving) return
    setRefusal(null)
    setSaving(item.kind)
    put({ ...item, enabled })
    const result = await notifyApi.setPreference(item.kind as NotificationKind, enabled)
    setSaving(null)
    if (!result.ok) {
      put(item)
      setRefusal({ kind: item.kind, message: result.error.fields?.kind ?? result.error.message })
      return
    }
    put(result.data)
    void Taro.showToast({ title: enabled ? `已打开「${item.label}」` : `已关闭「${item.label}」`, icon: 'none' })
  }

  const required = data?.items.filter((item) => item.required) ?? []
  const optional = data?.items.filter((item) => !item.required) ?? []

  return (
    <PageShell title="消息设置" elderToggle status={status} error={error} onRetry={() => void reload()}>
      {data && (
        <View className="inbox-preferences">
          <Text className="inbox-preferences__note">关掉的消息不再发给您，已收到的不受影响。</Text>
          {optional.length > 0 && <View className="inbox-preferences__title">可以选择是否接收</View>}
          <View className="inbox-preferences__group">
            {optional.map((item) => (
              <View key={item.kind} className="inbox-preferences__row" data-kind={item.kind}>
                <Cell
                  title={item.label}
                  description={item.enabled ? '接收' : '不接收'}
                  extra={
                    <Switch
                      checked={item.enabled}
                      disabled={saving === item.kind}
                      aria-label={`接收「${item.label}」`}
                      onChange={(value) => void toggle(item, value)}
                    />
                  }
                />
                {refusal?.kind === item.kind && <FieldError message={refusal.message} />}
              </View>
            ))}
          </View>
          {required.length > 0 && (
            <View className="inbox-preferences__title">
              <Text>按规定必须接收，不能关闭</Text>
              <Text className="inbox-preferences__why">这些消息事关您的服务、时长和报到，社区一定要让您知道。</Text>
            </View>
          )}
          <View className="inbox-preferences__group">
            {required.map((item) => (
              <View key={item.kind} className="inbox-preferences__row inbox-preferences__row--required" data-kind={item.kind}>
                <Cell
                  title={item.label}
                  description="一定接收"
                  extra={<Switch checked disabled aria-label={`「${item.label}」必须接收`} />}
                />
              </View>
            ))}
          </View>
        </View>
      )}
    </PageShell>
  )
}
