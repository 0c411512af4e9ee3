import { logFullReads, type PersonalField } from '../privacy/access-log';
import { MEMBER_TYPE_LABELS } from '../registration/registration-form';
import { assertManagesCommunity, communityOf, grantsOf, requireCaller, type ActionContext } from '../runtime';
import { businessDate } from '../shared/business-time';
import { commonErrors } from '../shared/domain-error';
import { toRegisterRow } from './register-rows';
import { buildRegisterWorkbook } from './register-workbook';
import { reportsErrors } from './reports.errors';
import { reportsRepository } from './reports.repository';
import type { ReportMemberType } from './reports.schemas';
import { XLSX_MIME, workbookToBase64 } from './workbook-style';

const EXPORT_PURPOSE = '导出党员登记表';

/** The community asked for (a district admin must name one), after checking the caller manages it. */
async function managedCommunity(ctx: ActionContext, communityId: string | undefined) {
  const caller = requireCaller(ctx.caller);
  const id = communityId ?? communityOf(caller, 'secretary');
  await assertManagesCommunity(ctx.tx, caller, id);
  const header = await reportsRepository.communityHeader(ctx.tx, id);
  if (!header) throw commonErrors.error('NOT_FOUND', '社区');
  return { caller, communityId: id, header };
}

/** 在职党员社区报到登记表 (004 附件4) on screen: one page of the community's members (those the query finds), phones and addresses masked. */
export async function communityRegister(
  ctx: ActionContext,
  input: { communityId?: string; memberType: ReportMemberType; query?: string; page: { limit: number; offset: number } },
) {
  const { communityId, header } = await managedCommunity(ctx, input.communityId);
  const rows = await reportsRepository.registerRows(ctx.tx, communityId, input.memberType, input.page, input.query ?? '');
  const counts = await reportsRepository.countsByType(ctx.tx, communityId);
  return {
    header,
    memberType: input.memberType,
    countsByType: Object.fromEntries(counts.map(({ member_type, n }) => [member_type, n])),
    items: rows.map((row, i) => toRegisterRow(row, input.page.offset + i + 1)),
    total: Number(rows[0]?.total ?? 0),
  };
}

/**
 * The register as an .xlsx laid out like 附件4. Full phones and addresses only for the community's own
 * secretary, and every one of them exported is written to the access log (004 §二.3.(1)).
 */
export async function exportCommunityRegister(
  ctx: ActionContext,
  input: { communityId?: string; memberType: ReportMemberType; includeContacts: boolean },
) {
  const { caller, communityId, header } = await managedCommunity(ctx, input.communityId);
  if (input.includeContacts && !grantsOf(caller, 'secretary').some((grant) => grant.orgId === communityId)) {
    throw reportsErrors.error('REPORT_CONTACTS_SECRETARY_ONLY');
  }
  const now = ctx.clock.now();
  const source = await reportsRepository.registerRows(ctx.tx, communityId, input.memberType, null);
  if (input.includeContacts) {
    await logFullReads(
      ctx.tx,
      source.flatMap((row) => {
        const fields: PersonalField[] = row.home_address ? ['phone', 'address'] : ['phone'];
        return fields.map((field) => ({ id: ctx.newId(), viewerId: caller.userId, subjectUserId: row.member_id, communityId, field, purpose: EXPORT_PURPOSE, at: now }));
      }),
    );
  }
  const title = input.memberType === 'in_service' ? '在职党员社区报到登记表' : `党员社区报到登记表（${input.memberType === 'all' ? '全部党员' : MEMBER_TYPE_LABELS[input.memberType]}）`;
  const workbook = buildRegisterWorkbook({
    title,
    header,
    rows: source.map((row, i) => toRegisterRow(row, i + 1, input.includeContacts)),
    filledOn: businessDate(now),
  });
  return { fileName: `${title}-${header.community}-${businessDate(now)}.xlsx`, mimeType: XLSX_MIME, base64: await workbookToBase64(workbook) };
}
