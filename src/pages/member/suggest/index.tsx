import { useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { SUGGESTION_BODY, SUGGESTION_CATEGORIES } from '@core/assessment/suggestion-categories'
import { ChoiceChips } from '@/components/choice-chips'
import { DraftNotice } from '@/components/draft-notice'
import { FormBanner } from '@/components/form-banner'
import { FormRow } from '@/components/form-row'
import { FormSection } from '@/components/form-section'
import { PageShell } from '@/components/page-shell'
import { useElderMode } from '@/hooks/use-elder-mode'
import { useSession } from '@/hooks/use-session'
import { suggestionsApi } from '@/services/api/suggestions'
import { formDraft } from '@/services/form-draft'
import { ROUTES } from '@/services/navigation'
import { useDraftForm } from '../shared/use-draft-form'
import './index.scss'

type SuggestionForm = { category: string; body: string }

const EMPTY: SuggestionForm = { category: '', body: '' }
const DRAFT_KEY = 'draft.suggestion'
const CATEGORY_OPTIONS = SUGGESTION_CATEGORIES.map((category) => ({ value: category, text: category }))

/** What the form checks before sending; the server checks the same and names the same fields. */
function problemsOf(form: SuggestionForm): Record<string, string> {
  const problems: Record<string, string> = {}
  const body = form.body.trim()
  if (!form.category) problems.category = '请选择建议类别'
  if (!body) problems.body = '请填写建议内容'
  else if (body.length < SUGGESTION_BODY.min) problems.body = `建议内容至少需要${SUGGESTION_BODY.min}个字`
  return problems
}

/** 提建议: a member's suggestion to their community (004 §二.2(3)); the half-written one is kept on the phone. */
export default function SuggestPage() {
  const [elder] = useElderMode()
  const userId = useSession()?.profile.userId ?? null
  const draft = useMemo(() => formDraft(DRAFT_KEY, EMPTY, userId), [userId])
  const { form, setForm, set, errors, setErrors, banner, refused } = useDraftForm<SuggestionForm>(draft, EMPTY)
  const [restored, setRestored] = useState(false)
  const [submitting, setSubmitting] = useState(false)

  useEffect(() => {
    if (!userId) return
    const saved = draft.load()
    if (saved) setForm(saved)
    setRestored(Boolean(saved && (saved.category || saved.body)))
  }, [draft, userId])

  const clearDraft = () => {
    draft.clear()
    setRestored(false)
    setForm(EMPTY)
  }

  const submit = async () => {
    const problems = problemsOf(form)
    setErrors(problems)
    if (Object.keys(problems).length > 0) return
    setSubmitting(true)
    const result = await suggestionsApi.submit({ category: form.category, body: form.body.trim() })
    setSubmitting(false)
    if (!result.ok) {
      // What was typed stays; the server's words go under the fields it names, or above the form.
      refused(result.error)
      return
    }
    draft.clear()
    void Taro.showToast({ title: '建议已提交', icon: 'success' })
    void Taro.redirectTo({ url: ROUTES.memberSuggestions })
  }

  return (
    <PageShell title="提建议" backTo={ROUTES.memberSuggestions} elderToggle>
      <View className="suggest">
        <Text className="suggest__intro">
          {elder ? '有什么想法，写下来交给社区，书记会答复您。' : '对社区治理、环境卫生、为民服务等有想法，写下来交给社区党组织，书记会答复或转交有关部门。'}
        </Text>
        {restored && <DraftNotice text={elder ? '上次没写完的已经帮您留着了' : '已恢复您上次没写完的建议'} clearText="清空重写" onClear={clearDraft} />}
        <FormBanner message={banner} />
        <FormSection>
          <FormRow label="建议类别" required error={errors.category}>
            <ChoiceChips options={CATEGORY_OPTIONS} value={form.category || null} onChange={(category) => set({ category })} />
          </FormRow>
          <FormRow label="建议内容" required hint={`${SUGGESTION_BODY.min}到${SUGGESTION_BODY.max}个字，说清哪里、什么问题、怎么改`} error={errors.body}>
            <TextArea
              className="suggest__body"
              value={form.body}
              maxLength={SUGGESTION_BODY.max}
              showCount
              autoSize
              placeholder="例如：小区东门路灯坏了，晚上很暗，建议尽快维修"
              onChange={(body) => set({ body })}
            />
          </FormRow>
        </FormSection>
        <View className="suggest__actions">
          <Button type="primary" size="large" block loading={submitting} disabled={submitting} onClick={() => void submit()}>
            提交建议
          </Button>
        </View>
      </View>
    </PageShell>
  )
}
