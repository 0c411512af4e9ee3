import * as z from 'zod';
import { field } from '../shared/fields';

export const NationalExportInput = z.object({
  year: field.int('年度', { min: 2000, max: 2100 }),
  quarter: field.int('季度', { min: 1, max: 4 }).optional(),
});
