import type { ActionContext } from '../runtime/action';
import { grantsOf, requireCaller } from '../runtime';
import { logFullRead } from './access-log';
import { privacyErrors } from './privacy.errors';
import { privacyRepository, type SubjectRow } from './privacy.repository';
import type { RevealInput } from './privacy.schemas';

const DEFAULT_PURPOSE = { member: '联系党员', resident: '联系需求人' } as const;

async function findSubject(ctx: ActionContext, subject: RevealInput['subject'], viewerId: string) {
  if (subject.memberId) return { kind: 'member' as const, row: await privacyRepository.memberSubject(ctx.tx, subject.memberId) };
  if (subject.residentId) return { kind: 'resident' as const, row: await privacyRepository.residentSubject(ctx.tx, subject.residentId, viewerId) };
  return { kind: 'resident' as const, row: await privacyRepository.demandSubject(ctx.tx, subject.demandId!, viewerId) };
}

/**
 * 查看完整信息 (004 §二.3.(1)): the person themself; the secretary of the person's community (logged with the
 * purpose); a member serving the resident's open order, for phone and address (logged too). Nobody else.
 */
export async function reveal(ctx: ActionContext, input: RevealInput) {
  const caller = requireCaller(ctx.caller);
  const { kind, row } = await findSubject(ctx, input.subject, caller.userId);
  if (!row) throw privacyErrors.error('PRIVACY_SUBJECT_NOT_FOUND');
  // Nothing is left to reveal, whoever asks (a resident who left no longer belongs to a community).
  if (row.left_at) throw privacyErrors.error('PRIVACY_SUBJECT_LEFT');

  const isSelf = row.subject_user_id === caller.userId;
  const isSecretary = row.community_id !== null && grantsOf(caller, 'secretary').some((grant) => grant.orgId === row.community_id);
  const servesIt = row.serves_it && input.field !== 'id_number';
  if (!isSelf && !isSecretary && !servesIt) throw privacyErrors.error('PRIVACY_FORBIDDEN');

  const value = valueOf(row, input.field);
  if (!value) throw privacyErrors.error('PRIVACY_NOT_HELD');
  if (isSelf) return { value, logged: false };

  await logFullRead(ctx.tx, {
    id: ctx.newId(),
    viewerId: caller.userId,
    subjectUserId: row.subject_user_id,
    demandId: input.subject.demandId ?? null,
    communityId: row.community_id!,
    field: input.field,
    purpose: input.purpose || DEFAULT_PURPOSE[kind],
    at: ctx.clock.now(),
  });
  return { value, logged: true };
}

const valueOf = (row: SubjectRow, field: RevealInput['field']) =>
  field === 'phone' ? row.phone : field === 'address' ? row.address : row.id_number;
