import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/page-shell'
import { registrationApi, type Registration, type RegistrationOptions } from '@/services/api/registration'
import type { ApiError } from '@/services/api/types'
import { PROFILE_PAGE, ROUTES } from '@/services/navigation'
import { storage } from '@/services/storage'
import { ReasonDialog } from '@/pages/secretary/shared/reason-dialog'
import { RESUBMIT_KEY, fromForm } from '../shared/registration-draft'
import './index.scss'

const TAG: Record<Registration['status'], 'warning' | 'success' | 'danger' | 'default'> = {
  pending: 'warning',
  confirmed: 'success',
  returned: 'danger',
  withdrawn: 'default',
}

const day = (iso: string) => iso.slice(0, 10)

/** 我的报到: each registration and transfer with the 回执 or the reason it came back; resubmit, withdraw, transfer. */
export default function JoinStatusPage() {
  const [items, setItems] = useState<Registration[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [options, setOptions] = useState<RegistrationOptions | null>(null)
  const [target, setTarget] = useState<string | null>(null)

  const load = async () => {
    const result = await registrationApi.mine()
    if (!result.ok) return setError(result.error)
    setError(null)
    setItems(result.data.items)
  }
  useDidShow(() => void load())

  const resubmit = (item: Registration) => {
    storage.set(RESUBMIT_KEY, fromForm(item.form))
    void Taro.navigateTo({ url: ROUTES.joinRegister(item.slipCode ?? undefined) })
  }

  const withdraw = async (item: Registration) => {
    const { confirm } = await Taro.showModal({ title: '撤回报到', content: `撤回提交给${item.communityName}的报到登记？`, confirmText: '撤回', cancelText: '不撤回' })
    if (!confirm) return
    const result = await registrationApi.withdraw(item.id)
    void Taro.showToast({ title: result.ok ? '已撤回' : result.error.message, icon: 'none' })
    void load()
  }

  const startTransfer = async () => {
    const result = await registrationApi.options()
    if (result.ok) setOptions(result.data)
    else void Taro.showToast({ title: result.error.message, icon: 'none' })
  }

  const transfer = async (reason: string): Promise<ApiError | null> => {
    if (!target) return { code: 'VALIDATION_FAILED', message: '请先选择转入社区' }
    const result = await registrationApi.requestTransfer({ communityId: target, reason })
    if (!result.ok) return result.error
    setOptions(null)
    setTarget(null)
    void load()
    return null
  }

  const isMember = items?.some((item) => item.status === 'confirmed') ?? false
  const hasPending = items?.some((item) => item.status === 'pending') ?? false
  const communities = options?.districts.flatMap((d) => d.streets.flatMap((s) => s.communities)) ?? []

  return (
    <PageShell
      title="我的报到"
      status={error ? 'error' : items === null ? 'loading' : items.length === 0 ? 'empty' : 'ready'}
      error={error}
      onRetry={() => void load()}
      backTo={PROFILE_PAGE}
      empty={{ title: '还没有报到登记', hint: '填写党员报到登记表，提交给报到社区', actionText: '去填写', onAction: () => void Taro.navigateTo({ url: ROUTES.joinRegister() }) }}
    >
      <View className="join-status">
        {items?.map((item) => (
          <View key={item.id} className="join-status__card">
            <View className="join-status__head">
              <Text className="join-status__title">{item.kind === 'transfer' ? '转移到' : '报到到'} {item.communityName}</Text>
              <Tag type={TAG[item.status]}>{item.statusLabel}</Tag>
            </View>
            <Text className="join-status__line">提交于 {day(item.submittedAt)}{item.unitName ? ` · ${item.unitName}` : ''}</Text>
            <Text className="join-status__line">认领岗位：{item.form.posts.join('、')}</Text>
            {item.receipt && <View className="join-status__receipt">回执：{item.receipt}</View>}
            {item.returnReason && <View className="join-status__reason">退回原因：{item.returnReason}</View>}
            <View className="join-status__buttons">
              {item.status === 'pending' && (
                <Button fill="outline" type="primary" onClick={() => void withdraw(item)}>
                  撤回
                </Button>
              )}
              {item.status === 'returned' && item.kind === 'report' && !hasPending && !isMember && (
                <Button type="primary" onClick={() => resubmit(item)}>
                  修改后重新提交
                </Button>
              )}
            </View>
          </View>
        ))}
        {isMember && !hasPending && (
          <View className="join-status__transfer">
            {options === null ? (
              <Button block fill="outline" type="primary" onClick={() => void startTransfer()}>
                搬家了？申请转到其他社区
              </Button>
            ) : (
              <View>
                <Text className="join-status__line">选择转入的社区：</Text>
                <View className="join-status__chips">
                  {communities.map((c) => (
                    <View key={c.id} className={`join-status__chip${target === c.id ? ' join-status__chip--chosen' : ''}`} onClick={() => setTarget(c.id)}>
                      {c.name}
                    </View>
                  ))}
                </View>
              </View>
            )}
          </View>
        )}
      </View>
      <ReasonDialog
        visible={target !== null}
        title="申请转移"
        hint="转入社区的书记确认后生效，原社区的服务记录会保留。"
        placeholder="例如：搬家到和平里小区"
        confirmText="提交申请"
        onSubmit={transfer}
        onClose={() => setTarget(null)}
      />
    </PageShell>
  )
}
