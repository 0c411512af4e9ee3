import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { ChoiceChips } from '@/components/choice-chips'
import { FormBanner } from '@/components/form-banner'
import { FormRow } from '@/components/form-row'
import { FormSection } from '@/components/form-section'
import { InfoRow } from '@/components/info-row'
import { ListFooter } from '@/components/list-footer'
import { PageShell, PrimaryAction } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { useFormErrors } from '@/hooks/use-form-errors'
import { useLeaveGuard } from '@/hooks/use-leave-guard'
import { shellStatusOf, usePagedList } from '@/hooks/use-paged-list'
import { registrationApi, type RegistrationOptions, type ReportSlip } from '@/services/api/registration'
import type { ApiError } from '@/services/api/types'
import { formatDate } from '@/services/beijing-time'
import { slipStatusWord } from '@/services/status-words'
import { ReasonDialog } from '@/pages/secretary/shared/reason-dialog'
import { UnitSwitcher } from '../shared/unit-switcher'
import { useActiveUnit } from '../shared/use-active-unit'
import { ShareDialog, copySlip, printSlip } from './share-dialog'
import { EMPTY_SLIP, slipFormErrors, type SlipField, type SlipForm } from './slip-form'
import './index.scss'

const STANDINGS = [
  { value: '正式' as const, text: '正式党员' },
  { value: '预备' as const, text: '预备党员' },
]

/** 报到单: the unit issues slips to its in-service members and sees each one's result (the community's 回执). */
export default function UnitSlipsPage() {
  const { units, active, askFor, choose } = useActiveUnit()
  const unitId = active?.id
  const list = usePagedList<ReportSlip>(10)
  const [options, setOptions] = useState<RegistrationOptions | null>(null)
  const [issuing, setIssuing] = useState(false)
  const [form, setForm] = useState<SlipForm>(EMPTY_SLIP)
  const { errors, banner, check, changed, refused } = useFormErrors(form, slipFormErrors)
  const [saving, setSaving] = useState(false)
  const [noting, setNoting] = useState<ReportSlip | null>(null)
  const [sharing, setSharing] = useState<ReportSlip | null>(null)
  useLeaveGuard(issuing && (form.memberName !== '' || form.memberPhone !== '' || form.reportBy !== ''))

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
    setForm((previous) => ({ ...previous, ...changes }))
    changed(Object.keys(changes) as SlipField[])
  }

  // The communities offered depend on the unit, whichever page it was switched on.
  useEffect(() => set({ communityId: '' }), [unitId])

  const switchUnit = (id: string) => {
    choose(id)
    void reload(false, id)
  }

  const issue = async () => {
    if (!check()) return
    setSaving(true)
    const result = await registrationApi.issueSlip({ ...form, memberName: form.memberName.trim(), memberPhone: form.memberPhone.trim(), reportBy: form.reportBy.trim(), unitId: askFor })
    setSaving(false)
    if (!result.ok) {
      refused(result.error, (path) => (path in EMPTY_SLIP ? (path as SlipField) : undefined))
      return
    }
    setIssuing(false)
    setForm(EMPTY_SLIP)
    void reload(true)
    const { confirm } = await Taro.showModal({
      title: '报到单已开具',
      content: `报到码 ${result.data.code}，请发给 ${result.data.memberName} 同志：可复制报到链接发送，或保存二维码图片打印。`,
      confirmText: '分享',
      cancelText: '稍后',
    })
    if (confirm) setSharing(result.data)
  }

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
          <FormSection>
            <FormRow label="党员姓名" required error={errors.memberName}>
              <Input name="memberName" value={form.memberName} maxLength={30} placeholder="党员的真实姓名" onChange={(memberName) => set({ memberName })} />
            </FormRow>
            <FormRow label="党员手机号码" required hint="党员报到时须用这个号码" error={errors.memberPhone}>
              <Input name="memberPhone" type="number" maxLength={11} value={form.memberPhone} placeholder="11位手机号码" onChange={(memberPhone) => set({ memberPhone })} />
            </FormRow>
            <FormRow label="党员身份" required error={errors.partyStanding}>
              <ChoiceChips options={STANDINGS} value={form.partyStanding} onChange={(partyStanding) => set({ partyStanding })} />
            </FormRow>
            <FormRow label="报到社区" required hint="结对共建的社区排在前面" error={errors.communityId}>
              <ChoiceChips
                options={communities.map((c) => ({ value: c.id, text: paired.has(c.id) ? `${c.name}（结对）` : c.name }))}
                value={form.communityId || null}
                onChange={(communityId) => set({ communityId })}
              />
            </FormRow>
            <FormRow label="报到截止日期" required hint="党员须在这天之前报到（含当天），过期才算未报到" error={errors.reportBy}>
              <Input name="reportBy" value={form.reportBy} maxLength={10} placeholder="例如 2026-12-31" onChange={(reportBy) => set({ reportBy })} />
            </FormRow>
          </FormSection>
          <FormBanner message={banner} />
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
          {list.items.map((slip) => {
            const word = slipStatusWord(slip)
            return (
              <Card key={slip.id} className="slip-card" title={slip.memberName} extra={<StatusTag tone={word.tone}>{word.text}</StatusTag>}>
                <InfoRow label="手机" value={`${slip.memberPhoneMasked} · ${slip.partyStanding}党员`} />
                <InfoRow label="报到社区" value={slip.communityName} />
                <InfoRow label="报到码" value={<Text className="slip-card__code">{slip.code}</Text>} />
                <InfoRow label="截止日期" value={`${formatDate(slip.reportBy)} 前报到${slip.overdue ? '（已过期）' : ''}`} />
                {slip.result === 'reported' && (
                  <View className="slip-card__receipt">
                    回执：已于 {slip.reportedOn ? formatDate(slip.reportedOn) : ''} 到 {slip.reportedCommunity} 报到，认领岗位 {slip.claimedPosts.join('、')}
                  </View>
                )}
                {slip.returnReason && <View className="slip-card__reason">社区退回：{slip.returnReason}</View>}
                {slip.notReportedReason && <View className="slip-card__note">未报到原因：{slip.notReportedReason}</View>}
                {slip.result !== 'cancelled' && (
                  <View className="slip-card__buttons">
                    {slip.result !== 'reported' && (
                      <>
                        <Button size="small" fill="outline" type="primary" onClick={() => copySlip(slip)}>
                          复制报到链接
                        </Button>
                        <Button size="small" fill="outline" type="primary" onClick={() => setSharing(slip)}>
                          二维码
                        </Button>
                      </>
                    )}
                    <Button className="slip-card__print" size="small" fill="outline" type="primary" onClick={() => void printSlip(slip)}>
                      {slip.result === 'reported' ? '打印报到单及回执' : '打印报到单'}
                    </Button>
                    {slip.result !== 'reported' && (
                      <Button size="small" fill="outline" onClick={() => setNoting(slip)}>
                        未报到原因
                      </Button>
                    )}
                    {slip.result !== 'pending' && slip.result !== 'reported' && (
                      <Button size="small" fill="none" onClick={() => void cancel(slip)}>
                        作废
                      </Button>
                    )}
                  </View>
                )}
              </Card>
            )
          })}
          <ListFooter shown={list.items.length} total={list.total} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} unit="项" />
        </View>
      </PageShell>
      <ShareDialog slip={sharing} onClose={() => setSharing(null)} />
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
