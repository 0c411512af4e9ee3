import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { ChoiceChips } from '@/components/choice-chips'
import { FormBanner } from '@/components/form-banner'
import { FormRow } from '@/components/form-row'
import { FormSection } from '@/components/form-section'
import { commitmentsApi, type Commitment } from '@/services/api/commitments'
import { teamsApi } from '@/services/api/teams'

type TeamChoice = { value: string; text: string }

/** The secretary commits one of the community's teams to a 实事 for a 帮扶对象 (001 §五.(三)二), as its captain may. */
export function TeamCommitForm({ onCommitted }: { onCommitted: (commitment: Commitment) => void }) {
  const [open, setOpen] = useState(false)
  const [teams, setTeams] = useState<TeamChoice[] | null>(null)
  const [teamId, setTeamId] = useState<string | null>(null)
  const [beneficiary, setBeneficiary] = useState('')
  const [content, setContent] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [banner, setBanner] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)

  useEffect(() => {
    if (!open || teams) return
    void teamsApi.list().then((result) => {
      if (!result.ok) {
        setBanner(result.error.message)
        return
      }
      setTeams(result.data.items.map((team) => ({ value: team.id, text: team.name })))
    })
  }, [open, teams])

  const submit = async () => {
    const problems: Record<string, string> = {}
    if (!teamId) problems.teamId = '请选择服务队'
    if (!beneficiary.trim()) problems.beneficiary = '请填写帮扶对象'
    if (content.trim().length < 2) problems.content = content.trim() ? '承诺内容至少需要2个字' : '请填写承诺内容'
    setErrors(problems)
    if (Object.keys(problems).length > 0) return
    setSubmitting(true)
    const result = await commitmentsApi.commit({ teamId: teamId!, beneficiary: beneficiary.trim(), content: content.trim() })
    setSubmitting(false)
    if (!result.ok) {
      setErrors(result.error.fields ?? {})
      if (!result.error.fields) setBanner(result.error.message)
      return
    }
    setBeneficiary('')
    setContent('')
    setOpen(false)
    onCommitted(result.data)
  }

  if (!open) {
    return (
      <View className="team-commit__open">
        <Button size="small" fill="outline" type="primary" onClick={() => setOpen(true)}>
          为服务队承诺实事
        </Button>
      </View>
    )
  }

  return (
    <View className="team-commit">
      <FormSection title="为服务队承诺实事" hint="服务队为帮扶对象承诺一件实事，办完后由队长或书记填报完成情况，再由书记确认。">
        <FormBanner message={banner} />
        <FormRow label="服务队" required error={errors.teamId}>
          {teams === null ? (
            <Text>正在读取服务队…</Text>
          ) : teams.length === 0 ? (
            <Text>本社区还没有服务队</Text>
          ) : (
            <ChoiceChips options={teams} value={teamId} onChange={(value) => { setTeamId(value); setErrors({}) }} />
          )}
        </FormRow>
        <FormRow label="帮扶对象" required error={errors.beneficiary}>
          <Input name="beneficiary" value={beneficiary} maxLength={60} placeholder="例如：幸福里小区困难户" onChange={(value) => { setBeneficiary(value); setErrors({}) }} />
        </FormRow>
        <FormRow label="承诺内容" required error={errors.content}>
          <TextArea value={content} maxLength={300} showCount autoSize placeholder="例如：为困难户修缮屋顶" onChange={(value) => { setContent(value); setErrors({}) }} />
        </FormRow>
        <View className="team-commit__buttons">
          <Button fill="outline" onClick={() => setOpen(false)}>
            取消
          </Button>
          <Button type="primary" loading={submitting} disabled={submitting} onClick={() => void submit()}>
            提交承诺
          </Button>
        </View>
      </FormSection>
    </View>
  )
}
