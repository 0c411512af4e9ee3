import * as z from 'zod';
import { defineAction, type ActionTable } from '../runtime';
import { assessmentErrors } from './assessment.errors';
import { organisationRateActions } from './organisation-rate-actions';
import { commitmentActions } from './commitment-actions';
import { complianceActions } from './compliance-actions';
import { exportActions } from './export-actions';
import { suggestionActions } from './suggestion-actions';
import { standingActions } from './standing-actions';
import { PresetsView } from './assessment.schemas';
import { PRESETS } from './presets';
import { ruleSetActions } from './rule-set-actions';

export { assessmentErrors };
export * from './assessment.schemas';

/** 考核：规则集（按区、按年）、党员与组织的达标情况、预警，以及考核所需的建议、承诺与免除 */
export const assessmentActions: ActionTable = {
  ...ruleSetActions,
  ...organisationRateActions,
  ...suggestionActions,
  ...commitmentActions,
  ...standingActions,
  ...complianceActions,
  ...exportActions,
  presets: defineAction({
    summary: '考核规则预设（台山 2020、台山 2012、江苏 2014、武进 2019），每条规则注明出处，供区管理员选用和修改',
    access: 'user',
    input: z.object({}),
    output: PresetsView,
    readOnly: true,
    errors: [],
    run: async () => ({ presets: Object.entries(PRESETS).map(([key, document]) => ({ key, name: document.name, source: document.source, document })) }),
  }),
};
