import { describeIntention } from '../catalogue/service-catalogue';
import { businessDate } from '../shared/business-time';
import { maskAddress, maskPhone, maskWorkPhone } from '../shared/masking';
import type { RegisterSourceRow } from './reports.repository';
import type { RegisterRow } from './reports.schemas';

/** 附件4 names the unit kinds 机关、事业、企业、大专院校. */
const UNIT_KIND_LABELS: Record<string, string> = { 高校: '大专院校' };

/** 志愿服务项目: the posts claimed, then the service intentions with their sub-items. */
export function serviceProjects(posts: string[], intentions: RegisterSourceRow['service_intentions']): string {
  const wanted = (intentions ?? []).map(describeIntention);
  return [posts.join('、'), wanted.join('、')].filter(Boolean).join('；');
}

/** One line of the register; phone and address are masked unless `fullContacts`. */
export function toRegisterRow(row: RegisterSourceRow, seq: number, fullContacts = false): RegisterRow {
  const yesNo = row.willing_other_services === null ? '' : row.willing_other_services ? '是' : '否';
  return {
    seq,
    memberId: row.member_id,
    volunteerNo: row.volunteer_no,
    memberType: row.member_type,
    name: row.name,
    gender: row.gender ?? '',
    birthMonth: row.birth_month ?? '',
    joinedPartyMonth: row.joined_party_month ?? '',
    education: row.education ?? '',
    skills: row.skills.join('、'),
    hobbies: row.hobbies ?? '',
    workUnitAndTitle: [row.work_unit ?? row.unit_name, row.job_title].filter(Boolean).join(' '),
    unitKind: row.unit_kind ? (UNIT_KIND_LABELS[row.unit_kind] ?? row.unit_kind) : '',
    address: row.home_address ? (fullContacts ? row.home_address : maskAddress(row.home_address)) : '',
    unitPhone: row.unit_phone ? (fullContacts ? row.unit_phone : maskWorkPhone(row.unit_phone)) : '',
    phone: fullContacts ? row.phone : maskPhone(row.phone),
    serviceProjects: serviceProjects(row.posts, row.service_intentions),
    serviceGroup: row.team_names ?? '',
    gridName: row.grid_name ?? '',
    reportedOn: businessDate(row.reported_at),
    willingOtherServices: yesNo,
  };
}
