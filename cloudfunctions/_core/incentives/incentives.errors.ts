import { defineErrors } from '../shared/domain-error';
import { ledgerErrors } from '../ledger';

/** Each part adds its codes here, under its own prefix: INCENTIVE_RULES_, POINTS_, BANK_, SHOP_. */
export const incentivesErrors = defineErrors({
  ...ledgerErrors.catalogue,
});
