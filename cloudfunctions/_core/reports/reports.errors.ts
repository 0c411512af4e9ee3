import { defineErrors } from '../shared/domain-error';

export const reportsErrors = defineErrors({});
