import { Text, View } from '@tarojs/components'
import { EmptyState } from '@/components/empty-state'
import type { PassbookLine } from '@/services/api/time-bank'
import { bankAmount, lineDate, signedBankAmount } from './time-bank-display'

type Unit = Parameters<typeof bankAmount>[0]

/** A passbook's lines like a bank book (日期, 摘要, 存入/支出, 余额): the member's 存折 and the community's bank. */
export function PassbookBook({ unit, lines, emptyHint }: { unit: Unit; lines: PassbookLine[]; emptyHint: string }) {
  if (lines.length === 0) return <EmptyState icon="empty" title="还没有明细" hint={emptyHint} />
  return (
    <View className="time-bank__book">
      <View className="time-bank__book-head">
        <Text className="time-bank__col-date">日期</Text>
        <Text className="time-bank__col-summary">摘要</Text>
        <Text className="time-bank__col-amount">存入/支出</Text>
        <Text className="time-bank__col-balance">余额</Text>
      </View>
      {lines.map((line) => (
        <View key={line.entryId} className="time-bank__book-row">
          <Text className="time-bank__col-date">{lineDate(line.at)}</Text>
          <Text className="time-bank__col-summary">{line.summary}</Text>
          <Text className={`time-bank__col-amount${line.amount < 0 ? ' time-bank__col-amount--out' : ''}`}>{signedBankAmount(unit, line.amount)}</Text>
          <Text className="time-bank__col-balance">{bankAmount(unit, line.balanceAfter)}</Text>
        </View>
      ))}
    </View>
  )
}
