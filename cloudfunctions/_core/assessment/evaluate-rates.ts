import { MEASURE_LABELS, RATE_MEASURES } from './rule-set.schema';
import type { Consequence, RateMeasure, RuleSet } from './rule-set.schema';

/** A rate's counts over the assessment year; how each is counted is defined in docs/glossary.md. */
export type RateCounts = { numerator: number; denominator: number };

export type RateFacts = Partial<Record<RateMeasure, RateCounts>>;

export type RateOutcome = {
  ruleId: string;
  title: string;
  clause: string;
  measure: RateMeasure;
  status: 'met' | 'not_met' | 'not_applicable';
  /** Percent, rounded down to one decimal so that a rate shown as at the threshold has reached it; null without a denominator. */
  rate: number | null;
  threshold: number;
  numerator: number;
  denominator: number;
  /** How many more in the numerator it would take, with the same denominator. */
  short: number;
  advice: string;
  consequences: Consequence[];
};

const SHORT_OF: Record<RateMeasure, (short: number) => string> = {
  registration_rate: (short) => `还需${short}名在职党员注册为党员义工`,
  participation_rate: (short) => `还需${short}名注册党员义工参与志愿服务`,
  satisfaction_rate: (short) => `还需${short}份满意的回访`,
};

const isRate = (measure: string): measure is RateMeasure => (RATE_MEASURES as readonly string[]).includes(measure);

/** An organisation's rates against the rule set's thresholds, with the consequences that apply when one is under. */
export function evaluateOrganisationRates(ruleSet: RuleSet, facts: RateFacts): { rates: RateOutcome[]; consequences: Consequence[] } {
  const rates = ruleSet.rules
    .filter((rule) => rule.subject === 'organisation')
    .flatMap((rule): RateOutcome[] => {
      const measure = rule.measure;
      if (!isRate(measure)) return [];
      const { numerator, denominator } = facts[measure] ?? { numerator: 0, denominator: 0 };
      const common = { ruleId: rule.id, title: rule.title, clause: rule.clause, measure, threshold: rule.threshold, numerator, denominator };
      const label = MEASURE_LABELS[measure];
      if (denominator <= 0) return [{ ...common, status: 'not_applicable', rate: null, short: 0, advice: `${label}没有可计算的对象，不考核`, consequences: [] }];
      // Compared in whole numbers: 19 of 20 is exactly 95 %, which floating point division may put a hair below.
      const met = numerator * 100 >= rule.threshold * denominator;
      const rate = Math.floor((numerator * 1000) / denominator) / 10;
      const short = met ? 0 : Math.ceil((rule.threshold * denominator) / 100) - numerator;
      const advice = met ? `${label}${rate}%，达到${rule.threshold}%` : `${label}${rate}%，低于${rule.threshold}%，${SHORT_OF[measure](short)}`;
      return [{ ...common, status: met ? 'met' : 'not_met', rate, short, advice, consequences: met ? [] : rule.consequences }];
    });
  const consequences = [...new Set(rates.flatMap((rate) => rate.consequences))];
  return { rates, consequences };
}
