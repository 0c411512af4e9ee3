import { defineErrors } from '../shared/domain-error';
import { ledgerErrors } from '../ledger';
import { bankErrors } from './bank/bank.errors';
import { pointsErrors } from './points.errors';
import { rulesErrors } from './rules/rules.errors';
import { shopErrors } from './shop/shop.errors';

/** Each part adds its codes here, under its own prefix: INCENTIVE_RULES_, POINTS_, BANK_, SHOP_. */
export const incentivesErrors = defineErrors({
  ...ledgerErrors.catalogue,
  ...rulesErrors.catalogue,
  ...pointsErrors.catalogue,
  ...shopErrors.catalogue,
  ...bankErrors.catalogue,
});
