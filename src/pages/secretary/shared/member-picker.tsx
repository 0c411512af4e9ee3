import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { volunteerRecordApi, type Candidate } from '@/services/api/volunteer-record'
import './member-picker.scss'

export interface MemberPickerProps {
  /** Picked members' ids. */
  value: string[]
  /** One member only (an honour), or several (a training). */
  single?: boolean
  onChange: (ids: string[], picked: Candidate[]) => void
}

/** The community's members (the district's, for a district admin) to tick, found by name or 志愿者编号. */
export function MemberPicker({ value, single = false, onChange }: MemberPickerProps) {
  const [query, setQuery] = useState('')
  const [members, setMembers] = useState<Candidate[] | null>(null)
  const [known, setKnown] = useState<Record<string, Candidate>>({})

  const search = async () => {
    const result = await volunteerRecordApi.candidates(query.trim() || undefined)
    if (!result.ok) return void Taro.showToast({ title: result.error.message, icon: 'none' })
    setMembers(result.data.members)
    setKnown((current) => ({ ...current, ...Object.fromEntries(result.data.members.map((m) => [m.memberId, m])) }))
  }

  const toggle = (member: Candidate) => {
    const ids = single ? (value.includes(member.memberId) ? [] : [member.memberId]) : value.includes(member.memberId) ? value.filter((id) => id !== member.memberId) : [...value, member.memberId]
    onChange(ids, ids.map((id) => known[id] ?? member))
  }

  return (
    <View className="member-picker">
      <View className="member-picker__search">
        <Input className="member-picker__query" value={query} placeholder="姓名或编号，可留空" maxLength={30} onChange={setQuery} />
        <Button size="small" className="member-picker__find" onClick={() => void search()}>
          查找
        </Button>
      </View>
      {value.length > 0 && (
        <Text className="member-picker__picked">
          已选 {value.length} 人：{value.map((id) => known[id]?.name ?? '').join('、')}
        </Text>
      )}
      {members?.length === 0 && <Text className="member-picker__picked">没有找到该党员。</Text>}
      {members?.map((member) => {
        const picked = value.includes(member.memberId)
        return (
          <View key={member.memberId} className={`member-picker__row${picked ? ' member-picker__row--picked' : ''}`} onClick={() => toggle(member)}>
            <Text className="member-picker__name">{member.name}</Text>
            <Text className="member-picker__sub">
              {member.volunteerNo} · {member.communityName}
            </Text>
            <Text className="member-picker__mark">{picked ? '已选 ✓' : '选择'}</Text>
          </View>
        )
      })}
    </View>
  )
}
