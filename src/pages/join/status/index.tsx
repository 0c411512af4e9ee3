import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { ChoiceChips } from '@/components/choice-chips'
import { InfoRow } from '@/components/info-row'
import { PageShell } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { registrationApi, type Registration, type RegistrationOptions } from '@/services/api/registration'
import type { ApiError } from '@/services/api/types'
import { formatTime } from '@/services/beijing-time'
import { PROFILE_PAGE, ROUTES } from '@/services/navigation'
import { REGISTRATION_STATUS_WORDS } from '@/services/status-words'
import { fetchAndSaveFile } from '@/services/save-file'
import { storage } from '@/services/storage'
import { ReasonDialog } from '@/pages/secretary/shared/reason-dialog'
import { RESUBMIT_KEY, fromForm } from '../shared/registration-draft'
import { transferTargets } from '../shared/transfer-targets'
import './index.scss'

async function downloadReceipt(item: Registration) {
  const refused = await fetchAndSaveFile(() => registrationApi.receiptPdf(item.id), '回执已下载')
  if (refused) void Taro.showToast({ title: refused.message, icon: 'none', duration: 3000 })
}

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
  const communities = options ? transferTargets(options) : []

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
        {items?.map((item) => {
          const word = REGISTRATION_STATUS_WORDS[item.status]
          return (
            <Card key={item.id} className="join-status__card" title={`${item.kind === 'transfer' ? '转移到' : '报到到'} ${item.communityName}`} extra={<StatusTag tone={word.tone}>{word.text}</StatusTag>}>
              <InfoRow label="提交时间" value={formatTime(item.submittedAt)} />
              {item.unitName && <InfoRow label="所在单位" value={item.unitName} />}
              <InfoRow label="认领岗位" value={item.form.posts.join('、')} />
              {item.receipt && <InfoRow label="回执" value={item.receipt} layout="stacked" />}
              {item.returnReason && <InfoRow label="退回原因" value={item.returnReason} layout="stacked" />}
              <View className="join-status__buttons">
                {item.status === 'pending' && (
                  <Button fill="outline" type="primary" onClick={() => void withdraw(item)}>
                    撤回
                  </Button>
                )}
                {item.status === 'confirmed' && (
                  <Button className="join-status__receipt" fill="outline" type="primary" onClick={() => void downloadReceipt(item)}>
                    下载回执（PDF）
                  </Button>
                )}
                {item.status === 'returned' && item.kind === 'report' && !hasPending && !isMember && (
                  <Button type="primary" onClick={() => resubmit(item)}>
                    修改后重新提交
                  </Button>
                )}
              </View>
            </Card>
          )
        })}
        {isMember && !hasPending && (
          <Card className="join-status__transfer">
            {options === null ? (
              <Button block fill="outline" type="primary" onClick={() => void startTransfer()}>
                搬家了？申请转到其他社区
              </Button>
            ) : (
              <View>
                <Text className="join-status__line">选择转入的社区（您现在所在的社区不列出）：</Text>
                <ChoiceChips options={communities.map((c) => ({ value: c.id, text: c.name }))} value={target} onChange={setTarget} />
              </View>
            )}
          </Card>
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
