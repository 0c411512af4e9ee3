import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { PageShell } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import type { ApiError } from '@/services/api-client'
import { timeBankApi, type FamilyLink, type MyTimeBank, type PassbookLine } from '@/services/api/time-bank'
import { AddRelativeDialog, AmountDialog } from './bank-dialogs'
import { PassbookBook } from './passbook-book'
import { balanceFigure, bankAmount } from './time-bank-display'
import './index.scss'

type Dialog = { kind: 'donate' } | { kind: 'gift'; link: FamilyLink } | { kind: 'relative' } | null

/** 爱心时间银行 存折: the balance in big type, the lines like a bank book, gifts to family, donations to the community. */
export default function TimeBankPage() {
  const [bank, setBank] = useState<MyTimeBank | null>(null)
  const [lines, setLines] = useState<PassbookLine[]>([])
  const [links, setLinks] = useState<FamilyLink[]>([])
  const [error, setError] = useState<ApiError | null>(null)
  const [dialog, setDialog] = useState<Dialog>(null)
  const [loadingMore, setLoadingMore] = useState(false)

  const load = async () => {
    const mine = await timeBankApi.mine()
    if (!mine.ok) return setError(mine.error)
    const family = await timeBankApi.familyLinks()
    setError(null)
    setBank(mine.data)
    setLines(mine.data.lines)
    if (family.ok) setLinks(family.data.links)
  }
  const loadMore = async () => {
    if (!bank?.nextBefore) return
    setLoadingMore(true)
    const page = await timeBankApi.mine(bank.nextBefore)
    setLoadingMore(false)
    if (!page.ok) return void Taro.showToast({ title: page.error.message, icon: 'none' })
    setLines((shown) => [...shown, ...page.data.lines])
    setBank((shown) => (shown ? { ...shown, nextBefore: page.data.nextBefore } : shown))
  }
  const answer = async (link: FamilyLink, accept: boolean) => {
    const result = await timeBankApi.answerFamilyLink(link.id, accept)
    if (!result.ok) return void Taro.showToast({ title: result.error.message, icon: 'none' })
    setLinks(result.data.links)
    void Taro.showToast({ title: accept ? '已确认' : '已拒绝', icon: 'none' })
  }
  const done = (message: string) => {
    setDialog(null)
    void Taro.showToast({ title: message, icon: 'none' })
    void load()
  }

  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  const linked = links.filter((link) => link.side === 'mine' && link.status === 'linked')
  return (
    <PageShell title="爱心时间银行" elderToggle status={error ? 'error' : bank ? 'ready' : 'loading'} error={error} onRetry={() => void load()}>
      {bank && (
        <View className="time-bank">
          <Card title="我的存折" extra={<Text className="time-bank__community">{bank.communityName}</Text>}>
            <View className="time-bank__balance-row">
              <Text className="time-bank__balance">{balanceFigure(bank.balanceMinutes)}</Text>
              <Text className="time-bank__unit">{bank.unitName === '小时' ? '小时' : '个时间币'}</Text>
            </View>
            {bank.heldMinutes > 0 && <Text className="time-bank__note">另有 {bankAmount(bank, bank.heldMinutes)} 为需求预留，服务确认后结算</Text>}
            {bank.capMinutes !== null && <Text className="time-bank__note">存储上限 {bankAmount(bank, bank.capMinutes)}，超出部分捐入社区</Text>}
            {bank.expiryMonths !== null && <Text className="time-bank__note">存入满 {bank.expiryMonths} 个月未使用的时长到期</Text>}
            <View className="time-bank__actions">
              {bank.familyGifts && bank.isMember && (
                <Button type="primary" disabled={linked.length === 0} onClick={() => linked[0] && setDialog({ kind: 'gift', link: linked[0] })}>
                  转赠给亲属
                </Button>
              )}
              <Button fill="outline" disabled={bank.balanceMinutes === 0} onClick={() => setDialog({ kind: 'donate' })}>
                捐赠给社区
              </Button>
            </View>
          </Card>

          {(bank.isMember || links.length > 0) && (
            <Card title="我的亲属" extra={bank.isMember ? <Text className="time-bank__link" onClick={() => setDialog({ kind: 'relative' })}>添加 ›</Text> : undefined}>
              {links.length === 0 ? (
                <Text className="time-bank__note">登记在本区居住的直系亲属后，{bank.familyGifts ? '可把时长转赠给他们' : '本区暂不允许转赠'}。</Text>
              ) : (
                links.map((link) => (
                  <View key={link.id} className="time-bank__relative">
                    <View className="time-bank__relative-head">
                      <Text className="time-bank__relative-name">
                        {link.side === 'mine' ? `${link.relation} ${link.otherName}` : `${link.otherName} 登记您为其${link.relation}`}
                      </Text>
                      <StatusTag tone={link.status === 'linked' ? 'done' : 'waiting'}>{link.status === 'linked' ? '已确认' : '待确认'}</StatusTag>
                    </View>
                    {link.side === 'towardMe' && link.status === 'pending' && (
                      <View className="time-bank__actions">
                        <Button type="primary" size="small" onClick={() => void answer(link, true)}>确认</Button>
                        <Button fill="outline" size="small" onClick={() => void answer(link, false)}>不是</Button>
                      </View>
                    )}
                    {link.side === 'mine' && link.status === 'linked' && bank.familyGifts && (
                      <Text className="time-bank__link" onClick={() => setDialog({ kind: 'gift', link })}>转赠 ›</Text>
                    )}
                    {link.side === 'mine' && link.status === 'pending' && <Text className="time-bank__note">等待对方在手机上确认，或由其社区代为确认</Text>}
                  </View>
                ))
              )}
            </Card>
          )}

          <Card title="存折明细">
            <PassbookBook unit={bank} lines={lines} emptyHint="服务时长计入后，会存入时间银行。" />
            {bank.nextBefore !== null && (
              <Button block fill="outline" loading={loadingMore} onClick={() => void loadMore()}>
                查看更早的明细
              </Button>
            )}
          </Card>
        </View>
      )}
      {bank && dialog?.kind === 'donate' && (
        <AmountDialog
          title="捐赠给社区"
          hint={`捐给${bank.communityName}时间银行，由社区发放给有需要的居民。现有${bankAmount(bank, bank.balanceMinutes)}。`}
          unit={bank}
          onSubmit={(minutes, key) => timeBankApi.donate(minutes, key)}
          onDone={() => done('已捐赠')}
          onClose={() => setDialog(null)}
        />
      )}
      {bank && dialog?.kind === 'gift' && (
        <AmountDialog
          title={`转赠给 ${dialog.link.relation} ${dialog.link.otherName}`}
          hint={`现有${bankAmount(bank, bank.balanceMinutes)}。超出对方存储上限的部分转入对方社区。`}
          unit={bank}
          choices={linked.map((link) => ({ value: link.id, text: `${link.relation} ${link.otherName}` }))}
          chosen={dialog.link.id}
          onSubmit={(minutes, key, chosen) => timeBankApi.gift(chosen ?? dialog.link.id, minutes, key)}
          onDone={() => done('已转赠')}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'relative' && (
        <AddRelativeDialog
          onDone={(result) => {
            setLinks(result)
            setDialog(null)
            void Taro.showToast({ title: '已登记，等待确认', icon: 'none' })
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </PageShell>
  )
}
