import * as z from 'zod';
import { field } from '../shared/fields';
import { assessmentYear, RuleSetOrigin } from './assessment-common.schemas';
import { RATE_MEASURES } from './rule-set-labels';

export const OrganisationRatesInput = z.object({
  year: assessmentYear().optional(),
  districtId: field.id('区').optional(),
});

const RateView = z.object({
  measure: z.enum(RATE_MEASURES),
  title: z.string(),
  clause: z.string(),
  status: z.enum(['met', 'not_met', 'not_applicable']),
  /** Percent rounded down to one decimal; null without a denominator. */
  rate: z.number().nullable(),
  threshold: z.number(),
  numerator: z.number().int(),
  denominator: z.number().int(),
  short: z.number().int(),
  advice: z.string(),
});

const RuleSetRef = z.object({ name: z.string(), version: z.number().int().nullable(), origin: RuleSetOrigin });

export const OrganisationRatesView = z.object({
  year: z.number().int(),
  district: z.object({ id: z.string(), name: z.string() }).nullable(),
  summary: z.object({ organisations: z.number().int(), passing: z.number().int(), failing: z.number().int(), notAssessed: z.number().int() }),
  organisations: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['community', 'unit']),
      name: z.string(),
      streetId: z.string().nullable(),
      streetName: z.string().nullable(),
      ruleSet: RuleSetRef,
      /** passing: every rate assessed is met; not_assessed: no rate has a denominator (or the rule set has no organisation rule). */
      status: z.enum(['passing', 'failing', 'not_assessed']),
      rates: z.array(RateView),
      consequences: z.array(z.string()),
    }),
  ),
});

export const DistrictComplianceInput = z.object({
  year: assessmentYear().optional(),
  districtId: field.id('区').optional(),
});

export const DistrictComplianceView = z.object({
  year: z.number().int(),
  district: z.object({ id: z.string(), name: z.string() }),
  totals: z.object({ members: z.number().int(), met: z.number().int(), notMet: z.number().int(), exempt: z.number().int(), notAssessed: z.number().int() }),
  communities: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      streetId: z.string(),
      streetName: z.string(),
      members: z.number().int(),
      met: z.number().int(),
      notMet: z.number().int(),
      exempt: z.number().int(),
      notAssessed: z.number().int(),
    }),
  ),
});
