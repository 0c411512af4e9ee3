import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button, Input, Switch, TextArea } from '@nutui/nutui-react-taro'
import { SERVICE_CATEGORIES } from '@core/catalogue/service-catalogue'
import { PRESETS, type Preset } from '@core/incentives/rules/presets'
import { describeChanges } from '@core/incentives/rules/rule-texts'
import { Card } from '@/components/card'
import { ChoiceChips } from '@/components/choice-chips'
import { FormBanner } from '@/components/form-banner'
import { FormRow } from '@/components/form-row'
import { FormSection } from '@/components/form-section'
import { InfoRow } from '@/components/info-row'
import { OptionCards } from '@/components/option-cards'
import { PageShell, type PageStatus } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { useFormErrors } from '@/hooks/use-form-errors'
import { formatTime } from '@/services/beijing-time'
import { incentiveRulesApi, type IncentiveRuleHistory, type IncentiveRulesView } from '@/services/api/incentive-rules'
import type { ApiError } from '@/services/api/types'
import { documentOf, draftOf, edited, isComplete, type RulesDraft } from './rules-draft'
import { RulesSummary } from './rules-summary'
import './index.scss'

type Section = keyof RulesDraft
const CUSTOM = 'custom'
const presetOptions = (section: Section) => [
  ...(PRESETS[section] as Preset<unknown>[]).map((preset) => ({ value: preset.id, title: preset.name, hint: preset.source })),
  { value: CUSTOM, title: '本区自定', hint: '在下面修改各项数值' },
]

/** 激励规则: the district admin starts from a preset, edits the values, sees what changes and saves a new version; `?view=1` (and any other role) reads them. */
export default function IncentiveRulesPage() {
  const { params } = useRouter()
  const [readOnly, setReadOnly] = useState(params.view === '1')
  const [current, setCurrent] = useState<IncentiveRulesView | null>(null)
  const [history, setHistory] = useState<IncentiveRuleHistory | null>(null)
  const [status, setStatus] = useState<PageStatus>('loading')
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [draft, setDraft] = useState<RulesDraft | null>(null)
  const [note, setNote] = useState('')
  const [saving, setSaving] = useState(false)
  const [showCategories, setShowCategories] = useState(false)
  const form = useFormErrors(draft, (): Record<string, string> => ({}))

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setStatus('loading')
    const [read, versions] = await Promise.all([incentiveRulesApi.current(), readOnly ? null : incentiveRulesApi.history()])
    if (!read.ok) {
      setLoadError(read.error)
      return setStatus('error')
    }
    if (versions && !versions.ok && versions.error.code === 'FORBIDDEN') setReadOnly(true)
    setCurrent(read.data)
    setHistory(versions?.ok ? versions.data : null)
    setStatus('ready')
  }, [readOnly])

  useDidShow(() => void load(current !== null))

  const change = <S extends Section>(section: S, patch: Partial<RulesDraft[S]>, fields: string[]) => {
    if (!draft) return
    setDraft({ ...draft, [section]: edited(draft[section], patch) })
    form.changed(fields.map((field) => `${section}.${field}`))
  }

  const pickPreset = (section: Section, id: string) => {
    if (!draft || id === CUSTOM) return
    const preset = (PRESETS[section] as Preset<never>[]).find((one) => one.id === id)!
    setDraft({ ...draft, [section]: draftOf({ ...documentOf(draft), [section]: preset.rule })[section] })
    form.changed([section])
  }

  const save = async () => {
    if (!draft || !current || !form.check()) return
    setSaving(true)
    const result = await incentiveRulesApi.save({ ...documentOf(draft), expectedVersion: current.version, note: note.trim() })
    setSaving(false)
    if (!result.ok) return form.refused(result.error)
    setDraft(null)
    setNote('')
    void Taro.showToast({ title: `已保存为第${result.data.version}版`, icon: 'none' })
    await load(true)
  }

  const number = <S extends Section>(section: S, field: keyof RulesDraft[S] & string, label: string, hint?: string, required = true) =>
    draft && (
      <FormRow label={label} hint={hint} required={required} error={form.errors[`${section}.${field}`]}>
        <Input
          className={`incentive-rules__input incentive-rules__input--${field}`}
          type="digit"
          value={String(draft[section][field])}
          onChange={(value) => change(section, { [field]: value } as Partial<RulesDraft[S]>, [field])}
        />
      </FormRow>
    )

  const toggle = <S extends Section>(section: S, field: keyof RulesDraft[S] & string, label: string) =>
    draft && (
      <View className="incentive-rules__switch">
        <Text>{label}</Text>
        <Switch checked={Boolean(draft[section][field])} onChange={(on) => change(section, { [field]: on } as Partial<RulesDraft[S]>, [field])} />
      </View>
    )

  const presets = (section: Section, label: string) => {
    if (!draft) return null
    const chosen = (PRESETS[section] as Preset<unknown>[]).find((preset) => preset.id === draft[section].preset)
    return (
      <>
        <OptionCards label={label} options={presetOptions(section)} value={draft[section].preset ?? CUSTOM} onChange={(id) => pickPreset(section, id)} itemClassName={`incentive-rules__preset incentive-rules__preset--${section}`} />
        {chosen?.assumption && <Text className="incentive-rules__hint incentive-rules__assumption">说明：{chosen.assumption}</Text>}
      </>
    )
  }

  const proposed = draft ? documentOf(draft) : null
  const changes = current && proposed && isComplete(proposed) ? describeChanges(current, proposed) : null

  return (
    <PageShell title={readOnly ? '积分规则' : '激励规则'} status={status} error={loadError} onRetry={() => void load()} elderToggle>
      {current && (
        <View className="incentive-rules">
          <Card
            className="incentive-rules__current"
            title={`${current.districtName}的激励规则`}
            extra={<StatusTag tone={current.version > 0 ? 'done' : 'waiting'}>{current.version > 0 ? `第${current.version}版` : '默认'}</StatusTag>}
          >
            {current.version === 0 && <InfoRow label="适用情况" value="本区尚未保存规则，按默认预设" />}
            {current.savedAt && <InfoRow label="保存人" value={`${current.savedByName ?? ''}（${formatTime(current.savedAt)}）`} />}
            {current.note && <InfoRow label="说明" value={current.note} layout="stacked" />}
            <Text className="incentive-rules__hint">规则只对此后结算的服务生效，已记入的积分和时间不会改变。</Text>
            {!readOnly && !draft && (
              <View className="incentive-rules__buttons">
                <Button type="primary" size="small" className="incentive-rules__edit" onClick={() => setDraft(draftOf(current))}>
                  修改规则
                </Button>
              </View>
            )}
          </Card>

          {!draft && <RulesSummary rules={current} />}

          {draft && (
            <>
              <FormSection title="积分" hint="先选一个预设，再按本区情况修改。不足1分的部分不计。">
                {presets('points', '积分规则预设')}
                {number('points', 'perHour', '每服务1小时积分')}
                {number('points', 'maxHours', '每次服务最多计入（小时）', '空着表示不限，例如海林每次最多计2小时', false)}
                {number('points', 'defaultCoefficient', '服务类别系数（默认）', '例如1表示不加不减，1.2表示多计两成')}
                <View className="incentive-rules__buttons">
                  <Button size="small" className="incentive-rules__categories" onClick={() => setShowCategories(!showCategories)}>
                    {showCategories ? '收起服务类别系数' : `按服务类别设系数（已设${Object.values(draft.points.coefficients).filter((typed) => typed?.trim()).length}类）`}
                  </Button>
                </View>
                {showCategories && SERVICE_CATEGORIES.map((category) => (
                  <FormRow key={category} label={`「${category}」系数`} required={false} error={null}>
                    <Input
                      className="incentive-rules__input"
                      type="digit"
                      placeholder="同默认"
                      value={draft.points.coefficients[category] ?? ''}
                      onChange={(value) => change('points', { coefficients: { ...draft.points.coefficients, [category]: value } }, ['categoryPercent'])}
                    />
                  </FormRow>
                ))}
                {form.errors['points.categoryPercent'] && <FormBanner message={form.errors['points.categoryPercent']} />}
                {toggle('points', 'handEnteredEarns', '手工补录的时长也计积分')}
                {number('points', 'satisfiedBonus', '群众评价「满意」加分')}
                {number('points', 'excellentBonus', '组织评价「优」加分')}
                {number('points', 'concentratedBonus', '集中性活动加分')}
                {number('points', 'adoptedSuggestion', '意见建议被采纳加分')}
              </FormSection>

              <FormSection title="星级" hint="累计：按全部服务时长；当年：每年1月1日重新计算。">
                {presets('stars', '星级规则预设')}
                <View className="incentive-rules__chips">
                  <ChoiceChips
                    options={[
                      { value: 'cumulative', text: '累计时长' },
                      { value: 'annual', text: '当年时长' },
                    ]}
                    value={draft.stars.basis}
                    onChange={(basis) => change('stars', { basis }, ['basis'])}
                  />
                </View>
                {draft.stars.levels.map((level, index) => (
                  <FormRow key={index} label={`第${index + 1}级：名称和所需小时`} required error={form.errors[`stars.levels.${index}.hours`] ?? form.errors[`stars.levels.${index}.label`]}>
                    <View className="incentive-rules__level">
                      <Input
                        className="incentive-rules__level-label"
                        value={level.label}
                        onChange={(label) => change('stars', { levels: draft.stars.levels.map((one, at) => (at === index ? { ...one, label } : one)) }, [`levels.${index}.label`])}
                      />
                      <Input
                        className="incentive-rules__level-hours"
                        type="digit"
                        value={level.hours}
                        onChange={(hours) => change('stars', { levels: draft.stars.levels.map((one, at) => (at === index ? { ...one, hours } : one)) }, [`levels.${index}.hours`])}
                      />
                      <Text>小时</Text>
                    </View>
                  </FormRow>
                ))}
                <View className="incentive-rules__buttons">
                  <Button size="small" disabled={draft.stars.levels.length >= 10} onClick={() => change('stars', { levels: [...draft.stars.levels, { label: `${draft.stars.levels.length + 1}星`, hours: '' }] }, [])}>
                    加一级
                  </Button>
                  <Button size="small" disabled={draft.stars.levels.length <= 1} onClick={() => change('stars', { levels: draft.stars.levels.slice(0, -1) }, [])}>
                    去掉最后一级
                  </Button>
                </View>
                {number('stars', 'repeatEveryHours', '每多少小时进入新一轮', '空着表示不循环，例如张家港每300小时一轮', false)}
              </FormSection>

              <FormSection title="爱心时间银行" hint="服务时长按下面的比例存入；超过上限的部分转入社区时间银行。">
                {presets('bank', '时间银行规则预设')}
                {number('bank', 'unitsPerHour', '服务1小时存入')}
                <View className="incentive-rules__chips">
                  <ChoiceChips options={[{ value: '小时', text: '小时' }, { value: '时间币', text: '时间币' }]} value={draft.bank.unitName} onChange={(unitName) => change('bank', { unitName }, ['unitName'])} />
                </View>
                {number('bank', 'cap', `个人存储上限（${draft.bank.unitName}）`, '空着表示不设上限，例如南京1500小时', false)}
                {toggle('bank', 'spendOnNeeds', '可用于兑换服务')}
                {toggle('bank', 'familyGifts', '可赠与直系亲属')}
                {number('bank', 'expiryMonths', '有效期（月）', '空着表示长期有效', false)}
              </FormSection>

              <FormSection title="爱心超市">
                {number('shop', 'pickUpDays', '兑换后几天内领取')}
              </FormSection>

              <FormSection title="保存" hint="每次保存都是新版本，旧版本保留。">
                <View className="incentive-rules__changes">
                  <Text className="incentive-rules__changes-title">{changes === null ? '请先把数字填完整' : changes.length === 0 ? '还没有改动' : `将改动${changes.length}项：`}</Text>
                  {changes?.map((line, index) => (
                    <Text key={index} className="incentive-rules__line incentive-rules__change">
                      · {line}
                    </Text>
                  ))}
                </View>
                <FormRow label="修改说明" required={false} error={form.errors.note}>
                  <TextArea className="incentive-rules__note" value={note} maxLength={200} showCount autoSize placeholder="例如：改用张家港的星级标准" onChange={setNote} />
                </FormRow>
                <FormBanner message={form.banner} />
                <View className="incentive-rules__buttons">
                  <Button type="primary" className="incentive-rules__save" loading={saving} onClick={() => void save()}>
                    保存为新版本
                  </Button>
                  <Button fill="outline" onClick={() => setDraft(null)}>
                    取消
                  </Button>
                </View>
              </FormSection>
            </>
          )}

          {!readOnly && history && (
            <>
              <Text className="incentive-rules__title">修改记录</Text>
              {history.versions.length === 0 && <Text className="incentive-rules__hint">还没有保存过规则。</Text>}
              {history.versions.map((version) => (
                <Card key={version.version} className="incentive-rules__version" title={`第${version.version}版`}>
                  <Text className="incentive-rules__hint">
                    {version.savedByName ?? ''} · {formatTime(version.savedAt)}
                  </Text>
                  {version.note && <InfoRow label="说明" value={version.note} layout="stacked" />}
                  {version.changes.map((line, index) => (
                    <Text key={index} className="incentive-rules__line">
                      · {line}
                    </Text>
                  ))}
                </Card>
              ))}
            </>
          )}
        </View>
      )}
    </PageShell>
  )
}
