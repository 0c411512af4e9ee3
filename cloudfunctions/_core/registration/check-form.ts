import type { Executor } from '../db/database';
import { orgRepository } from '../org/org.repository';
import { businessDate, inBusinessZone } from '../shared/business-time';
import type { RegistrationForm } from './registration-form';
import { registrationErrors } from './registration.errors';
import { registrationRepository } from './registration.repository';

/**
 * The checks a schema cannot make: months against the clock, the community and grid as they are now,
 * the unit's district, and whether the district collects ID numbers. Answers the community.
 */
export async function checkForm(tx: Executor, form: RegistrationForm, now: Date, fieldPrefix = 'form.') {
  const at = (name: string, message: string) => ({ [`${fieldPrefix}${name}`]: message });
  const thisMonth = inBusinessZone(now).format('YYYY-MM');
  if (form.birthMonth > thisMonth) {
    throw registrationErrors.error('REG_MONTH_IN_FUTURE', '出生年月', at('birthMonth', '出生年月不能晚于本月'));
  }
  if (form.joinedPartyMonth && form.joinedPartyMonth > thisMonth) {
    throw registrationErrors.error('REG_MONTH_IN_FUTURE', '入党时间', at('joinedPartyMonth', '入党时间不能晚于本月'));
  }
  if (form.joinedPartyMonth && form.joinedPartyMonth < form.birthMonth) {
    throw registrationErrors.error('REG_JOINED_BEFORE_BIRTH', undefined, at('joinedPartyMonth', '入党时间不能早于出生年月'));
  }
  if (form.activistSince && form.activistSince > businessDate(now)) {
    throw registrationErrors.error('REG_DAY_IN_FUTURE', '成为入党积极分子日期', at('activistSince', '成为入党积极分子日期不能晚于今天'));
  }
  const community = await registrationRepository.findCommunity(tx, form.communityId);
  if (!community) throw registrationErrors.error('REG_COMMUNITY_NOT_FOUND', undefined, at('communityId', '找不到该社区'));
  if (form.gridId && !(await registrationRepository.gridBelongsTo(tx, form.gridId, community.id))) {
    throw registrationErrors.error('REG_GRID_NOT_IN_COMMUNITY', undefined, at('gridId', '所选网格不属于该社区'));
  }
  let unit: { id: string; name: string } | undefined;
  if (form.memberType === 'in_service') {
    if (!form.unitId) throw registrationErrors.error('REG_UNIT_REQUIRED', undefined, at('unitId', '在职党员请选择所在单位'));
    const found = await orgRepository.findUnit(tx, form.unitId);
    if (!found) throw registrationErrors.error('REG_UNIT_NOT_FOUND', undefined, at('unitId', '找不到该单位'));
    if (found.district_id !== community.district_id) {
      throw registrationErrors.error('REG_COMMUNITY_OUTSIDE_DISTRICT', undefined, at('communityId', '报到社区须在所在单位的区'));
    }
    unit = found;
  }
  if (form.idNumber && !community.collect_id_numbers) {
    throw registrationErrors.error('REG_ID_NUMBER_NOT_COLLECTED', undefined, at('idNumber', '本区不收集身份证号码，请不要填写'));
  }
  return { community, unit };
}
