import { SERVICE_CATEGORIES, type ServiceCategory } from '@core/catalogue/service-catalogue'
import type { IncentiveRulesDocument } from '@core/incentives/rules/rules.schemas'

/** The rules as the editor's fields hold them: numbers as typed, hours where the rules keep minutes, coefficients as 1.2. */
export interface RulesDraft {
  points: {
    preset: string | null
    perHour: string
    defaultCoefficient: string
    coefficients: Partial<Record<ServiceCategory, string>>
    maxHours: string
    handEnteredEarns: boolean
    satisfiedBonus: string
    excellentBonus: string
    concentratedBonus: string
    adoptedSuggestion: string
  }
  stars: { preset: string | null; basis: 'cumulative' | 'annual'; levels: { label: string; hours: string }[]; repeatEveryHours: string }
  bank: { preset: string | null; unitsPerHour: string; unitName: '小时' | '时间币'; cap: string; familyGifts: boolean; spendOnNeeds: boolean; expiryMonths: string }
  shop: { preset: string | null; pickUpDays: string }
}

const text = (value: number | null, scale = 1) => (value === null ? '' : String(Math.round((value / scale) * 100) / 100))
/** Blank is none; anything else is a number, or NaN, which the server refuses naming the field. */
const numberOf = (typed: string, scale = 1): number => (typed.trim() === '' ? Number.NaN : Math.round(Number(typed.trim()) * scale))
const optional = (typed: string, scale = 1): number | null => (typed.trim() === '' ? null : numberOf(typed, scale))

export function draftOf(rules: IncentiveRulesDocument): RulesDraft {
  const { points, stars, bank, shop } = rules
  return {
    points: {
      preset: points.preset,
      perHour: text(points.perHour),
      defaultCoefficient: text(points.defaultPercent, 100),
      coefficients: Object.fromEntries(Object.entries(points.categoryPercent).map(([category, percent]) => [category, text(percent!, 100)])),
      maxHours: text(points.maxMinutesPerService, 60),
      handEnteredEarns: points.handEnteredEarns,
      satisfiedBonus: text(points.satisfiedBonus),
      excellentBonus: text(points.excellentBonus),
      concentratedBonus: text(points.concentratedBonus),
      adoptedSuggestion: text(points.adoptedSuggestion),
    },
    stars: { preset: stars.preset, basis: stars.basis, levels: stars.levels.map((level) => ({ label: level.label, hours: text(level.hours) })), repeatEveryHours: text(stars.repeatEveryHours) },
    bank: {
      preset: bank.preset,
      unitsPerHour: text(bank.unitsPerHour),
      unitName: bank.unitName,
      cap: text(bank.capMinutes, 60),
      familyGifts: bank.familyGifts,
      spendOnNeeds: bank.spendOnNeeds,
      expiryMonths: text(bank.expiryMonths),
    },
    shop: { preset: shop.preset, pickUpDays: text(shop.pickUpDays) },
  }
}

/** The document the draft says; a number typed wrong stays wrong (NaN) for the server to name. */
export function documentOf(draft: RulesDraft): IncentiveRulesDocument {
  const { points, stars, bank, shop } = draft
  const categoryPercent: IncentiveRulesDocument['points']['categoryPercent'] = {}
  for (const category of SERVICE_CATEGORIES) {
    const typed = points.coefficients[category]?.trim()
    if (typed) categoryPercent[category] = numberOf(typed, 100)
  }
  return {
    points: {
      preset: points.preset,
      perHour: numberOf(points.perHour),
      defaultPercent: numberOf(points.defaultCoefficient, 100),
      categoryPercent,
      maxMinutesPerService: optional(points.maxHours, 60),
      handEnteredEarns: points.handEnteredEarns,
      satisfiedBonus: numberOf(points.satisfiedBonus),
      excellentBonus: numberOf(points.excellentBonus),
      concentratedBonus: numberOf(points.concentratedBonus),
      adoptedSuggestion: numberOf(points.adoptedSuggestion),
    },
    stars: {
      preset: stars.preset,
      basis: stars.basis,
      levels: stars.levels.map((level, index) => ({ stars: index + 1, label: level.label.trim(), hours: numberOf(level.hours) })),
      repeatEveryHours: optional(stars.repeatEveryHours),
    },
    bank: {
      preset: bank.preset,
      unitsPerHour: numberOf(bank.unitsPerHour),
      unitName: bank.unitName,
      capMinutes: optional(bank.cap, 60),
      familyGifts: bank.familyGifts,
      spendOnNeeds: bank.spendOnNeeds,
      expiryMonths: optional(bank.expiryMonths),
    },
    shop: { preset: shop.preset, pickUpDays: numberOf(shop.pickUpDays) },
  }
}

/** Whether every number in the document is one: the preview of changes waits until then. */
export const isComplete = (document: IncentiveRulesDocument) => !JSON.stringify(document, (_key, value) => (Number.isNaN(value) ? '__NaN__' : value)).includes('__NaN__')

/** A section that no longer matches its preset is the district's own. */
export const edited = <S extends { preset: string | null }>(section: S, patch: Partial<S>): S => ({ ...section, ...patch, preset: null })
