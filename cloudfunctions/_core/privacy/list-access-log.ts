import type { ActionContext } from '../runtime/action';
import { assertManagesCommunity, communityOf, requireCaller } from '../runtime';
import { maskPhone } from '../shared/masking';
import { privacyRepository, type AccessLogRow } from './privacy.repository';
import { PERSONAL_FIELD_LABELS, type AccessLogEntry } from './privacy.schemas';

export const toAccessLogEntry = (row: AccessLogRow): AccessLogEntry => ({
  id: row.id,
  at: row.at.toISOString(),
  viewerName: row.viewer_name,
  subjectName: row.subject_name,
  subjectPhoneMasked: maskPhone(row.subject_phone),
  field: row.field,
  fieldLabel: PERSONAL_FIELD_LABELS[row.field],
  purpose: row.purpose,
  demandId: row.demand_id,
});

/** 信息查看记录: who read whose full phone, address or ID number in the community, newest first. */
export async function listAccessLog(ctx: ActionContext, input: { communityId?: string; page: { limit: number; offset: number } }) {
  const caller = requireCaller(ctx.caller);
  const communityId = input.communityId ?? communityOf(caller, 'secretary');
  await assertManagesCommunity(ctx.tx, caller, communityId);
  const rows = await privacyRepository.accessLogOfCommunity(ctx.tx, communityId, input.page);
  return { items: rows.map(toAccessLogEntry), total: Number(rows[0]?.total ?? 0) };
}
