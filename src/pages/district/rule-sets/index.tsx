import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Checkbox, Input, Switch, TextArea } from '@nutui/nutui-react-taro'
import { CONSEQUENCE_LABELS } from '@core/assessment/rule-set-labels'
import { PRESETS } from '@core/assessment/presets'
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
import { formatTime, inBeijing } from '@/services/beijing-time'
import { orgApi } from '@/services/api/org'
import { ruleSetsApi, type EffectiveRuleSet, type PresetKey, type RuleSet, type RuleSetHistory } from '@/services/api/rule-sets'
import type { ApiError } from '@/services/api/types'
import { applyEdits, checkEdits, consequencesFor, consequenceText, editsOf, targetText, type Edits, type RuleEdit } from './rule-draft'
import '../shared/district.scss'
import './index.scss'

const PRESET_OPTIONS = (Object.keys(PRESETS) as PresetKey[]).map((key) => ({ value: key, title: PRESETS[key].name, hint: PRESETS[key].source }))

const DISTRICT_SCOPE = 'district'

interface Draft {
  base: RuleSet
  preset: PresetKey | null
  edits: Edits
  reason: string
}

function originText(set: EffectiveRuleSet): string {
  if (set.scope.kind === 'street' && set.streetId === null) {
    return set.origin === 'default' ? '该街道尚未自选，本区也尚未选定，默认适用台山 2020' : `该街道尚未自选，适用本区所选（第${set.version}版）`
  }
  if (set.origin === 'default') return '本年度尚未选定，默认适用台山 2020'
  if (set.origin === 'earlier_year') return `本年度尚未选定，沿用${set.chosenForYear}年所选（第${set.version}版）`
  return `本年度已选定，第${set.version}版`
}

const checkDraft = (draft: Draft | null): Record<string, string> => {
  if (!draft) return {}
  const errors = checkEdits(draft.base, draft.edits)
  if (!draft.reason.trim()) errors.reason = '请填写调整原因'
  return errors
}

/** 考核规则: the rule set that holds for each year, choosing a preset or editing thresholds, and every version since. */
export default function DistrictRuleSetsPage() {
  const thisYear = inBeijing(new Date()).year()
  const [year, setYear] = useState(thisYear)
  /** The street the district admin chooses for on its behalf, or null for the district itself. */
  const [streetId, setStreetId] = useState<string | null>(null)
  const [streets, setStreets] = useState<{ value: string; text: string }[]>([])
  const [current, setCurrent] = useState<EffectiveRuleSet | null>(null)
  const [history, setHistory] = useState<RuleSetHistory | null>(null)
  const [status, setStatus] = useState<PageStatus>('loading')
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [choosingPreset, setChoosingPreset] = useState(false)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [saving, setSaving] = useState(false)
  const form = useFormErrors(draft, checkDraft)

  const load = useCallback(async (forYear: number, forStreet: string | null, quiet = false) => {
    if (!quiet) setStatus('loading')
    const street = forStreet ?? undefined
    const [read, versions, tree] = await Promise.all([ruleSetsApi.ruleSet(forYear, street), ruleSetsApi.history(forYear, street), orgApi.tree()])
    if (tree.ok) setStreets(tree.data.streets.map((one) => ({ value: one.id, text: one.name })))
    if (!read.ok || !versions.ok) {
      setLoadError(!read.ok ? read.error : !versions.ok ? versions.error : null)
      setStatus('error')
      return
    }
    setCurrent(read.data)
    setHistory(versions.data)
    setStatus('ready')
  }, [])

  useDidShow(() => void load(year, streetId, current !== null))

  const pickYear = (value: string) => {
    const next = Number(value)
    setYear(next)
    setDraft(null)
    setChoosingPreset(false)
    void load(next, streetId)
  }

  const pickScope = (value: string) => {
    const next = value === DISTRICT_SCOPE ? null : value
    setStreetId(next)
    setDraft(null)
    setChoosingPreset(false)
    void load(year, next)
  }

  const startEditing = (base: RuleSet, preset: PresetKey | null) => {
    setChoosingPreset(false)
    setDraft({ base, preset, edits: editsOf(base), reason: '' })
  }

  const editRule = (ruleId: string, patch: Partial<RuleEdit>) => {
    if (!draft) return
    setDraft({ ...draft, edits: { ...draft.edits, [ruleId]: { ...draft.edits[ruleId], ...patch } } })
    const index = draft.base.rules.findIndex((rule) => rule.id === ruleId)
    form.changed([`document.rules.${index}.threshold`, `document.rules.${index}.consequences`])
  }

  const toggleStreets = async (on: boolean) => {
    const result = await ruleSetsApi.setStreetChoice(on)
    if (!result.ok) return void Taro.showToast({ title: result.error.message, icon: 'none' })
    void Taro.showToast({ title: on ? '已允许街道自选' : '已改为全区统一', icon: 'none' })
    if (!on) setStreetId(null)
    await load(year, on ? streetId : null, true)
  }

  const save = async () => {
    if (!draft || !form.check()) return
    setSaving(true)
    const result = await ruleSetsApi.choose({
      year,
      ...(streetId ? { streetId } : {}),
      ...(draft.preset ? { preset: draft.preset } : {}),
      document: applyEdits(draft.base, draft.edits),
      reason: draft.reason.trim(),
    })
    setSaving(false)
    if (!result.ok) return form.refused(result.error)
    setDraft(null)
    void Taro.showToast({ title: `已保存为第${result.data.version}版`, icon: 'none' })
    await load(year, streetId, true)
  }

  const years = [thisYear - 1, thisYear, thisYear + 1].map((value) => ({ value: String(value), text: `${value}年` }))
  const closed = current?.closed ?? false
  const shownDocument = draft?.base ?? current?.document

  return (
    <PageShell title="考核规则" status={status} error={loadError} onRetry={() => void load(year, streetId)} elderToggle>
      {current && shownDocument && (
        <View className="district rule-sets">
          <FormSection title="考核年度">
            <View className="rule-sets__years">
              <ChoiceChips options={years} value={String(year)} onChange={pickYear} />
            </View>
          </FormSection>

          {current.streetsChooseRuleSets && streets.length > 0 && (
            <FormSection title="适用范围" hint="选择街道后，保存的规则只适用于该街道的社区。">
              <View className="rule-sets__years rule-sets__scopes">
                <ChoiceChips options={[{ value: DISTRICT_SCOPE, text: '全区' }, ...streets]} value={streetId ?? DISTRICT_SCOPE} onChange={pickScope} />
              </View>
            </FormSection>
          )}

          <Card
            className="rule-sets__current"
            title={<Text className="org-card__name">{current.document.name}</Text>}
            extra={<StatusTag tone={closed ? 'muted' : current.origin === 'chosen' ? 'done' : 'waiting'}>{closed ? '已结束' : current.origin === 'chosen' ? `第${current.version}版` : '未选定'}</StatusTag>}
          >
            {current.scope.kind === 'street' && <InfoRow label="适用范围" value={`${current.scope.name}的社区`} />}
            <InfoRow label="适用情况" value={originText(current)} />
            <InfoRow label="依据文件" value={current.document.source} layout="stacked" />
            {current.chosenBy && <InfoRow label="选定人" value={`${current.chosenBy}（${formatTime(current.chosenAt!)}）`} />}
            {current.reason && <InfoRow label="原因" value={current.reason} layout="stacked" />}
            {closed && <Text className="rule-sets__note">{year}年度已结束，规则不能再更改，以免改写已评定的结果。</Text>}
            {!closed && !draft && (
              <View className="org-card__buttons">
                <Button type="primary" size="small" className="rule-sets__edit" onClick={() => startEditing(current.document, (current.preset as PresetKey | null) ?? null)}>
                  修改达标值
                </Button>
                <Button size="small" className="rule-sets__preset" onClick={() => setChoosingPreset(!choosingPreset)}>
                  选用预设
                </Button>
              </View>
            )}
          </Card>

          {choosingPreset && !draft && (
            <FormSection title="选用预设" hint="选好后可以再修改达标值，写明原因后保存为新版本。">
              <OptionCards label="考核规则预设" options={PRESET_OPTIONS} value={(current.preset as PresetKey) ?? 'taishan-2020'} onChange={(key) => startEditing(PRESETS[key], key)} itemClassName="rule-sets__preset-option" />
            </FormSection>
          )}

          <Text className="district__section-title">{draft ? `修改规则（${draft.base.name}）` : `规则（${shownDocument.rules.length}条）`}</Text>
          {shownDocument.rules.map((rule, index) => {
            const edit = draft?.edits[rule.id]
            return (
              <Card key={rule.id} className={`rule-set-rule rule-set-rule--${rule.id}`} title={<Text className="org-card__name">{rule.title}</Text>}>
                <Text className="org-card__line">{targetText(rule)}</Text>
                <Text className="org-card__counts">出处：{rule.clause}</Text>
                {!edit && (
                  <>
                    <InfoRow label="未达标后果" value={consequenceText(rule.consequences)} layout="stacked" />
                    <InfoRow label="经批准免除" value={rule.exemptable ? '可以' : '不可以'} />
                  </>
                )}
                {edit && (
                  <>
                    <FormRow label="达标值" required error={form.errors[`document.rules.${index}.threshold`]}>
                      <Input
                        className="rule-set-rule__threshold"
                        type="digit"
                        value={edit.threshold}
                        disabled={rule.measure === 'reported'}
                        onChange={(threshold) => editRule(rule.id, { threshold })}
                      />
                    </FormRow>
                    <InfoRow label="未达标后果" layout="stacked">
                      <View className="rule-set-rule__consequences">
                        {consequencesFor(rule).map((consequence) => (
                          <Checkbox
                            key={consequence}
                            label={CONSEQUENCE_LABELS[consequence]}
                            checked={edit.consequences.includes(consequence)}
                            onChange={(checked) =>
                              editRule(rule.id, {
                                consequences: checked ? [...edit.consequences, consequence] : edit.consequences.filter((c) => c !== consequence),
                              })
                            }
                          />
                        ))}
                      </View>
                    </InfoRow>
                    <InfoRow label="可经批准免除" value={<Switch checked={edit.exemptable} onChange={(exemptable) => editRule(rule.id, { exemptable })} />} />
                  </>
                )}
              </Card>
            )
          })}

          {draft && (
            <FormSection title="保存" hint="每次保存都是新版本，旧版本和原因都会保留。">
              <FormRow label="调整原因" required error={form.errors.reason}>
                <TextArea
                  className="rule-sets__reason"
                  value={draft.reason}
                  maxLength={200}
                  showCount
                  autoSize
                  placeholder="例如：本区党员年龄偏大，时数下调为20小时"
                  onChange={(reason) => {
                    setDraft({ ...draft, reason })
                    form.changed(['reason'])
                  }}
                />
              </FormRow>
              <FormBanner message={form.banner} />
              <View className="org-card__buttons rule-sets__actions">
                <Button type="primary" className="rule-sets__save" loading={saving} onClick={() => void save()}>
                  保存为新版本
                </Button>
                <Button fill="outline" onClick={() => setDraft(null)}>
                  取消
                </Button>
              </View>
            </FormSection>
          )}

          <Text className="district__section-title">{current.scope.kind === 'street' ? `${current.scope.name}的修改记录` : '修改记录'}</Text>
          {history && history.versions.length === 0 && <Text className="district__summary">{year}年度还没有选定过规则。</Text>}
          {history?.versions.map((version) => (
            <Card key={version.version} className="rule-version" title={<Text className="org-card__name">第{version.version}版 · {version.name}</Text>}>
              <Text className="org-card__counts">{version.chosenBy} · {formatTime(version.chosenAt)}</Text>
              <InfoRow label="原因" value={version.reason} layout="stacked" />
              {version.changes.map((change, index) => (
                <Text key={index} className="org-card__line rule-version__change">· {change.text}</Text>
              ))}
            </Card>
          ))}

          <Text className="district__section-title">街道自选</Text>
          <Card>
            <View className="rule-sets__switch">
              <Text className="org-card__line">允许街道自选考核规则</Text>
              <Switch checked={current.streetsChooseRuleSets} onChange={(on) => void toggleStreets(on)} />
            </View>
            <Text className="org-card__counts">开启后，区管理员可以代某个街道选定规则，只适用于该街道的社区；关闭后全区统一适用区所选规则。</Text>
          </Card>
        </View>
      )}
    </PageShell>
  )
}
