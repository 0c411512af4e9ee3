import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import { FormRow } from '@/components/form-row'
import { ListFooter } from '@/components/list-footer'
import { PageShell, PrimaryAction } from '@/components/page-shell'
import { shellStatusOf, usePagedList } from '@/hooks/use-paged-list'
import { registrationApi, type IssueSlipData, type RegistrationOptions, type ReportSlip } from '@/services/api/registration'
import type { ApiError } from '@/services/api/types'
import { ReasonDialog } from '@/pages/secretary/shared/reason-dialog'
import { UnitSwitcher } from '../shared/unit-switcher'
import { useActiveUnit } from '../shared/use-active-unit'
import './index.scss'

const RESULT_TAG: Record<ReportSlip['result'], 'default' | 'warning' | 'success' | 'danger'> = {
  awaiting: 'default',
  pending: 'warning',
  reported: 'success',
  returned: 'danger',
  cancelled: 'default',
}

type SlipForm = { memberName: string; memberPhone: string; partyStanding: '正式' | '预备'; communityId: string; reportBy: string }
const EMPTY: SlipForm = { memberName: '', memberPhone: '', partyStanding: '正式', communityId: '', reportBy: '' }

/** 报到单: the unit issues slips to its in-service members and sees each one's result (the community's 回执). */
export default function UnitSlipsPage() {
  const { units, active, askFor, choose } = useActiveUnit()
  const unitId = active?.id
  const list = usePagedList<ReportSlip>(10)
  const [options, setOptions] = useState<RegistrationOptions | null>(null)
  const [issuing, setIssuing] = useState(false)
  const [form, setForm] = useState<SlipForm>(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [noting, setNoting] = useState<ReportSlip | null>(null)

  const listedUnit = useRef(askFor)
  const reload = (quiet = false, unit = askFor) => {
    listedUnit.current = unit
    return list.reload((page) => registrationApi.listSlips(page, unit), quiet)
  }
  // Another unit's slips (chosen on the statistics page meanwhile) make way for a loading state.
  useDidShow(() => void reload(list.loaded && listedUnit.current === askFor))
  usePullDownRefresh(() => void reload(true))
  useReachBottom(() => void list.loadMore())

  const openForm = async () => {
    setIssuing(true)
    if (options) return
    const result = await registrationApi.options()
    if (result.ok) setOptions(result.data)
  }

  const district = options?.districts.find((d) => d.units.some((u) => u.id === unitId))
  const paired = new Set(district?.units.find((u) => u.id === unitId)?.pairedCommunityIds ?? [])
  const communities = (district?.streets.flatMap((s) => s.communities) ?? []).sort((a, b) => Number(paired.has(b.id)) - Number(paired.has(a.id)))

  const set = (changes: Partial<SlipForm>) => {
    setForm({ ...form, ...changes })
    setFormError(null)
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => !(key in changes))))
  }

  // The communities offered depend on the unit, whichever page it was switched on.
  useEffect(() => set({ communityId: '' }), [unitId])

  const switchUnit = (id: string) => {
    choose(id)
    void reload(false, id)
  }

  const issue = async () => {
    setSaving(true)
    const result = await registrationApi.issueSlip({ ...(form as IssueSlipData), unitId: askFor })
    setSaving(false)
    if (!result.ok) {
      setErrors(result.error.fields ?? {})
      setFormError(result.error.fields ? '请按红字提示修改' : result.error.message)
      return
    }
    setIssuing(false)
    setForm(EMPTY)
    void reload(true)
    void Taro.showModal({ title: '报到单已开具', content: `报到码 ${result.data.code}，请发给 ${result.data.memberName} 同志，凭码在「党员报到登记」中填写。`, showCancel: false, confirmText: '好的' })
  }

  const copy = (slip: ReportSlip) =>
    void Taro.setClipboardData({ data: `${slip.memberName}同志：请凭报到码 ${slip.code} 到${slip.communityName}报到，打开 ${slip.linkPath} 填写报到登记表。` })
      .then(() => Taro.showToast({ title: '已复制，可粘贴发送', icon: 'none' }))
      .catch(() => Taro.showToast({ title: `报到码 ${slip.code}`, icon: 'none' }))

  const cancel = async (slip: ReportSlip) => {
    const { confirm } = await Taro.showModal({ title: '作废报到单', content: `作废 ${slip.memberName} 的报到单 ${slip.code}？作废后该码不能再用。`, confirmText: '作废', cancelText: '保留' })
    if (!confirm) return
    const result = await registrationApi.cancelSlip(slip.id)
    void Taro.showToast({ title: result.ok ? '已作废' : result.error.message, icon: 'none' })
    void reload(true)
  }

  const note = async (reason: string): Promise<ApiError | null> => {
    if (!noting) return null
    const result = await registrationApi.noteNotReported(noting.id, reason)
    if (!result.ok) return result.error
    setNoting(null)
    void reload(true)
    return null
  }

  return (
    <PageShell title="报到单" tab="unit-slips" elderToggle>
      <UnitSwitcher units={units} active={active} onChange={switchUnit} />
      {issuing ? (
        <View className="slips__form">
          <Text className="slips__heading">{units.length > 1 ? `为${active?.name}开具在职党员社区报到单` : '开具在职党员社区报到单'}</Text>
          <FormRow label="党员姓名" required error={errors.memberName}>
            <Input name="memberName" value={form.memberName} maxLength={30} onChange={(memberName) => set({ memberName })} />
          </FormRow>
          <FormRow label="党员手机号码" required hint="党员报到时须用这个号码" error={errors.memberPhone}>
            <Input name="memberPhone" type="number" maxLength={11} value={form.memberPhone} onChange={(memberPhone) => set({ memberPhone })} />
          </FormRow>
          <FormRow label="党员身份" required error={errors.partyStanding}>
            <View className="slips__chips">
              {(['正式', '预备'] as const).map((standing) => (
                <View key={standing} className={`slips__chip${form.partyStanding === standing ? ' slips__chip--chosen' : ''}`} onClick={() => set({ partyStanding: standing })}>
                  {standing}党员
                </View>
              ))}
            </View>
          </FormRow>
          <FormRow label="报到社区" required hint="结对共建的社区排在前面" error={errors.communityId}>
            <View className="slips__chips">
              {communities.map((c) => (
                <View key={c.id} className={`slips__chip${form.communityId === c.id ? ' slips__chip--chosen' : ''}`} onClick={() => set({ communityId: c.id })}>
                  {c.name}
                  {paired.has(c.id) ? '（结对）' : ''}
                </View>
              ))}
            </View>
          </FormRow>
          <FormRow label="报到截止日期" required hint="例如 2026-12-31" error={errors.reportBy}>
            <Input name="reportBy" value={form.reportBy} maxLength={10} placeholder="年-月-日" onChange={(reportBy) => set({ reportBy })} />
          </FormRow>
          {formError && <View className="slips__form-error">{formError}</View>}
          <View className="slips__form-actions">
            <PrimaryAction loading={saving} disabled={saving} onClick={() => void issue()}>
              开具报到单
            </PrimaryAction>
            <Button block fill="none" onClick={() => setIssuing(false)}>
              取消
            </Button>
          </View>
        </View>
      ) : (
        <View className="slips__top">
          <Button type="primary" block size="large" onClick={() => void openForm()}>
            ＋ 开具报到单
          </Button>
        </View>
      )}
      <PageShell
        requireLogin={false}
        status={shellStatusOf(list.status, list.items.length)}
        error={list.error}
        onRetry={() => void reload()}
        empty={{ title: '还没有开具报到单', hint: '为本单位的在职党员开具报到单，党员凭码到社区报到' }}
      >
        <View className="slips">
          <Text className="slips__count">共 {list.total} 张</Text>
          {list.items.map((slip) => (
            <View key={slip.id} className="slip-card">
              <View className="slip-card__head">
                <Text className="slip-card__name">{slip.memberName}</Text>
                <Tag type={RESULT_TAG[slip.result]}>{slip.resultLabel}</Tag>
              </View>
              <Text className="slip-card__line">{slip.memberPhoneMasked} · {slip.partyStanding}党员 · 到 {slip.communityName}</Text>
              <Text className="slip-card__line">报到码 <Text className="slip-card__code">{slip.code}</Text> · {slip.reportBy} 前报到{slip.overdue ? '（已逾期）' : ''}</Text>
              {slip.result === 'reported' && (
                <View className="slip-card__receipt">
                  回执：已于 {slip.reportedOn} 到 {slip.reportedCommunity} 报到，认领岗位 {slip.claimedPosts.join('、')}
                </View>
              )}
              {slip.returnReason && <View className="slip-card__reason">社区退回：{slip.returnReason}</View>}
              {slip.notReportedReason && <View className="slip-card__note">未报到原因：{slip.notReportedReason}</View>}
              {slip.result !== 'reported' && slip.result !== 'cancelled' && (
                <View className="slip-card__buttons">
                  <Button size="small" fill="outline" type="primary" onClick={() => copy(slip)}>
                    复制报到码
                  </Button>
                  <Button size="small" fill="outline" onClick={() => setNoting(slip)}>
                    未报到原因
                  </Button>
                  {slip.result !== 'pending' && (
                    <Button size="small" fill="none" onClick={() => void cancel(slip)}>
                      作废
                    </Button>
                  )}
                </View>
              )}
            </View>
          ))}
          <ListFooter shown={list.items.length} total={list.total} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} unit="项" />
        </View>
      </PageShell>
      <ReasonDialog
        visible={noting !== null}
        title="未报到的主要原因"
        hint={`${noting?.memberName ?? ''} 同志尚未到社区报到，原因会列入报到情况统计表。`}
        placeholder="例如：长期外地出差"
        confirmText="保存"
        onSubmit={note}
        onClose={() => setNoting(null)}
      />
    </PageShell>
  )
}
