import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ChoiceChips } from '@/components/choice-chips'
import { FormRow } from '@/components/form-row'
import { teamsApi, type TeamSummary } from '@/services/api/teams'

const NONE = 'none'

/** 集中性活动: the community's live teams to mark this activity as one of theirs; nothing shown while it has none. */
export function TeamPicker({ value, error, onChange }: { value: string; error?: string; onChange: (teamId: string) => void }) {
  const [teams, setTeams] = useState<TeamSummary[]>([])

  useEffect(() => {
    let current = true
    void teamsApi.list().then((result) => {
      if (current && result.ok) setTeams(result.data.items)
    })
    return () => {
      current = false
    }
  }, [])

  if (teams.length === 0 && !value) return null
  const options = [{ value: NONE, text: '不是' }, ...teams.map((team) => ({ value: team.id, text: team.name }))]
  const chosen = teams.find((team) => team.id === value)
  return (
    <FormRow label="集中性活动" hint="标为服务队的集中性活动，活动完成后计入该队本年的次数" error={error}>
      <View className="create-order__teams">
        <ChoiceChips options={options} value={value || NONE} onChange={(next) => onChange(next === NONE ? '' : next)} />
        {chosen && <Text className="create-order__team-note">{chosen.name}集中性活动 · 本年已开展 {chosen.focusedActivityCount} 次</Text>}
      </View>
    </FormRow>
  )
}
