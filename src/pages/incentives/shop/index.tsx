import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { CheckinQr } from '@/components/checkin-qr'
import { EmptyState } from '@/components/empty-state'
import { InfoRow } from '@/components/info-row'
import { PageShell } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import type { ApiError } from '@/services/api/types'
import { newRequestId, shopApi, type Redemption, type Shop, type ShopGood } from '@/services/api/shop'
import { formatBusinessDate } from '@/services/beijing-time'
import { REDEMPTION_TONES, closedLine, spacedCode } from './redemption-words'
import './index.scss'

interface Confirming {
  good: ShopGood
  /** Made when the dialog opens: a second tap of 兑换 sends the same request. */
  requestId: string
}

/** 爱心超市: the goods the member may redeem with their points, and their redemptions with the pick-up code to show at the counter. */
export default function ShopPage() {
  const [shop, setShop] = useState<Shop | null>(null)
  const [redemptions, setRedemptions] = useState<Redemption[]>([])
  const [error, setError] = useState<ApiError | null>(null)
  const [confirming, setConfirming] = useState<Confirming | null>(null)
  const [cancelling, setCancelling] = useState<Redemption | null>(null)

  const load = async () => {
    const goods = await shopApi.goods()
    if (!goods.ok) return setError(goods.error)
    const mine = await shopApi.mine()
    if (!mine.ok) return setError(mine.error)
    setError(null)
    setShop(goods.data)
    setRedemptions(mine.data.redemptions)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  const redeem = async () => {
    if (!confirming) return
    const result = await shopApi.redeem(confirming.good.id, confirming.requestId)
    setConfirming(null)
    if (!result.ok) {
      void Taro.showToast({ title: result.error.message, icon: 'none' })
      return void load()
    }
    void Taro.showToast({ title: `兑换成功，领取码 ${result.data.redemption.code}`, icon: 'none' })
    await load()
  }

  const cancel = async () => {
    if (!cancelling) return
    const result = await shopApi.cancel(cancelling.id)
    setCancelling(null)
    void Taro.showToast({ title: result.ok ? '已取消，积分已退回' : result.error.message, icon: 'none' })
    await load()
  }

  const waiting = redemptions.filter((item) => item.status === 'waiting')
  const closed = redemptions.filter((item) => item.status !== 'waiting')
  return (
    <PageShell title="爱心超市" elderToggle status={error ? 'error' : shop ? 'ready' : 'loading'} error={error} onRetry={() => void load()}>
      {shop && (
        <View className="shop-page">
          <Card title={`${shop.communityName}爱心超市`}>
            <View className="shop-page__points">
              <Text className="shop-page__balance">{shop.points}</Text>
              <Text className="shop-page__unit">分可用</Text>
            </View>
            <Text className="shop-page__note">兑换后请在 {shop.pickUpDays} 天内凭领取码到社区领取，逾期未领积分自动退回。</Text>
          </Card>

          {waiting.map((item) => (
            <WaitingCard key={item.id} item={item} onCancel={() => setCancelling(item)} />
          ))}

          <Text className="shop-page__heading">可兑换的物品</Text>
          {shop.goods.length === 0 && <EmptyState icon="empty" title="暂时没有物品" hint="社区上架物品后会显示在这里。" />}
          {shop.goods.map((good) => (
            <Card key={good.id} className="shop-good" title={good.name} extra={<Text className="shop-good__price">{good.pricePoints} 分</Text>}>
              {good.photoUrl && <Image className="shop-good__photo" src={good.photoUrl} mode="aspectFill" />}
              {good.description && <Text className="shop-good__description">{good.description}</Text>}
              <InfoRow label="库存" value={good.stock > 0 ? `${good.stock} 件` : '已兑完'} />
              <InfoRow label="兑换对象" value={good.audienceLabel} />
              {good.perPersonLimit !== null && <InfoRow label="每人限兑" value={`${good.perPersonLimit} 件（已兑 ${good.held} 件）`} />}
              <Button
                className="shop-good__redeem"
                type="primary"
                size="large"
                block
                disabled={good.unavailable !== null}
                onClick={() => setConfirming({ good, requestId: newRequestId() })}
              >
                {good.unavailable ?? '兑换'}
              </Button>
            </Card>
          ))}

          {closed.length > 0 && <Text className="shop-page__heading">兑换记录</Text>}
          {closed.map((item) => (
            <Card key={item.id} className="shop-redemption" title={item.goodName} extra={<StatusTag tone={REDEMPTION_TONES[item.status]}>{item.statusLabel}</StatusTag>}>
              <InfoRow label="积分" value={`${item.totalPoints} 分${item.status === 'returned' || item.status === 'cancelled' ? '（已退回）' : ''}`} />
              <InfoRow label="结果" value={closedLine(item)} />
            </Card>
          ))}
        </View>
      )}
      <Dialog
        visible={confirming !== null}
        title={confirming ? `兑换${confirming.good.name}` : ''}
        confirmText="确认兑换"
        cancelText="再想想"
        onConfirm={() => void redeem()}
        onCancel={() => setConfirming(null)}
        onClose={() => setConfirming(null)}
      >
        {confirming && shop && (
          <View className="shop-page__confirm">
            <Text>{`需要 ${confirming.good.pricePoints} 分，兑换后剩余 ${shop.points - confirming.good.pricePoints} 分。`}</Text>
            <Text>{`请在 ${shop.pickUpDays} 天内到社区领取。`}</Text>
          </View>
        )}
      </Dialog>
      <Dialog
        visible={cancelling !== null}
        title="取消兑换"
        confirmText="取消兑换"
        cancelText="不取消"
        onConfirm={() => void cancel()}
        onCancel={() => setCancelling(null)}
        onClose={() => setCancelling(null)}
      >
        {cancelling && <Text>{`取消后 ${cancelling.totalPoints} 分退回您的账户，${cancelling.goodName}放回货架。`}</Text>}
      </Dialog>
    </PageShell>
  )
}

/** A redemption waiting for pick-up: the code in big digits to read aloud, and as a QR for the secretary's scanner. */
function WaitingCard({ item, onCancel }: { item: Redemption; onCancel: () => void }) {
  return (
    <Card className="shop-redemption shop-redemption--waiting" tone="notice" title={item.goodName} extra={<StatusTag tone="waiting">{item.statusLabel}</StatusTag>}>
      <Text className="shop-redemption__label">领取码</Text>
      <Text className="shop-redemption__code" data-code={item.code}>
        {spacedCode(item.code)}
      </Text>
      <View className="shop-redemption__qr">
        <CheckinQr text={item.qrText} size={240} label="领取码" />
      </View>
      <InfoRow label="最迟领取" value={formatBusinessDate(item.pickUpBy)} />
      <InfoRow label="积分" value={`${item.totalPoints} 分`} />
      <View className="shop-redemption__actions">
        <Button fill="outline" onClick={onCancel}>
          取消兑换
        </Button>
      </View>
    </Card>
  )
}
