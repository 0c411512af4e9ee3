import { useCallback, useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { ChoiceChips } from '@/components/choice-chips'
import { FormBanner } from '@/components/form-banner'
import { FormRow } from '@/components/form-row'
import { FormSection } from '@/components/form-section'
import { InfoRow } from '@/components/info-row'
import { PageShell } from '@/components/page-shell'
import { StatusWordTag } from '@/components/status-word-tag'
import { TextDialog } from '@/components/text-dialog'
import { useElderMode } from '@/hooks/use-elder-mode'
import { useSession } from '@/hooks/use-session'
import { useShownDetail } from '@/hooks/use-shown-detail'
import { commitmentsApi, type Commitment } from '@/services/api/commitments'
import type { ApiError } from '@/services/api/types'
import { formatTime } from '@/services/beijing-time'
import { formDraft } from '@/services/form-draft'
import { PROFILE_PAGE } from '@/services/navigation'
import { COMMITMENT_STATUS_WORDS } from '@/services/status-words'
import { useDraftForm } from '../shared/use-draft-form'
import './index.scss'

type CommitForm = { who: string; beneficiary: string; content: string }

/** `who` is 'me' for the member's own 好事, else the id of a team they captain. */
const EMPTY: CommitForm = { who: 'me', beneficiary: '', content: '' }
const DRAFT_KEY = 'draft.commitment'

function problemsOf(form: CommitForm): Record<string, string> {
  const problems: Record<string, string> = {}
  if (!form.beneficiary.trim()) problems.beneficiary = '请填写帮扶对象'
  const content = form.content.trim()
  if (!content) problems.content = '请填写承诺内容'
  else if (content.length < 2) problems.content = '承诺内容至少需要2个字'
  return problems
}

/** 我的承诺: the member's 好事 (and their teams' 实事, as captain) for a 帮扶对象 — commit, report, see it confirmed or why it came back. */
export default function MyCommitmentsPage() {
  const [elder] = useElderMode()
  const userId = useSession()?.profile.userId ?? null
  const draft = useMemo(() => formDraft(DRAFT_KEY, EMPTY, userId), [userId])
  const { form, setForm, set, errors, setErrors, refused, banner } = useDraftForm<CommitForm>(draft, () => draft.load() ?? EMPTY)
  const [submitting, setSubmitting] = useState(false)
  const [reporting, setReporting] = useState<Commitment | null>(null)
  const fetchIt = useCallback(() => commitmentsApi.mine(), [])
  const { data, setData, status, error, reload } = useShownDetail(fetchIt, '')

  // Each account on a shared phone keeps its own draft.
  useEffect(() => setForm(draft.load() ?? EMPTY), [draft])

  const commit = async () => {
    const problems = problemsOf(form)
    setErrors(problems)
    if (Object.keys(problems).length > 0) return
    setSubmitting(true)
    const result = await commitmentsApi.commit({
      beneficiary: form.beneficiary.trim(),
      content: form.content.trim(),
      ...(form.who === 'me' ? {} : { teamId: form.who }),
    })
    setSubmitting(false)
    if (!result.ok) {
      refused(result.error)
      return
    }
    draft.clear()
    setForm(EMPTY)
    if (data) setData({ ...data, items: [result.data, ...data.items] })
    void Taro.showToast({ title: '承诺已提交', icon: 'success' })
  }

  const report = async (fulfilment: string): Promise<ApiError | null> => {
    if (!reporting) return null
    const result = await commitmentsApi.reportFulfilment(reporting.id, fulfilment)
    if (!result.ok) return result.error
    setReporting(null)
    if (data) setData({ ...data, items: data.items.map((item) => (item.id === result.data.id ? result.data : item)) })
    void Taro.showToast({ title: '已提交，等社区确认', icon: 'none' })
    return null
  }

  const whoOptions = [{ value: 'me', text: '我自己的好事' }, ...(data?.captainOf ?? []).map((team) => ({ value: team.id, text: `${team.name}的实事` }))]
  const items = data?.items ?? []
  const confirmed = items.filter((item) => item.status === 'confirmed' && item.year === data?.currentYear).length

  return (
    <PageShell title="我的承诺" backTo={PROFILE_PAGE} status={status} error={error} onRetry={() => void reload()} elderToggle>
      {data && (
        <View className="my-commitments">
          <Card tone="notice">
            <Text className="my-commitments__count">
              {elder
                ? `今年社区已确认 ${confirmed} 件好事`
                : `${data.currentYear}年已确认 ${confirmed} 件（为帮扶对象办的好事、实事，经社区确认后计入考核）`}
            </Text>
          </Card>

          <FormSection title="作出承诺" hint="为身边的帮扶对象承诺办一件好事，办完后填报完成情况，社区书记确认。">
            <FormBanner message={banner} />
            {whoOptions.length > 1 && (
              <FormRow label="以谁的名义" required>
                <ChoiceChips options={whoOptions} value={form.who} onChange={(who) => set({ who })} />
              </FormRow>
            )}
            <FormRow label="帮扶对象" required hint="谁，或哪一户" error={errors.beneficiary}>
              <Input name="beneficiary" value={form.beneficiary} maxLength={60} placeholder="例如：独居老人李阿姨" onChange={(beneficiary) => set({ beneficiary })} />
            </FormRow>
            <FormRow label="承诺内容" required error={errors.content}>
              <TextArea
                value={form.content}
                maxLength={300}
                showCount
                autoSize
                placeholder="例如：每月上门陪伴一次，帮忙打扫卫生"
                onChange={(content) => set({ content })}
              />
            </FormRow>
            <View className="my-commitments__actions">
              <Button type="primary" size="large" block loading={submitting} disabled={submitting} onClick={() => void commit()}>
                提交承诺
              </Button>
            </View>
          </FormSection>

          <Text className="my-commitments__title">我的承诺（{items.length}）</Text>
          {items.length === 0 ? (
            <Text className="my-commitments__none">还没有承诺。</Text>
          ) : (
            items.map((item) => <CommitmentCard key={item.id} commitment={item} onReport={() => setReporting(item)} />)
          )}
        </View>
      )}
      <TextDialog
        visible={reporting !== null}
        title={reporting?.status === 'returned' ? '重新填报完成情况' : '填报完成情况'}
        hint={`为「${reporting?.beneficiary ?? ''}」做了什么、哪天做的，社区书记看后确认。`}
        placeholder="例如：10月5日、10月19日上门打扫卫生"
        confirmText="提交"
        field="fulfilment"
        emptyMessage="请填写完成情况"
        maxLength={300}
        onSubmit={report}
        onClose={() => setReporting(null)}
      />
    </PageShell>
  )
}

function CommitmentCard({ commitment, onReport }: { commitment: Commitment; onReport: () => void }) {
  const [elder] = useElderMode()
  const word = COMMITMENT_STATUS_WORDS[commitment.status]
  const layout = elder ? 'stacked' : 'inline'
  const open = commitment.status === 'committed' || commitment.status === 'returned'
  return (
    <Card
      className="commitment-card"
      title={commitment.team ? `${commitment.team.name} · 实事` : '我的好事'}
      extra={<StatusWordTag word={word} />}
    >
      <InfoRow layout={layout} label="年度" value={`${commitment.year}年`} />
      <InfoRow layout={layout} label="帮扶对象" value={commitment.beneficiary} />
      <InfoRow layout={layout} label="承诺内容" value={commitment.content} />
      {commitment.fulfilment && <InfoRow layout={layout} label="完成情况" value={commitment.fulfilment} />}
      {commitment.status === 'returned' && commitment.returnReason && (
        <View className="commitment-card__returned">
          <Text>社区退回：{commitment.returnReason}</Text>
        </View>
      )}
      {commitment.confirmedAt && <InfoRow layout={layout} label="社区确认" value={formatTime(commitment.confirmedAt)} />}
      {open && (
        <View className="commitment-card__actions">
          <Button size="small" type="primary" onClick={onReport}>
            {commitment.status === 'returned' ? '补充后重新填报' : '填报完成情况'}
          </Button>
        </View>
      )}
    </Card>
  )
}
