import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Dialog, Input } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { ChoiceChips } from '@/components/choice-chips'
import { DialogField } from '@/components/dialog-field'
import { InfoRow } from '@/components/info-row'
import { PageShell } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { useShownDetail } from '@/hooks/use-shown-detail'
import { teamsApi, type TeamKind, type TeamList, type TeamSummary } from '@/services/api/teams'
import { PROFILE_PAGE, ROUTES } from '@/services/navigation'
import { teamTag, teamYearLines } from '../shared/team-words'
import './index.scss'

const KIND_CHOICES: { value: TeamKind; text: string }[] = [
  { value: 'service_team', text: '服务队' },
  { value: 'studio', text: '党员工作室' },
  { value: 'need', text: '需求组团' },
  { value: 'skill', text: '专长组团' },
]

const ORIGIN_TEXT = { chosen: '本年选定', earlier_year: '沿用往年', default: '默认' } as const

/** 服务队: the community's teams, each with its captain, members and this year's 集中性活动 against the rule's target. */
export default function TeamsPage() {
  const fetchTeams = useCallback(() => teamsApi.list(), [])
  const { data, status, error, reload } = useShownDetail<TeamList>(fetchTeams, '找不到服务队')
  const [creating, setCreating] = useState(false)
  const items = data?.items ?? []

  return (
    <PageShell
      title="服务队"
      backTo={PROFILE_PAGE}
      elderToggle
      status={status === 'ready' && items.length === 0 ? 'empty' : status}
      error={error}
      onRetry={() => void reload()}
      empty={{ title: '还没有服务队', hint: '建好服务队后，下单时可把社区活动标为它的集中性活动', actionText: '新建服务队', onAction: () => setCreating(true) }}
    >
      {data && (
        <View className="teams">
          <View className="teams__head">
            <Text className="teams__rule">
              {data.owner.name} · {data.year}年考核规则：{data.ruleSet.name}（{ORIGIN_TEXT[data.ruleSet.origin]}）
            </Text>
            <Button className="teams__create" type="primary" onClick={() => setCreating(true)}>
              新建服务队
            </Button>
          </View>
          {items.map((team) => (
            <TeamCard key={team.id} team={team} />
          ))}
        </View>
      )}
      <CreateTeamDialog
        visible={creating}
        onClose={() => setCreating(false)}
        onCreated={(teamId) => {
          setCreating(false)
          void Taro.navigateTo({ url: ROUTES.secretaryTeam(teamId) })
        }}
      />
    </PageShell>
  )
}

function TeamCard({ team }: { team: TeamSummary }) {
  const tag = teamTag(team)
  return (
    <Card
      className="teams__card"
      title={team.name}
      extra={tag && <StatusTag tone={tag.tone}>{tag.text}</StatusTag>}
      onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryTeam(team.id) })}
    >
      <InfoRow label="类型" value={team.kindLabel} />
      <InfoRow label="队长" value={team.captain?.name ?? '暂无队长'} />
      <InfoRow label="队员" value={`${team.memberCount} 人`} />
      {teamYearLines(team).map((line) => (
        <Text key={line} className="teams__line">
          {line}
        </Text>
      ))}
    </Card>
  )
}

function CreateTeamDialog({ visible, onClose, onCreated }: { visible: boolean; onClose: () => void; onCreated: (teamId: string) => void }) {
  const [kind, setKind] = useState<TeamKind>('service_team')
  const [name, setName] = useState('')
  const [fieldError, setFieldError] = useState<string | null>(null)

  const confirm = async () => {
    const value = name.trim()
    if (!value) {
      setFieldError('请填写服务队名称')
      throw new Error('name required')
    }
    const result = await teamsApi.create({ kind, name: value })
    if (!result.ok) {
      setFieldError(result.error.fields?.name ?? result.error.fields?.kind ?? result.error.message)
      throw new Error(result.error.code)
    }
    setName('')
    onCreated(result.data.id)
  }

  return (
    <Dialog visible={visible} title="新建服务队" confirmText="新建" cancelText="取消" onConfirm={confirm} onCancel={onClose} onClose={onClose}>
      <View className="teams__kinds">
        <ChoiceChips options={KIND_CHOICES} value={kind} onChange={setKind} />
      </View>
      <DialogField hint="名称在本社区（单位）内不能重复，最多40个字" error={fieldError}>
        <Input
          className="dialog-field__input"
          name="name"
          value={name}
          placeholder="例如：红色先锋服务队"
          maxLength={40}
          onChange={(value) => {
            setName(value)
            setFieldError(null)
          }}
        />
      </DialogField>
    </Dialog>
  )
}
