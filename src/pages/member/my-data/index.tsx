import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { FieldError } from '@/components/field-error'
import { Card } from '@/components/card'
import { InfoRow } from '@/components/info-row'
import { useElderMode } from '@/hooks/use-elder-mode'
import { useShownDetail } from '@/hooks/use-shown-detail'
import { PageShell } from '@/components/page-shell'
import { privacyApi, type MyData, type MyDataSection } from '@/services/api/privacy'
import { PROFILE_PAGE, goToLogin } from '@/services/navigation'
import { fetchAndSaveFile } from '@/services/save-file'
import { clearSession } from '@/services/session'
import './index.scss'

const CONFIRM_PHRASE = '确认注销'

/** 我的资料与隐私: everything held about me, its export, and 注销 (004 §二.3.(1)). */
export default function MyDataPage() {
  const { data, status, error, reload } = useShownDetail(privacyApi.myData, '找不到您的资料')
  const [exporting, setExporting] = useState(false)

  const exportAll = async () => {
    setExporting(true)
    const refused = await fetchAndSaveFile(() => privacyApi.exportMyData())
    setExporting(false)
    if (refused) void Taro.showModal({ title: '导出失败', content: refused.message, showCancel: false })
  }

  return (
    <PageShell title="我的资料与隐私" backTo={PROFILE_PAGE} status={status} error={error} onRetry={() => void reload()}>
      {data && (
        <View className="my-data">
          <Text className="my-data__intro">以下是系统中保存的关于您的全部信息。您的电话、住址在各种名单中都只显示部分号码，只有所在社区的书记和正在为您服务的党员能查看完整信息，每次查看都有记录。</Text>
          <Button className="my-data__export" type="primary" block loading={exporting} onClick={() => void exportAll()}>
            导出我的全部信息
          </Button>
          {data.sections.map((section) => (
            <Section key={section.key} section={section} />
          ))}
          <Leave data={data} />
        </View>
      )}
    </PageShell>
  )
}

/** In 长辈模式 each value goes under its label: the labels here are long (已设置登录密码…). */
function Lines({ lines }: { lines: MyDataSection['lines'] }) {
  const [elder] = useElderMode()
  return (
    <>
      {lines.map((line) => (
        <InfoRow key={line.label} layout={elder ? 'stacked' : 'inline'} label={line.label} value={line.value} />
      ))}
    </>
  )
}

function Section({ section }: { section: MyDataSection }) {
  const [expanded, setExpanded] = useState(false)
  const shown = expanded ? section.entries : section.entries.slice(0, 5)
  return (
    <Card title={section.title}>
      <Lines lines={section.lines} />
      {section.lines.length === 0 && section.entries.length === 0 && <Text className="my-data__none">没有记录</Text>}
      {shown.map((entry, i) => (
        <View key={`${entry.title}-${i}`} className="my-data__entry">
          <Text className="my-data__entry-title">{entry.title}</Text>
          <Lines lines={entry.lines} />
        </View>
      ))}
      {section.entries.length > shown.length && (
        <Text className="my-data__more" onClick={() => setExpanded(true)}>
          展开其余 {section.entries.length - shown.length} 条
        </Text>
      )}
    </Card>
  )
}

function Leave({ data }: { data: MyData }) {
  const [phrase, setPhrase] = useState('')
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [leaving, setLeaving] = useState(false)

  const leave = async () => {
    if (phrase.trim() !== CONFIRM_PHRASE) {
      setFieldError(`请输入「${CONFIRM_PHRASE}」四个字以确认`)
      return
    }
    const answer = await Taro.showModal({
      title: '申请注销',
      content: '注销后不能恢复，您的姓名、电话、住址等信息会被删除，登录也会失效。确定注销吗？',
      confirmText: '注销',
      cancelText: '再想想',
      confirmColor: '#c8161d',
    })
    if (!answer.confirm) return
    setLeaving(true)
    const result = await privacyApi.leave({ confirmPhrase: CONFIRM_PHRASE })
    setLeaving(false)
    if (!result.ok) {
      setFieldError(result.error.fields?.confirmPhrase ?? result.error.message)
      return
    }
    clearSession('您的账户已注销，个人信息已删除；服务记录按规定以志愿者编号保存。')
    void goToLogin()
  }

  return (
    <Card title="申请注销" tone="alert" className="my-data__leave">
      <Text className="my-data__leave-text">注销后将删除：{data.leaving.erased.join('、')}。</Text>
      <Text className="my-data__leave-text">按服务记录制度保留（不再显示您的姓名）：{data.leaving.kept.join('、')}。</Text>
      <Text className="my-data__leave-text">已接下但还没开始的订单会自动取消，名额让给其他党员；正在服务中（已签到未签退）时不能注销。</Text>
      <Text className="my-data__leave-hint">如确定注销，请在下面输入「{CONFIRM_PHRASE}」：</Text>
      <Input
        name="confirmPhrase"
        className="my-data__phrase"
        value={phrase}
        placeholder={CONFIRM_PHRASE}
        maxLength={10}
        onChange={(value) => {
          setPhrase(value)
          setFieldError(null)
        }}
      />
      <FieldError message={fieldError} />
      <Button className="my-data__leave-button" type="danger" fill="outline" block loading={leaving} onClick={() => void leave()}>
        申请注销
      </Button>
    </Card>
  )
}
