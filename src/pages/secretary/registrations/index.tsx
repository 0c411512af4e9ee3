import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { ChoiceChips } from '@/components/choice-chips'
import { InfoRow } from '@/components/info-row'
import { ListFooter } from '@/components/list-footer'
import { PageShell } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { shellStatusOf, usePagedList } from '@/hooks/use-paged-list'
import { registrationApi, type Registration, type RegistrationOptions } from '@/services/api/registration'
import type { ApiError } from '@/services/api/types'
import { formatMonth, formatTime } from '@/services/beijing-time'
import { DAYS, SLOTS } from '@/pages/join/shared/registration-draft'
import { ReasonDialog } from '../shared/reason-dialog'
import './index.scss'

const slotText = (slot: string) => SLOTS.find((s) => s.key === slot)?.text ?? slot

const availabilityText = (grid: Registration['form']['availability']) =>
  DAYS.filter((day) => (grid[day.key]?.length ?? 0) > 0)
    .map((day) => `${day.text}${grid[day.key]!.map(slotText).join('/')}`)
    .join('，')


/** 待确认报到: the community's pending registrations and transfers; 确认 gives the 回执, 退回 a reason. */
export default function SecretaryRegistrationsPage() {
  const list = usePagedList<Registration>(10)
  const [open, setOpen] = useState<string | null>(null)
  const [grids, setGrids] = useState<Record<string, { id: string; name: string }[]>>({})
  const [chosenGrid, setChosenGrid] = useState<Record<string, string>>({})
  const [returning, setReturning] = useState<Registration | null>(null)

  const reload = (quiet = false) => list.reload((page) => registrationApi.listPending(page), quiet)
  useDidShow(() => {
    void reload(list.loaded)
    void registrationApi.options().then((result) => {
      if (result.ok) setGrids(gridsByCommunity(result.data))
    })
  })
  usePullDownRefresh(() => void reload(true))
  useReachBottom(() => void list.loadMore())

  const confirm = async (item: Registration) => {
    const gridId = chosenGrid[item.id] ?? item.gridId ?? undefined
    const gridName = grids[item.communityId]?.find((g) => g.id === gridId)?.name
    const { confirm: yes } = await Taro.showModal({
      title: '确认报到',
      content: `确认 ${item.name} ${item.kind === 'transfer' ? '转入' : '到'}本社区报到${gridName ? `，编入${gridName}` : ''}？`,
      confirmText: '确认',
      cancelText: '再看看',
    })
    if (!yes) return
    const result = await registrationApi.confirm(item.id, gridId)
    if (!result.ok) {
      void Taro.showToast({ title: result.error.message, icon: 'none' })
      return
    }
    list.removeItem(item.id)
    void Taro.showModal({ title: '已确认报到', content: `回执：${result.data.receipt ?? ''}`, showCancel: false, confirmText: '好的' })
  }

  const sendBack = async (reason: string): Promise<ApiError | null> => {
    if (!returning) return null
    const result = await registrationApi.sendBack(returning.id, reason)
    if (!result.ok) return result.error
    list.removeItem(returning.id)
    setReturning(null)
    void Taro.showToast({ title: '已退回，党员和单位可看到原因', icon: 'none' })
    return null
  }

  return (
    <PageShell title="待确认报到" elderToggle>
      <PageShell
        requireLogin={false}
        status={shellStatusOf(list.status, list.items.length)}
        error={list.error}
        onRetry={() => void reload()}
        empty={{ title: '没有待确认的报到', hint: '党员提交报到登记后会出现在这里' }}
      >
        <View className="registrations">
          <Text className="registrations__count">共 {list.total} 份待确认</Text>
          {list.items.map((item) => (
            <Card
              key={item.id}
              className="reg-card"
              title={item.name}
              extra={<StatusTag tone={item.kind === 'transfer' ? 'active' : 'waiting'}>{item.kind === 'transfer' ? '转入' : item.memberTypeLabel}</StatusTag>}
            >
              <InfoRow label="手机" value={item.form.phone} />
              <InfoRow label="单位" value={item.unitName ?? item.form.workUnit ?? '—'} />
              <InfoRow label="认领岗位" value={item.form.posts.join('、')} />
              <InfoRow label="可服务时间" value={availabilityText(item.form.availability)} />
              {open === item.id && (
                <View className="reg-card__detail">
                  <InfoRow label="性别/民族" value={`${item.form.gender} · ${item.form.ethnicity}`} />
                  <InfoRow label="出生年月" value={formatMonth(item.form.birthMonth)} />
                  <InfoRow label="学历" value={item.form.education} />
                  <InfoRow label="入党时间" value={formatMonth(item.form.joinedPartyMonth) || '—'} />
                  <InfoRow label="职务" value={item.form.jobTitle ?? '—'} />
                  <InfoRow label="家庭住址" value={item.form.homeAddress} />
                  <InfoRow label="专业特长" value={(item.form.skills ?? []).join('、') || '—'} />
                  <InfoRow label="服务意向" value={(item.form.serviceIntentions ?? []).map((i) => `${i.category}${i.subItems?.length ? `（${i.subItems.join('、')}）` : ''}`).join('；') || '—'} />
                  <InfoRow label="长期服务" value={item.form.willingLongTerm ? '愿意' : '暂不'} />
                  <InfoRow label="其他服务" value={item.form.willingOtherServices ? '愿意' : '暂不'} />
                  {item.form.transferReason && <InfoRow label="转移原因" value={item.form.transferReason} />}
                  {item.slipCode && <InfoRow label="报到单" value={item.slipCode} />}
                  <InfoRow label="提交时间" value={formatTime(item.submittedAt)} />
                </View>
              )}
              <View className="reg-card__toggle" onClick={() => setOpen(open === item.id ? null : item.id)}>
                {open === item.id ? '收起' : '查看全部登记信息 ›'}
              </View>
              {(grids[item.communityId] ?? []).length > 0 && (
                <InfoRow label="编入网格" layout="stacked">
                  <ChoiceChips
                    options={grids[item.communityId].map((grid) => ({ value: grid.id, text: grid.name }))}
                    value={chosenGrid[item.id] ?? item.gridId}
                    onChange={(gridId) => setChosenGrid({ ...chosenGrid, [item.id]: gridId })}
                  />
                </InfoRow>
              )}
              <View className="reg-card__buttons">
                <Button fill="outline" type="primary" onClick={() => setReturning(item)}>
                  退回
                </Button>
                <Button type="primary" onClick={() => void confirm(item)}>
                  确认报到
                </Button>
              </View>
            </Card>
          ))}
          <ListFooter shown={list.items.length} total={list.total} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} unit="项" />
        </View>
      </PageShell>
      <ReasonDialog
        visible={returning !== null}
        title="退回报到登记"
        hint={`退回原因会显示给 ${returning?.name ?? ''} 和其单位党组织，对方可修改后重新提交。`}
        placeholder="例如：家庭住址请填写到门牌号"
        confirmText="退回"
        onSubmit={sendBack}
        onClose={() => setReturning(null)}
      />
    </PageShell>
  )
}

function gridsByCommunity(options: RegistrationOptions): Record<string, { id: string; name: string }[]> {
  return Object.fromEntries(options.districts.flatMap((d) => d.streets.flatMap((s) => s.communities.map((c) => [c.id, c.grids]))))
}
