import { businessDate, inBusinessZone } from '../shared/business-time';
import { publicPageLink } from '../shared/public-link';
import { maskAddress, maskIdNumber, maskPhone, maskWorkPhone } from '../shared/masking';
import { MEMBER_TYPE_LABELS } from './registration-form';
import type { RegistrationRow, SlipRow } from './registration.repository';
import { slipOverdue } from './slip-deadline';
import { slipLinkPath, type RegistrationView, type SlipView } from './registration.schemas';

const STATUS_LABELS: Record<RegistrationRow['status'], string> = {
  pending: '待社区确认',
  confirmed: '已报到',
  returned: '被退回',
  withdrawn: '已撤回',
};

const monthDay = (instant: Date) => inBusinessZone(instant).format('M月D日');

/** 回执单 (004 附件1): what the community tells the unit once the member has reported. */
export function receiptText(row: Pick<RegistrationRow, 'kind' | 'user_name' | 'decided_at' | 'form' | 'unit_name' | 'community_name'>): string {
  const when = monthDay(row.decided_at!);
  const posts = row.form.posts.join('、');
  if (row.kind === 'transfer') return `党员 ${row.user_name} 同志已于${when}转入${row.community_name}报到登记，认领的社区服务岗位为${posts}。`;
  const who = row.form.memberType === 'in_service' ? '你单位党员' : '党员';
  return `${who} ${row.user_name} 同志已于${when}到我处报到登记，认领的社区服务岗位为${posts}。`;
}

/** A registration as its registrant sees it, or masked (phones, addresses, ID number) for anyone else. */
export function toRegistrationView(row: RegistrationRow, options: { masked: boolean }): RegistrationView {
  const form = options.masked
    ? {
        ...row.form,
        // A form whose owner left keeps only their type and posts (the 回执 needs them).
        ...(row.form.phone ? { phone: maskPhone(row.form.phone) } : {}),
        ...(row.form.homeAddress ? { homeAddress: maskAddress(row.form.homeAddress) } : {}),
        ...(row.form.idNumber ? { idNumber: maskIdNumber(row.form.idNumber) } : {}),
        ...(row.form.unitPhone ? { unitPhone: maskWorkPhone(row.form.unitPhone) } : {}),
      }
    : row.form;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    userId: row.user_id,
    name: row.user_name,
    memberTypeLabel: MEMBER_TYPE_LABELS[row.form.memberType],
    communityId: row.community_id,
    communityName: row.community_name,
    gridId: row.grid_id,
    gridName: row.grid_name,
    unitName: row.unit_name,
    slipCode: row.slip_code,
    submittedAt: row.submitted_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    returnReason: row.status === 'returned' ? row.return_reason : null,
    receipt: row.status === 'confirmed' ? receiptText(row) : null,
    masked: options.masked,
    form,
  };
}

const SLIP_RESULT_LABELS: Record<SlipView['result'], string> = {
  awaiting: '待报到',
  pending: '待社区确认',
  reported: '已报到',
  returned: '被退回',
  cancelled: '已作废',
};

function slipResult(row: SlipRow): SlipView['result'] {
  if (row.reg_status === 'confirmed') return 'reported';
  if (row.cancelled_at) return 'cancelled';
  if (row.reg_status === 'pending') return 'pending';
  if (row.reg_status === 'returned') return 'returned';
  return 'awaiting';
}

/** A 报到单 with its result for the unit that issued it; the member's phone stays masked. */
export function toSlipView(row: SlipRow, now: Date, publicUrl: string | undefined): SlipView {
  const result = slipResult(row);
  const reported = result === 'reported';
  return {
    id: row.id,
    code: row.code,
    linkPath: slipLinkPath(row.code),
    link: publicUrl ? publicPageLink(publicUrl, slipLinkPath(row.code)) : null,
    unitName: row.unit_name,
    communityId: row.community_id,
    communityName: row.community_name,
    memberName: row.member_name,
    memberPhoneMasked: maskPhone(row.member_phone),
    partyStanding: row.party_standing,
    reportBy: row.report_by,
    issuedAt: row.issued_at.toISOString(),
    overdue: (result === 'awaiting' || result === 'returned') && slipOverdue(row.report_by, now),
    result,
    resultLabel: SLIP_RESULT_LABELS[result],
    reportedCommunity: reported ? row.reg_community_name : null,
    reportedOn: reported && row.reg_decided_at ? businessDate(row.reg_decided_at) : null,
    claimedPosts: reported ? (row.reg_posts ?? []) : [],
    returnReason: result === 'returned' ? row.reg_return_reason : null,
    notReportedReason: row.not_reported_reason,
  };
}
