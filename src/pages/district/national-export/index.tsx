import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { ChoiceChips } from '@/components/choice-chips'
import { FormSection } from '@/components/form-section'
import { PageShell } from '@/components/page-shell'
import { inBeijing } from '@/services/beijing-time'
import { fetchAndSaveFile } from '@/services/save-file'
import { volunteerRecordApi } from '@/services/api/volunteer-record'
import '../shared/district.scss'
import './index.scss'

const SHEETS = ['志愿者', '志愿服务项目', '志愿服务时间', '培训', '表彰奖励']

/** 全国系统导出: the district's volunteers, projects, service time, trainings and awards of a year or quarter as one xlsx. */
export default function NationalExportPage() {
  const thisYear = inBeijing(new Date()).year()
  const [year, setYear] = useState(thisYear)
  const [quarter, setQuarter] = useState('0')
  const [exporting, setExporting] = useState(false)

  const years = [thisYear - 2, thisYear - 1, thisYear].map((value) => ({ value: String(value), text: `${value}年` }))
  const quarters = [{ value: '0', text: '全年' }, ...[1, 2, 3, 4].map((q) => ({ value: String(q), text: `第${q}季度` }))]

  const run = async () => {
    setExporting(true)
    const refused = await fetchAndSaveFile(() => volunteerRecordApi.exportNational(year, Number(quarter) || undefined))
    setExporting(false)
    if (refused) void Taro.showToast({ title: refused.message, icon: 'none', duration: 3000 })
  }

  return (
    <PageShell title="全国系统导出" status="ready" elderToggle>
      <View className="district national-export">
        <FormSection title="导出年度">
          <View className="national-export__chips">
            <ChoiceChips options={years} value={String(year)} onChange={(value) => setYear(Number(value))} />
          </View>
        </FormSection>
        <FormSection title="导出期间">
          <View className="national-export__chips">
            <ChoiceChips options={quarters} value={quarter} onChange={setQuarter} />
          </View>
        </FormSection>
        <Card title={<Text>导出内容</Text>}>
          <Text className="district__summary">
            一个 Excel 文件，按《志愿服务信息系统基本规范》（MZ/T 061-2015）所列要素分为{SHEETS.length}张表：{SHEETS.join('、')}。
          </Text>
          <Text className="district__summary">只含本区数据；服务时长为已计入的时长，扫码核验与手工补录分列；不含手机号码和身份证号。</Text>
        </Card>
        <View className="national-export__actions">
          <Button block type="primary" className="national-export__download" loading={exporting} onClick={() => void run()}>
            导出 Excel
          </Button>
        </View>
      </View>
    </PageShell>
  )
}
