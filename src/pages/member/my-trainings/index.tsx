import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import Taro from '@tarojs/taro'
import { Card } from '@/components/card'
import { ChoiceChips } from '@/components/choice-chips'
import { EmptyState } from '@/components/empty-state'
import { InfoRow } from '@/components/info-row'
import { PageShell, type PageStatus } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { formatBusinessDate, formatBusinessDays, inBeijing } from '@/services/beijing-time'
import type { ApiError } from '@/services/api/types'
import { volunteerRecordApi, type MyTrainingsAndAwards } from '@/services/api/volunteer-record'
import './index.scss'

/** 我的培训与表彰: the trainings the member took part in and the honours they received, by year (their volunteer record). */
export default function MyTrainingsPage() {
  const thisYear = inBeijing(new Date()).year()
  const [year, setYear] = useState(thisYear)
  const [data, setData] = useState<MyTrainingsAndAwards | null>(null)
  const [status, setStatus] = useState<PageStatus>('loading')
  const [error, setError] = useState<ApiError | null>(null)

  const load = useCallback(async (forYear: number, quiet = false) => {
    if (!quiet) setStatus('loading')
    const result = await volunteerRecordApi.mine(forYear)
    Taro.stopPullDownRefresh()
    if (!result.ok) {
      setError(result.error)
      setStatus('error')
      return
    }
    setData(result.data)
    setStatus('ready')
  }, [])

  useDidShow(() => void load(year, data !== null))
  usePullDownRefresh(() => void load(year, true))

  const years = [thisYear - 1, thisYear].map((value) => ({ value: String(value), text: value === thisYear ? `今年（${value}）` : `${value}年` }))

  return (
    <PageShell title="我的培训与表彰" status={status} error={error} onRetry={() => void load(year)} elderToggle>
      {data && (
        <View className="my-trainings">
          <View className="my-trainings__chips">
            <ChoiceChips
              options={years}
              value={String(year)}
              onChange={(value) => {
                setYear(Number(value))
                void load(Number(value))
              }}
            />
          </View>
          <Text className="my-trainings__summary">
            {data.year}年参加培训 {data.trainings.length} 次，共 {data.trainingHours} 小时；获得表彰 {data.awards.length} 项。由社区或区里登记。
          </Text>

          <Text className="my-trainings__heading">培训情况</Text>
          {data.trainings.length === 0 && <EmptyState title="这一年没有培训记录" hint="参加社区或区里组织的骨干培训、岗前培训后，由组织登记" />}
          {data.trainings.map((training) => (
            <Card key={training.id} className="my-training" title={<Text>{training.title}</Text>} extra={<StatusTag tone="active">{training.kindLabel}</StatusTag>}>
              <InfoRow label="主办" value={training.organiser} />
              <InfoRow label="日期" value={formatBusinessDays(training.startedOn, training.endedOn)} />
              <InfoRow label="时数" value={`${training.hours}小时`} />
            </Card>
          ))}

          <Text className="my-trainings__heading">表彰奖励</Text>
          {data.awards.length === 0 && <EmptyState title="这一年没有表彰记录" />}
          {data.awards.map((award) => (
            <Card key={award.id} className="my-award" title={<Text>{award.title}</Text>} extra={<StatusTag tone="done">{award.levelLabel}</StatusTag>}>
              <InfoRow label="日期" value={formatBusinessDate(award.awardedOn)} />
              <InfoRow label="授予" value={award.awardingBody} />
            </Card>
          ))}
        </View>
      )}
    </PageShell>
  )
}
