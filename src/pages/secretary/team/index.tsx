import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { BroadcastDialog } from '@/components/broadcast-dialog'
import { Card } from '@/components/card'
import { InfoRow } from '@/components/info-row'
import { PageShell } from '@/components/page-shell'
import { SearchBox, useSearchQuery } from '@/components/search-box'
import { StatusTag } from '@/components/status-tag'
import { TextDialog } from '@/components/text-dialog'
import { useShownDetail } from '@/hooks/use-shown-detail'
import { teamsApi, type TeamCandidate, type TeamDetail, type TeamMember } from '@/services/api/teams'
import type { ApiError, ApiResult } from '@/services/api/types'
import { formatSpan } from '@/services/beijing-time'
import { ROUTES } from '@/services/navigation'
import { activityCountText, teamTag, teamYearLines } from '../shared/team-words'
import './index.scss'

const TYPE_TEXT: Record<string, string> = { in_service: '在职党员', community: '社区党员', probationary: '预备党员', activist: '入党积极分子' }

/** 服务队详情: members and captain (add with a search, remove, set captain), this year's 集中性活动, rename and archive. */
export default function TeamPage() {
  const { params } = useRouter()
  const teamId = params.id ? decodeURIComponent(params.id) : ''
  const fetchTeam = useCallback(() => teamsApi.detail(teamId), [teamId])
  const { data: team, setData: setTeam, status, error, reload } = useShownDetail<TeamDetail>(teamId ? fetchTeam : null, '找不到该服务队')
  const [picking, setPicking] = useState(false)
  const [renaming, setRenaming] = useState(false)
  const [broadcasting, setBroadcasting] = useState(false)

  /** Shows the team as the server now has it, or says why the change was refused. */
  const apply = async (change: Promise<ApiResult<TeamDetail>>, done: string) => {
    const result = await change
    if (!result.ok) {
      void Taro.showModal({ title: '没有改成', content: result.error.message, showCancel: false })
      return false
    }
    setTeam(result.data)
    void Taro.showToast({ title: done, icon: 'none' })
    return true
  }

  const confirmThen = async (title: string, content: string, confirmText: string, run: () => Promise<unknown>) => {
    const answer = await Taro.showModal({ title, content, confirmText, cancelText: '取消' })
    if (answer.confirm) await run()
  }

  const rename = async (name: string): Promise<ApiError | null> => {
    if (!team) return null
    const result = await teamsApi.rename(team.id, name)
    if (!result.ok) return result.error
    setTeam(result.data)
    setRenaming(false)
    return null
  }

  const tag = team && teamTag(team)
  const live = team ? !team.archived : false

  return (
    <PageShell title="服务队详情" backTo={ROUTES.secretaryTeams} elderToggle status={status} error={error} onRetry={() => void reload()}>
      {team && (
        <View className="team">
          <Card className="team__card" title={team.name} extra={tag && <StatusTag tone={tag.tone}>{tag.text}</StatusTag>}>
            <InfoRow label="类型" value={team.kindLabel} />
            <InfoRow label="所属" value={team.owner.name} />
            <InfoRow label="队长" value={team.captain?.name ?? '暂无队长'} />
            {team.description && <InfoRow label="简介" value={team.description} />}
            <InfoRow label="考核" value={`${team.year}年 · ${team.ruleSet.name}`} />
            {teamYearLines(team).map((line) => (
              <Text key={line} className="team__line">
                {line}
              </Text>
            ))}
          </Card>

          <View className="team__section">
            <Text>队员（{team.members.length}人）</Text>
            {live && (
              <Button size="small" type="primary" fill={picking ? 'outline' : 'solid'} onClick={() => setPicking(!picking)}>
                {picking ? '收起' : '添加队员'}
              </Button>
            )}
          </View>
          {picking && <MemberPicker teamId={team.id} ownerName={team.owner.name} onAdd={(memberId, name) => apply(teamsApi.addMembers(team.id, [memberId]), `已加入${name}`)} />}
          <Card className="team__people">
            {team.members.length === 0 && <Text className="team__none">还没有队员，点「添加队员」从{team.owner.name}的党员中选择</Text>}
            {team.members.map((member) => (
              <MemberRow
                key={member.memberId}
                member={member}
                editable={live}
                onCaptain={() => void apply(teamsApi.setCaptain(team.id, member.memberId), `${member.name}已任队长`)}
                onRemove={() =>
                  void confirmThen('移出队员', `把${member.name}移出${team.name}？${member.captain ? '移出后服务队暂无队长。' : ''}`, '移出', () =>
                    apply(teamsApi.removeMember(team.id, member.memberId), `已移出${member.name}`),
                  )
                }
              />
            ))}
          </Card>
          {live && team.members.length > 0 && (
            <Button className="team__broadcast" size="large" block fill="outline" type="primary" onClick={() => setBroadcasting(true)}>
              发通知给全体队员
            </Button>
          )}

          <View className="team__section">
            <Text>{team.year}年集中性活动</Text>
            {live && team.owner.kind === 'community' && (
              <Button size="small" type="primary" fill="outline" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryTeamActivity(team.id) })}>
                发布活动
              </Button>
            )}
          </View>
          <Card className="team__activities">
            {team.activities.length === 0 && <Text className="team__none">本年还没有集中性活动：发布社区活动时选择「{team.name}」即可</Text>}
            {team.activities.map((activity) => (
              <View key={activity.orderId} className="team__activity" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryOrderDetail(activity.orderId) })}>
                <View className="team__activity-main">
                  <Text className="team__activity-title">{activity.title}</Text>
                  <Text className="team__activity-meta">{formatSpan(activity.startsAt, activity.endsAt)} · 签到 {activity.attended} 人</Text>
                </View>
                <StatusTag tone={activity.counts ? 'done' : activity.status === 'cancelled' ? 'muted' : 'waiting'}>{activityCountText(activity)}</StatusTag>
              </View>
            ))}
          </Card>

          {live && (
            <View className="team__buttons">
              <Button className="team__button" fill="outline" type="primary" onClick={() => setRenaming(true)}>
                改名
              </Button>
              <Button
                className="team__button"
                fill="outline"
                type="default"
                onClick={() =>
                  void confirmThen('撤销服务队', `撤销后${team.name}不能再修改，也不能再标为集中性活动；往年的记录保留。`, '撤销', () =>
                    apply(teamsApi.archive(team.id), '服务队已撤销'),
                  )
                }
              >
                撤销服务队
              </Button>
            </View>
          )}
        </View>
      )}
      {team && (
        <BroadcastDialog
          visible={broadcasting}
          to={{ teamId: team.id }}
          audience={`${team.name}的 ${team.members.length} 位队员`}
          onClose={() => setBroadcasting(false)}
        />
      )}
      <TextDialog
        visible={renaming}
        title="服务队改名"
        hint="名称在本社区（单位）内不能重复，最多40个字"
        placeholder={team?.name ?? ''}
        confirmText="保存"
        field="name"
        emptyMessage="请填写服务队名称"
        maxLength={40}
        lines="one"
        onSubmit={rename}
        onClose={() => setRenaming(false)}
      />
    </PageShell>
  )
}

function MemberRow({ member, editable, onCaptain, onRemove }: { member: TeamMember; editable: boolean; onCaptain: () => void; onRemove: () => void }) {
  return (
    <View className="team__person">
      <View className="team__person-main">
        <View className="team__person-name">
          <Text>{member.name}</Text>
          {member.captain && <StatusTag tone="active">队长</StatusTag>}
        </View>
        <Text className="team__person-meta">
          {[member.volunteerNo, TYPE_TEXT[member.memberType], member.gridName].filter(Boolean).join(' · ')}
        </Text>
      </View>
      {editable && (
        <View className="team__person-actions">
          {!member.captain && (
            <Button size="small" fill="outline" type="primary" onClick={onCaptain}>
              设为队长
            </Button>
          )}
          <Button size="small" fill="outline" type="default" onClick={onRemove}>
            移出
          </Button>
        </View>
      )}
    </View>
  )
}

/** Finds members who may join (by name, phone ending or volunteer number) and adds one at a tap. */
function MemberPicker({ teamId, ownerName, onAdd }: { teamId: string; ownerName: string; onAdd: (memberId: string, name: string) => Promise<boolean> }) {
  const search = useSearchQuery()
  const [candidates, setCandidates] = useState<TeamCandidate[] | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  const load = useCallback(async () => {
    const result = await teamsApi.candidates(teamId, search.query)
    if (result.ok) {
      setCandidates(result.data.items)
      setFailure(null)
    } else setFailure(result.error.message)
  }, [teamId, search.query])

  useEffect(() => void load(), [load])

  return (
    <Card className="team__picker">
      <SearchBox value={search.typed} onChange={search.setTyped} onSearch={search.searchNow} placeholder="姓名、手机尾号或义工编号" label="搜索党员" />
      {failure && <Text className="team__none">{failure}</Text>}
      {candidates?.length === 0 && <Text className="team__none">{search.query ? '没有找到可加入的党员' : `${ownerName}的党员都已在队中`}</Text>}
      {candidates?.map((candidate) => (
        <View key={candidate.memberId} className="team__person">
          <View className="team__person-main">
            <Text className="team__person-name">{candidate.name}</Text>
            <Text className="team__person-meta">
              {[candidate.volunteerNo, TYPE_TEXT[candidate.memberType], candidate.gridName].filter(Boolean).join(' · ')}
            </Text>
          </View>
          <Button
            size="small"
            type="primary"
            onClick={async () => {
              if (await onAdd(candidate.memberId, candidate.name)) void load()
            }}
          >
            加入
          </Button>
        </View>
      ))}
    </Card>
  )
}
