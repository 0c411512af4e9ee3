import * as z from 'zod';
import { field } from '../shared/fields';
import { assessmentYear } from './assessment-common.schemas';

export const ExportComplianceListInput = z
  .object({
    /** A community: the secretary's own when neither is given; a district admin names one of her district's. */
    communityId: field.id('社区').optional(),
    /** A unit's in-service members: the unit admin's own when the caller administers a unit and no community is named. */
    unitId: field.id('单位').optional(),
    year: assessmentYear().optional(),
  })
  .refine((input) => !(input.communityId && input.unitId), { path: ['unitId'], message: '社区和单位只能选一个' });

export const ExportOrganisationRatesInput = z.object({
  year: assessmentYear().optional(),
  districtId: field.id('区').optional(),
});
