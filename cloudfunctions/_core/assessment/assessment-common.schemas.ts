import * as z from 'zod';
import { field } from '../shared/fields';

/** The year an assessment read is for (the current Beijing year when left out). */
export const assessmentYear = () => field.int('考核年度', { min: 2000, max: 2100 });

/** Where a year's rule set comes from: chosen for it, the latest earlier year's choice, or the default preset. */
export const RuleSetOrigin = z.enum(['chosen', 'earlier_year', 'default']);
