import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button, Dialog, Input, TextArea } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { DialogField } from '@/components/dialog-field'
import { PageShell } from '@/components/page-shell'
import type { ApiError } from '@/services/api-client'
import { newRequestKey, timeBankApi, type CommunityBank } from '@/services/api/time-bank'
import { PassbookBook } from '../time-bank/passbook-book'
import { balanceFigure, bankAmount, lineDate, minutesOfTyped } from '../time-bank/time-bank-display'
import '../time-bank/index.scss'

type Person = CommunityBank['people'][number]

/** 社区时间银行 (the secretary): donated hours and their passbook, grants to residents in need, family links to confirm. */
export default function CommunityBankPage() {
  const [bank, setBank] = useState<CommunityBank | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [granting, setGranting] = useState(false)

  const load = async () => {
    const result = await timeBankApi.communityBank()
    if (!result.ok) return setError(result.error)
    setError(null)
    setBank(result.data)
  }
  const confirmLink = async (linkId: string) => {
    const result = await timeBankApi.confirmFamilyLink(linkId)
    if (!result.ok) return void Taro.showToast({ title: result.error.message, icon: 'none' })
    void Taro.showToast({ title: '已代为确认', icon: 'none' })
    void load()
  }

  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  return (
    <PageShell title="社区时间银行" elderToggle status={error ? 'error' : bank ? 'ready' : 'loading'} error={error} onRetry={() => void load()}>
      {bank && (
        <View className="time-bank">
          <Card title={`${bank.communityName}时间银行`}>
            <View className="time-bank__balance-row">
              <Text className="time-bank__balance">{balanceFigure(bank.balanceMinutes)}</Text>
              <Text className="time-bank__unit">{bank.unitName === '小时' ? '小时' : '个时间币'}</Text>
            </View>
            <Text className="time-bank__note">来自党员义工的捐赠和超出存储上限的时长；优先发放给重点空巢、独居老人。</Text>
            <View className="time-bank__actions">
              <Button type="primary" disabled={bank.balanceMinutes === 0} onClick={() => setGranting(true)}>
                发放给居民
              </Button>
            </View>
          </Card>

          {bank.linksToConfirm.length > 0 && (
            <Card title="待代为确认的亲属关系">
              {bank.linksToConfirm.map((link) => (
                <View key={link.id} className="time-bank__relative">
                  <Text className="time-bank__relative-name">
                    {link.memberName} 登记 {link.relativeName} 为其{link.relation}
                  </Text>
                  <Text className="time-bank__note">核实无误后代老人确认（{lineDate(link.createdAt)} 登记）</Text>
                  <View className="time-bank__actions">
                    <Button size="small" type="primary" onClick={() => void confirmLink(link.id)}>
                      代为确认
                    </Button>
                  </View>
                </View>
              ))}
            </Card>
          )}

          <Card title="存折明细">
            <PassbookBook unit={bank} lines={bank.lines} emptyHint="党员义工捐赠或超出上限的时长会存入这里。" />
          </Card>
        </View>
      )}
      {bank && granting && (
        <GrantDialog
          bank={bank}
          onDone={() => {
            setGranting(false)
            void Taro.showToast({ title: '已发放', icon: 'none' })
            void load()
          }}
          onClose={() => setGranting(false)}
        />
      )}
    </PageShell>
  )
}

function GrantDialog({ bank, onDone, onClose }: { bank: CommunityBank; onDone: () => void; onClose: () => void }) {
  const [query, setQuery] = useState('')
  const [person, setPerson] = useState<Person | null>(null)
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [requestKey] = useState(newRequestKey)
  const found = query.trim() ? bank.people.filter((candidate) => candidate.name.includes(query.trim())).slice(0, 5) : []

  const confirm = async () => {
    const minutes = minutesOfTyped(amount)
    const problem = !person ? '请选择发放对象' : minutes === null ? '请填写发放的时长，整数或半个（如 1.5）' : reason.trim().length < 2 ? '请写明发放理由' : null
    if (problem) {
      setError(problem)
      throw new Error('grant incomplete')
    }
    const result = await timeBankApi.grant(person!.id, minutes!, reason.trim(), requestKey)
    if (!result.ok) {
      setError(Object.values(result.error.fields ?? {})[0] ?? result.error.message)
      throw new Error(result.error.code)
    }
    onDone()
  }

  return (
    <Dialog visible title="发放给居民" confirmText="发放" cancelText="取消" onConfirm={confirm} onCancel={onClose} onClose={onClose}>
      <DialogField hint={person ? `发放给 ${person.name}（${person.phone}）` : `社区现有${bankAmount(bank, bank.balanceMinutes)}。按姓名查找发放对象：`} error={error}>
        {!person && <Input className="dialog-field__input" name="query" value={query} placeholder="居民姓名" onChange={setQuery} />}
        {!person &&
          found.map((candidate) => (
            <Text key={candidate.id} className="time-bank__link" onClick={() => (setPerson(candidate), setError(null))}>
              {candidate.name} {candidate.phone}
            </Text>
          ))}
        <Input className="dialog-field__input" name="minutes" type="digit" value={amount} placeholder={`${bank.unitName === '小时' ? '小时' : '时间币'}数`} onChange={(value) => (setAmount(value), setError(null))} />
        <TextArea className="dialog-field__input" value={reason} placeholder="发放理由（如：独居老人，需要助浴）" maxLength={100} onChange={(value) => (setReason(value), setError(null))} />
      </DialogField>
    </Dialog>
  )
}
