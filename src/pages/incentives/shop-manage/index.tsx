import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Dialog, Input, TextArea } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { DialogField } from '@/components/dialog-field'
import { EmptyState } from '@/components/empty-state'
import { FormBanner } from '@/components/form-banner'
import { FormRow } from '@/components/form-row'
import { FormSection } from '@/components/form-section'
import { InfoRow } from '@/components/info-row'
import { OptionCards } from '@/components/option-cards'
import { PageShell } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { useFormErrors } from '@/hooks/use-form-errors'
import type { ApiError } from '@/services/api/types'
import { newRequestId, shopApi, type ManagedGood, type ManagedGoods } from '@/services/api/shop'
import { PROFILE_PAGE, ROUTES } from '@/services/navigation'
import { AUDIENCE_OPTIONS, EMPTY_GOOD, GOOD_FIELDS, checkGood, formOf, saveDataOf, type GoodField, type GoodForm } from './good-form'
import './index.scss'

interface Restocking {
  good: ManagedGood
  quantity: string
  requestId: string
  error: string | null
}

/** 超市管理: the secretary lists goods, edits them, restocks and withdraws them. */
export default function ShopManagePage() {
  const [shop, setShop] = useState<ManagedGoods | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [form, setForm] = useState<GoodForm | null>(null)
  const [saving, setSaving] = useState(false)
  const [restocking, setRestocking] = useState<Restocking | null>(null)
  const [withdrawing, setWithdrawing] = useState<ManagedGood | null>(null)
  const errors = useFormErrors(form, checkGood)

  const load = async () => {
    const result = await shopApi.manage()
    if (!result.ok) return setError(result.error)
    setError(null)
    setShop(result.data)
  }
  useDidShow(() => void load())

  const set = (patch: Partial<GoodForm>, fields: GoodField[]) => {
    setForm((current) => ({ ...(current ?? EMPTY_GOOD), ...patch }))
    errors.changed(fields)
  }

  const open = (next: GoodForm) => {
    setForm(next)
    errors.changed(GOOD_FIELDS)
  }

  const submit = async () => {
    if (!form || !errors.check()) return
    setSaving(true)
    const result = await shopApi.save(saveDataOf(form))
    setSaving(false)
    if (!result.ok) return errors.refused(result.error, (path) => GOOD_FIELDS.find((field) => path === field))
    setForm(null)
    void Taro.showToast({ title: form.goodId ? '已保存' : '已上架', icon: 'none' })
    await load()
  }

  const restock = async () => {
    if (!restocking) return
    const quantity = Number(restocking.quantity.trim())
    if (!/^\d+$/.test(restocking.quantity.trim()) || quantity < 1 || quantity > 10000) {
      setRestocking({ ...restocking, error: '补货数量须为1至10000的整数' })
      throw new Error('invalid quantity')
    }
    const result = await shopApi.restock(restocking.good.id, quantity, restocking.requestId)
    if (!result.ok) {
      setRestocking({ ...restocking, error: result.error.fields?.quantity ?? result.error.message })
      throw new Error(result.error.code)
    }
    setRestocking(null)
    void Taro.showToast({ title: `已补货，现有库存 ${result.data.stock} 件`, icon: 'none' })
    await load()
  }

  const withdraw = async () => {
    if (!withdrawing) return
    const result = await shopApi.withdraw(withdrawing.id)
    setWithdrawing(null)
    void Taro.showToast({ title: result.ok ? '已下架' : result.error.message, icon: 'none' })
    await load()
  }

  return (
    <PageShell title="爱心超市管理" status={error ? 'error' : shop ? 'ready' : 'loading'} error={error} onRetry={() => void load()} backTo={PROFILE_PAGE} elderToggle>
      {shop && (
        <View className="shop-manage">
          <Card title={`${shop.communityName}爱心超市`}>
            <InfoRow label="待领取" value={`${shop.waiting} 笔`} />
            <InfoRow label="累计收取" value={`${shop.takings} 分`} />
            <View className="shop-manage__toolbar">
              <Button fill="outline" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryPickUps })}>
                兑换领取
              </Button>
              {!form && (
                <Button type="primary" className="shop-manage__add" onClick={() => open(EMPTY_GOOD)}>
                  上架物品
                </Button>
              )}
            </View>
          </Card>

          {form && (
            <FormSection title={form.goodId ? '修改物品' : '上架物品'} hint={form.goodId ? '改价只影响今后的兑换，已兑换的按原价。' : undefined}>
              <FormRow label="物品名称" required error={errors.errors.name}>
                <Input className="shop-manage__name" value={form.name} placeholder="例如：洗衣液" maxLength={40} onChange={(name) => set({ name }, ['name'])} />
              </FormRow>
              <FormRow label="兑换积分" required hint="兑换一件需要的积分" error={errors.errors.pricePoints}>
                <Input className="shop-manage__price" type="number" value={form.pricePoints} placeholder="例如：20" onChange={(pricePoints) => set({ pricePoints }, ['pricePoints'])} />
              </FormRow>
              <FormRow label="兑换对象" required error={errors.errors.audience}>
                <OptionCards label="兑换对象" options={AUDIENCE_OPTIONS} value={form.audience} onChange={(audience) => set({ audience }, ['audience'])} />
              </FormRow>
              {!form.goodId && (
                <FormRow label="初始库存" hint="上架时的件数，之后可补货" error={errors.errors.initialStock}>
                  <Input className="shop-manage__stock" type="number" value={form.initialStock} placeholder="0" onChange={(initialStock) => set({ initialStock }, ['initialStock'])} />
                </FormRow>
              )}
              <FormRow label="每人限兑" hint="不填为不限" error={errors.errors.perPersonLimit}>
                <Input type="number" value={form.perPersonLimit} placeholder="不限" onChange={(perPersonLimit) => set({ perPersonLimit }, ['perPersonLimit'])} />
              </FormRow>
              <FormRow label="物品说明" error={errors.errors.description}>
                <TextArea value={form.description} placeholder="规格、领取地点等" maxLength={200} onChange={(description) => set({ description }, ['description'])} />
              </FormRow>
              <FormRow label="图片地址" hint="物品照片的网址，可不填" error={errors.errors.photoUrl}>
                <Input value={form.photoUrl} placeholder="https://" maxLength={500} onChange={(photoUrl) => set({ photoUrl }, ['photoUrl'])} />
              </FormRow>
              <FormBanner message={errors.banner} />
              <View className="shop-manage__actions">
                <Button type="primary" className="shop-manage__submit" loading={saving} onClick={() => void submit()}>
                  {form.goodId ? '保存' : '上架'}
                </Button>
                <Button fill="outline" onClick={() => setForm(null)}>
                  取消
                </Button>
              </View>
            </FormSection>
          )}

          {shop.goods.length === 0 && <EmptyState icon="empty" title="还没有上架物品" hint="上架物品后，党员义工和居民可用积分兑换。" />}
          {shop.goods.map((good) => (
            <Card key={good.id} className="shop-manage__good" title={good.name} extra={<StatusTag tone={good.stock > 0 ? 'active' : 'muted'}>{good.stock > 0 ? `库存 ${good.stock}` : '无库存'}</StatusTag>}>
              <InfoRow label="兑换积分" value={`${good.pricePoints} 分`} />
              <InfoRow label="兑换对象" value={good.audienceLabel} />
              {good.perPersonLimit !== null && <InfoRow label="每人限兑" value={`${good.perPersonLimit} 件`} />}
              <InfoRow label="待领取" value={`${good.reserved} 件`} />
              <InfoRow label="已交付" value={`${good.handedOver} 件`} />
              <View className="shop-manage__actions">
                <Button size="small" fill="outline" onClick={() => setWithdrawing(good)}>
                  下架
                </Button>
                <Button size="small" fill="outline" onClick={() => open(formOf(good))}>
                  修改
                </Button>
                <Button size="small" type="primary" onClick={() => setRestocking({ good, quantity: '', requestId: newRequestId(), error: null })}>
                  补货
                </Button>
              </View>
            </Card>
          ))}
        </View>
      )}
      <Dialog
        visible={restocking !== null}
        title={restocking ? `补货：${restocking.good.name}` : ''}
        confirmText="入库"
        cancelText="取消"
        onConfirm={restock}
        onCancel={() => setRestocking(null)}
        onClose={() => setRestocking(null)}
      >
        {restocking && (
          <DialogField hint={`现有库存 ${restocking.good.stock} 件，填写这次入库的件数`} error={restocking.error}>
            <Input
              className="dialog-field__input"
              type="number"
              value={restocking.quantity}
              placeholder="件数"
              onChange={(quantity) => setRestocking({ ...restocking, quantity, error: null })}
            />
          </DialogField>
        )}
      </Dialog>
      <Dialog
        visible={withdrawing !== null}
        title="下架物品"
        confirmText="下架"
        cancelText="取消"
        onConfirm={() => void withdraw()}
        onCancel={() => setWithdrawing(null)}
        onClose={() => setWithdrawing(null)}
      >
        {withdrawing && <Text>{`下架后「${withdrawing.name}」不再显示在超市里，在架的 ${withdrawing.stock} 件转为已下架；已兑换待领取的 ${withdrawing.reserved} 件仍可领取。`}</Text>}
      </Dialog>
    </PageShell>
  )
}
