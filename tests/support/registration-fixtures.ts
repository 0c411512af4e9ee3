import type { Executor } from '../../cloudfunctions/_core/db/database';
import type { RegistrationFormInput } from '../../cloudfunctions/_core/registration/registration-form';
import { main as registration } from '../../cloudfunctions/registration/index';
import { codeFor } from './phone-code-fixtures';
import { call, ok } from './call';
import { countRows, type TableName } from './db-state';
import type { TestCommunity, TestUser } from './fixtures';

/** Every table a registration action may write to; a refused call leaves each count as it was. */
export const REGISTRATION_TABLES = [
  'users', 'user_roles', 'members', 'member_profiles', 'member_community_history', 'report_slips', 'registrations',
] as const;

export const countRegistrationRows = (db: Executor) => countRows(db, REGISTRATION_TABLES as unknown as TableName[]);

let phoneCounter = 0;
/** A phone nobody in the suite has yet (new people who register). */
export const newPhone = () => `1770${String(process.pid % 1000).padStart(3, '0')}${String(++phoneCounter).padStart(4, '0')}`;

/** A complete, valid 报到 form for `community`, as a member would fill it on the phone. */
export function memberForm(community: TestCommunity, overrides: Partial<RegistrationFormInput> = {}): RegistrationFormInput {
  return {
    name: '王建国',
    gender: '男',
    ethnicity: '汉族',
    birthMonth: '1985-06',
    education: '本科',
    health: '良好',
    memberType: 'community',
    joinedPartyMonth: '2008-07',
    homeAddress: '幸福花园3栋502室',
    phone: newPhone(),
    communityId: community.communityId,
    gridId: community.gridIds[0],
    skills: ['电工'],
    hobbies: '书法',
    serviceIntentions: [{ category: '社区服务', subItems: ['家电、水电维修', '治安巡逻'] }],
    posts: ['社区稳定维护岗', '困难群众帮扶岗'],
    availability: { sat: ['morning', 'afternoon'], holiday: ['morning'] },
    willingLongTerm: true,
    willingOtherServices: false,
    ...overrides,
  };
}

/** The unit admin issues a 报到单 to a new in-service member for `community`. */
export const issueSlip = (unitAdmin: TestUser, community: TestCommunity, member: { name: string; phone: string }, reportBy = '2026-12-31') =>
  ok(call(registration, 'issueSlip', {
    memberName: member.name, memberPhone: member.phone, partyStanding: '正式', communityId: community.communityId, reportBy,
  }, unitAdmin));

/** A logged-out person proves the phone with a texted code, submits the form (with a slip code when given) and gets an account; answers the registration and a user to act as. */
export async function submitLoggedOut(form: RegistrationFormInput, slipCode?: string): Promise<{ registration: any; user: TestUser }> {
  const phoneCode = await codeFor(form.phone, 'register');
  const result = await ok(call(registration, 'submit', { form, password: 'new-password-1', phoneCode, ...(slipCode ? { slipCode } : {}) }));
  const user: TestUser = { id: result.session.profile.userId, name: form.name, phone: form.phone, password: 'new-password-1', token: result.session.token };
  return { registration: result.registration, user };
}
