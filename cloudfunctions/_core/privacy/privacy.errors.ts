import { defineErrors } from '../shared/domain-error';

export const privacyErrors = defineErrors({});
