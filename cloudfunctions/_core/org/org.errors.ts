import { defineErrors } from '../shared/domain-error';

export const orgErrors = defineErrors({});
