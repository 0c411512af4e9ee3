import {
  CONSEQUENCE_LABELS,
  MEASURE_LABELS,
  MEASURE_UNITS,
  PERIOD_LABELS,
  SUBJECT_LABELS,
  type Consequence,
} from '@core/assessment/rule-set-labels'
import type { Rule, RuleSet } from '@/services/api/rule-sets'

/** What the district admin may change of a rule on this page. */
export interface RuleEdit {
  threshold: string
  consequences: Consequence[]
  exemptable: boolean
}

export type Edits = Record<string, RuleEdit>

const MEMBER_CONSEQUENCES: Consequence[] = ['not_excellent', 'no_commendation', 'no_merit_rating']

/** The consequences that make sense for who the rule holds to account. */
export const consequencesFor = (rule: Pick<Rule, 'subject'>): Consequence[] =>
  rule.subject === 'organisation' ? ['organisation_no_merit'] : MEMBER_CONSEQUENCES

export const consequenceText = (consequences: readonly Consequence[]) =>
  consequences.length === 0 ? '无' : consequences.map((consequence) => CONSEQUENCE_LABELS[consequence]).join('；')

/** 党员 · 每年 · 服务时数 ≥ 25小时 */
export function targetText(rule: Pick<Rule, 'subject' | 'period' | 'measure' | 'threshold'>): string {
  const figure = rule.measure === 'reported' ? '须完成' : `≥ ${rule.threshold}${MEASURE_UNITS[rule.measure]}`
  return `${SUBJECT_LABELS[rule.subject]} · ${PERIOD_LABELS[rule.period]} · ${MEASURE_LABELS[rule.measure]} ${figure}`
}

export const editsOf = (document: RuleSet): Edits =>
  Object.fromEntries(
    document.rules.map((rule) => [rule.id, { threshold: String(rule.threshold), consequences: [...rule.consequences], exemptable: rule.exemptable }]),
  )

/** A title that states the old threshold (「不少于25小时」) states the new one. */
export function retitle(title: string, before: number, after: number): string {
  if (before === after) return title
  // No lookbehind: older iOS WeChat engines refuse the whole script over one.
  return title.replace(new RegExp(`(^|[^\\d.])${String(before).replace('.', '\\.')}(?![\\d.])`), `$1${after}`)
}

/** The client's first check of the thresholds, keyed as the server names them (document.rules.N.threshold). */
export function checkEdits(document: RuleSet, edits: Edits): Record<string, string> {
  const errors: Record<string, string> = {}
  document.rules.forEach((rule, index) => {
    const text = edits[rule.id]?.threshold.trim() ?? ''
    const value = Number(text)
    const key = `document.rules.${index}.threshold`
    if (text === '' || !Number.isFinite(value)) errors[key] = '达标值须为数字'
    else if (value < 0) errors[key] = '达标值不能小于0'
    else if (!Number.isInteger(value * 2)) errors[key] = '达标值最多精确到0.5'
    else if (MEASURE_UNITS[rule.measure] === '%' && value > 100) errors[key] = '达标比率不能大于100%'
  })
  return errors
}

/** The document with the edits applied (run checkEdits first). */
export function applyEdits(document: RuleSet, edits: Edits): RuleSet {
  return {
    ...document,
    rules: document.rules.map((rule) => {
      const edit = edits[rule.id]
      if (!edit) return rule
      const threshold = Number(edit.threshold.trim())
      return { ...rule, title: retitle(rule.title, rule.threshold, threshold), threshold, consequences: edit.consequences, exemptable: edit.exemptable }
    }),
  }
}

/** Whether anything differs from the document as loaded. */
export const editsChangeAnything = (document: RuleSet, edits: Edits) =>
  JSON.stringify(applyEdits(document, edits).rules) !== JSON.stringify(document.rules)
