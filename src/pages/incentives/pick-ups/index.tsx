import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { FieldError } from '@/components/field-error'
import { InfoRow } from '@/components/info-row'
import { PageShell } from '@/components/page-shell'
import { QrScanner } from '@/components/qr-scanner'
import { StatusTag } from '@/components/status-tag'
import type { ApiError } from '@/services/api/types'
import { shopApi, type PickUps, type Redemption } from '@/services/api/shop'
import { formatBusinessDate } from '@/services/beijing-time'
import { ROUTES } from '@/services/navigation'
import { REDEMPTION_TONES, closedLine, spacedCode } from '../shop/redemption-words'
import './index.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

/** 兑换领取: the secretary scans or types the member's pick-up code, sees the redemption, and confirms the hand-over. */
export default function PickUpsPage() {
  const [lists, setLists] = useState<PickUps | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [typed, setTyped] = useState('')
  const [found, setFound] = useState<Redemption | null>(null)
  const [lookupError, setLookupError] = useState<string | null>(null)
  const [scanning, setScanning] = useState(false)
  const [handing, setHanding] = useState(false)

  const load = async () => {
    const result = await shopApi.pickUps()
    if (!result.ok) return setError(result.error)
    setError(null)
    setLists(result.data)
  }
  useDidShow(() => void load())

  const lookUp = async (text: string) => {
    setScanning(false)
    setFound(null)
    setLookupError(null)
    const result = await shopApi.pickUps(text)
    if (!result.ok) return setLookupError(result.error.message)
    const [match] = result.data.waiting
    if (!match) return setLookupError('没有找到待领取的兑换，请核对领取码')
    setFound(match)
  }

  const scanWithWechat = async () => {
    try {
      const answer = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      if (answer.result) await lookUp(answer.result)
    } catch {
      // The secretary closed WeChat's scanner.
    }
  }

  const handOver = async () => {
    if (!found) return
    setHanding(true)
    const result = await shopApi.handOver(found.code)
    setHanding(false)
    if (!result.ok) return setLookupError(result.error.message)
    setFound(null)
    setTyped('')
    void Taro.showToast({ title: `已交付 ${result.data.goodName}`, icon: 'none' })
    await load()
  }

  const returnOverdue = async () => {
    const result = await shopApi.returnOverdue()
    void Taro.showToast({ title: result.ok ? (result.data.returned > 0 ? `已退回 ${result.data.returned} 笔逾期兑换` : '没有逾期未领的兑换') : result.error.message, icon: 'none' })
    await load()
  }

  return (
    <PageShell title="兑换领取" status={error ? 'error' : lists ? 'ready' : 'loading'} error={error} onRetry={() => void load()} backTo={ROUTES.secretaryShop} elderToggle>
      {lists && (
        <View className="pick-ups">
          <Card title="核对领取码">
            <Text className="pick-ups__hint">请兑换人出示领取码，扫码或输入6位数字。</Text>
            {isWeapp ? (
              <Button type="primary" size="large" block onClick={() => void scanWithWechat()}>
                扫码
              </Button>
            ) : scanning ? (
              <QrScanner onCode={(text) => void lookUp(text)} />
            ) : (
              <Button fill="outline" block onClick={() => setScanning(true)}>
                打开摄像头扫码
              </Button>
            )}
            <View className="pick-ups__manual">
              <Input
                className="pick-ups__code"
                type="digit"
                value={typed}
                placeholder="输入6位领取码"
                maxLength={8}
                onChange={(value) => {
                  setTyped(value)
                  setLookupError(null)
                }}
                onConfirm={() => void lookUp(typed)}
              />
              <Button type="primary" className="pick-ups__find" disabled={!typed.trim()} onClick={() => void lookUp(typed)}>
                查找
              </Button>
            </View>
            <FieldError message={lookupError} />
          </Card>

          {found && (
            <Card className="pick-ups__found" tone="notice" title={found.goodName} extra={<StatusTag tone="waiting">{found.statusLabel}</StatusTag>}>
              <Text className="pick-ups__found-code">{spacedCode(found.code)}</Text>
              <InfoRow label="兑换人" value={`${found.memberName}（${found.memberPhone}）`} />
              <InfoRow label="数量" value={`${found.quantity} 件`} />
              <InfoRow label="积分" value={`${found.totalPoints} 分`} />
              <InfoRow label="最迟领取" value={formatBusinessDate(found.pickUpBy)} />
              <Button className="pick-ups__confirm" type="primary" size="large" block loading={handing} onClick={() => void handOver()}>
                确认交付
              </Button>
            </Card>
          )}

          <View className="pick-ups__heading">
            <Text className="pick-ups__heading-text">待领取（{lists.waiting.length}）</Text>
            <Button size="small" fill="outline" onClick={() => void returnOverdue()}>
              退回逾期
            </Button>
          </View>
          {lists.waiting.length === 0 && <Text className="pick-ups__none">没有等待领取的兑换</Text>}
          {lists.waiting.map((item) => (
            <RedemptionCard key={item.id} item={item} />
          ))}
          {lists.handedOver.length > 0 && <Text className="pick-ups__heading-text">最近交付</Text>}
          {lists.handedOver.map((item) => (
            <RedemptionCard key={item.id} item={item} />
          ))}
          {lists.returned.length > 0 && <Text className="pick-ups__heading-text">逾期退回</Text>}
          {lists.returned.map((item) => (
            <RedemptionCard key={item.id} item={item} />
          ))}
        </View>
      )}
    </PageShell>
  )
}

function RedemptionCard({ item }: { item: Redemption }) {
  return (
    <Card className="pick-ups__item" title={item.goodName} extra={<StatusTag tone={REDEMPTION_TONES[item.status]}>{item.statusLabel}</StatusTag>}>
      <InfoRow label="兑换人" value={`${item.memberName}（${item.memberPhone}）`} />
      {item.status === 'waiting' ? <InfoRow label="最迟领取" value={formatBusinessDate(item.pickUpBy)} /> : <InfoRow label="结果" value={closedLine(item)} />}
    </Card>
  )
}
