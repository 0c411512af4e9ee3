import { administersUnit, managesCommunity, requireCaller, type ActionContext } from '../runtime';
import { businessDate, inBusinessZone } from '../shared/business-time';
import { publicPageLink } from '../shared/public-link';
import { receiptText } from './registration-view';
import { registrationErrors } from './registration.errors';
import { registrationRepository, type SlipRow } from './registration.repository';
import { slipLinkPath } from './registration.schemas';
import { renderReceiptPdf, renderSlipPdf, type ReceiptPaper } from './slip-papers-pdf';
import { slipPapersRepository } from './slip-papers.repository';

/** The 回执 half of a slip: filled in once the community confirmed the member, else the form's blanks. */
function slipReceipt(slip: SlipRow): ReceiptPaper {
  const reported = slip.reg_status === 'confirmed' && slip.reg_decided_at;
  const decidedOn = reported ? businessDate(slip.reg_decided_at!) : null;
  const text = reported
    ? `你单位党员 ${slip.member_name} 同志已于${inBusinessZone(slip.reg_decided_at!).format('M月D日')}到我处报到登记，认领的社区服务岗位为${(slip.reg_posts ?? []).join('、')}。`
    : null;
  return { unitName: slip.unit_name, communityName: reported ? slip.reg_community_name! : slip.community_name, text, memberName: slip.member_name, decidedOn };
}

/**
 * 在职党员社区报到单 with its 回执单 as a printable PDF: for the unit that issued it, and for the member who
 * registered with it; anyone else is told it does not exist. The QR code and the link open the registration with the
 * code filled in (the H5 app's public address, else the mini-program page).
 */
export async function slipPdf(ctx: ActionContext, input: { slipId: string }) {
  const caller = requireCaller(ctx.caller);
  const slip = await registrationRepository.findSlipById(ctx.tx, input.slipId);
  const allowed = slip && (administersUnit(caller, slip.unit_id) || (await slipPapersRepository.registeredWithSlip(ctx.tx, slip.id, caller.userId)));
  if (!slip || !allowed) throw registrationErrors.error('REG_SLIP_NOT_FOUND');
  const publicUrl = ctx.config.PUBLIC_URL;
  const paper = {
    headings: await slipPapersRepository.headingsOf(ctx.tx, slip.community_id),
    unitName: slip.unit_name,
    memberName: slip.member_name,
    memberPhone: slip.member_phone,
    partyStanding: slip.party_standing,
    code: slip.code,
    reportBy: slip.report_by,
    issuedOn: businessDate(slip.issued_at),
    link: publicPageLink(publicUrl, slipLinkPath(slip.code)),
    linkIsWeb: Boolean(publicUrl),
  };
  return renderSlipPdf(paper, slipReceipt(slip), `在职党员社区报到单-${slip.member_name}-${slip.code}.pdf`);
}

/**
 * 在职党员社区报到回执单 of a confirmed registration as a printable PDF: for the registrant, the community's
 * secretary (and the district admin who may look), and the unit admin of the member's unit.
 */
export async function receiptPdf(ctx: ActionContext, input: { registrationId: string }) {
  const caller = requireCaller(ctx.caller);
  const row = await registrationRepository.findById(ctx.tx, input.registrationId);
  const allowed =
    row && (row.user_id === caller.userId || (row.unit_id !== null && administersUnit(caller, row.unit_id)) || (await managesCommunity(ctx.tx, caller, row.community_id)));
  // Someone else's registration is answered as one that does not exist, so that its id cannot be probed.
  if (!row || !allowed) throw registrationErrors.error('REG_NOT_FOUND');
  if (row.status !== 'confirmed' || !row.decided_at) throw registrationErrors.error('REG_RECEIPT_NOT_READY');
  const paper: ReceiptPaper = { unitName: row.unit_name, communityName: row.community_name, text: receiptText(row), memberName: row.user_name, decidedOn: businessDate(row.decided_at) };
  return renderReceiptPdf(paper, `在职党员社区报到回执单-${row.user_name}-${businessDate(row.decided_at)}.pdf`);
}
