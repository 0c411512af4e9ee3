import { defineErrors } from '../shared/domain-error';

export const registrationErrors = defineErrors({});
