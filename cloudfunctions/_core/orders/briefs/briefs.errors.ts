import { defineErrors } from '../../shared/domain-error';

/** Part D's codes, prefix BRIEF_. */
export const briefErrors = defineErrors({});
