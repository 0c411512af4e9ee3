import { assessmentActions, assessmentErrors } from './assessment';
import { authActions, authErrors } from './auth';
import { certificateActions, certificatesErrors } from './certificates';
import { phoneCodeErrors } from './auth/phone-code.errors';
import { checkinActions, checkinErrors } from './checkin';
import { demandActions, demandErrors } from './demands';
import { documentsActions, documentsErrors } from './documents';
import { incentiveActions, incentivesErrors } from './incentives';
import { notifyActions, notifyErrors } from './notify';
import { orderActions, orderErrors } from './orders';
import { orgActions, orgErrors } from './org';
import { privacyActions, privacyErrors } from './privacy';
import { registrationActions, registrationErrors } from './registration';
import { reportsActions, reportsErrors } from './reports';
import { teamActions, teamErrors } from './teams';
import { recordActions, recordErrors } from './records';
import type { ActionTable } from './runtime';
import { volunteerRecordActions, volunteerRecordErrors } from './volunteer-record';
import { nationalExportActions } from './volunteer-record/national-export-actions';
import { commonErrors } from './shared/domain-error';

/** Every deployable function with its actions, for the API reference and for tests that sweep all actions. */
export const FUNCTION_ACTIONS: Record<string, ActionTable> = {
  auth: authActions,
  demands: demandActions,
  orders: orderActions,
  checkin: checkinActions,
  records: { ...recordActions, ...volunteerRecordActions },
  registration: registrationActions,
  privacy: privacyActions,
  reports: { ...reportsActions, ...nationalExportActions },
  org: { ...orgActions, ...teamActions },
  assessment: assessmentActions,
  documents: documentsActions,
  certificates: certificateActions,
  incentives: incentiveActions,
  notify: notifyActions,
};

/** Every error code with its zh-CN message. */
export const ERROR_CATALOGUE: Record<string, string> = {
  ...commonErrors.catalogue,
  ...authErrors.catalogue,
  ...phoneCodeErrors.catalogue,
  ...demandErrors.catalogue,
  ...orderErrors.catalogue,
  ...checkinErrors.catalogue,
  ...recordErrors.catalogue,
  ...volunteerRecordErrors.catalogue,
  ...registrationErrors.catalogue,
  ...privacyErrors.catalogue,
  ...reportsErrors.catalogue,
  ...documentsErrors.catalogue,
  ...orgErrors.catalogue,
  ...teamErrors.catalogue,
  ...assessmentErrors.catalogue,
  ...certificatesErrors.catalogue,
  ...incentivesErrors.catalogue,
  ...notifyErrors.catalogue,
};

export const COMMON_ERROR_CODES = Object.keys(commonErrors.catalogue);
