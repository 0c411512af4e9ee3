import { randomUUID } from 'node:crypto';
import type { Executor } from '../../cloudfunctions/_core/db/database';

/** A member's personal data from the registration form (附件2), written straight to member_profiles. */
export async function insertMemberProfile(db: Executor, userId: string, profile: { homeAddress: string; idNumber?: string | null }) {
  await db.query(
    `insert into member_profiles (user_id, gender, ethnicity, birth_month, education, health, joined_party_month, party_standing,
                                  work_unit, home_address, hobbies, service_intentions, willing_long_term, willing_other_services,
                                  id_number, updated_at)
     values ($1, '女', '汉族', '1985-06-01', '本科', '良好', '2008-07-01', '正式', '测试单位', $2, '书法',
             '[{"category":"社区服务","subItems":["家电、水电维修"]}]', true, true, $3, now())`,
    [userId, profile.homeAddress, profile.idNumber ?? null],
  );
}

const CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const slipCode = () => Array.from({ length: 8 }, () => CODE_LETTERS[Math.floor(Math.random() * CODE_LETTERS.length)]).join('');

/** A confirmed 报到 with its 报到单, as the registration flow leaves them; returns the slip's id. */
export async function insertConfirmedRegistration(
  db: Executor,
  member: { id: string; name: string; phone: string },
  at: { unitId: string; communityId: string; issuedBy: string },
) {
  const slipId = randomUUID();
  await db.query(
    `insert into report_slips (id, code, unit_id, community_id, member_name, member_phone, party_standing, report_by, issued_by, issued_at)
     values ($1, $2, $3, $4, $5, $6, '正式', '2026-12-31', $7, now())`,
    [slipId, slipCode(), at.unitId, at.communityId,
      member.name, member.phone, at.issuedBy],
  );
  await db.query(
    `insert into registrations (id, user_id, community_id, slip_id, kind, form, status, submitted_at, decided_at, decided_by)
     values ($1, $2, $3, $4, 'report', $5, 'confirmed', now(), now(), $6)`,
    [randomUUID(), member.id, at.communityId, slipId, JSON.stringify({ name: member.name, phone: member.phone, homeAddress: '锦绣家园8栋302室', posts: ['政策宣传'] }), at.issuedBy],
  );
  return slipId;
}

/** Gives a resident a home address of their own, so that its masked form is told apart from others'. */
export const setResidentAddress = (db: Executor, residentId: string, address: string) =>
  db.query('update residents set address = $2 where user_id = $1', [residentId, address]);
