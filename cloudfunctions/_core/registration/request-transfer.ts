import { requireCaller } from '../runtime';
import type { ActionContext } from '../runtime/action';
import { checkForm } from './check-form';
import type { RegistrationForm } from './registration-form';
import { registrationErrors } from './registration.errors';
import { registrationRepository } from './registration.repository';
import { toRegistrationView } from './registration-view';

interface TransferInput {
  communityId: string;
  gridId?: string;
  homeAddress?: string;
  reason: string;
}

/** 转移: a member who moves asks another community to take them; the form is their current profile with the changes. */
export async function requestTransfer(ctx: ActionContext, input: TransferInput) {
  const caller = requireCaller(ctx.caller);
  const member = await registrationRepository.findMember(ctx.tx, caller.userId);
  if (!member) throw registrationErrors.error('REG_NOT_MEMBER');
  if (member.community_id === input.communityId) throw registrationErrors.error('REG_SAME_COMMUNITY', undefined, { communityId: '您已在该社区' });
  const profile = await registrationRepository.findProfile(ctx.tx, caller.userId);
  if (!profile) throw registrationErrors.error('REG_NO_PROFILE');
  if (await registrationRepository.hasPending(ctx.tx, caller.userId)) throw registrationErrors.error('REG_ALREADY_PENDING');

  const form: RegistrationForm = {
    name: profile.name,
    gender: profile.gender,
    ethnicity: profile.ethnicity,
    birthMonth: profile.birth_month,
    education: profile.education,
    health: profile.health ?? undefined,
    memberType: member.member_type,
    joinedPartyMonth: profile.joined_party_month ?? undefined,
    unitId: member.unit_id ?? undefined,
    workUnit: profile.work_unit ?? undefined,
    jobTitle: profile.job_title ?? undefined,
    unitAddress: profile.unit_address ?? undefined,
    unitPhone: profile.unit_phone ?? undefined,
    homeAddress: input.homeAddress ?? profile.home_address,
    phone: profile.phone,
    communityId: input.communityId,
    gridId: input.gridId,
    skills: member.skills,
    hobbies: profile.hobbies || undefined,
    serviceIntentions: profile.service_intentions,
    posts: member.posts,
    availability: member.availability,
    willingLongTerm: profile.willing_long_term,
    willingOtherServices: profile.willing_other_services,
    transferReason: input.reason,
  };
  await checkForm(ctx.tx, form, ctx.clock.now(), '');
  const id = ctx.newId();
  await registrationRepository.insert(ctx.tx, {
    id, userId: caller.userId, communityId: input.communityId, gridId: input.gridId ?? null, slipId: null, kind: 'transfer', form, now: ctx.clock.now(),
  });
  return toRegistrationView((await registrationRepository.findById(ctx.tx, id))!, { masked: false });
}
