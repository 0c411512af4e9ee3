import { randomUUID } from 'node:crypto';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { orgRepository, type MemberType } from '../../cloudfunctions/_core/org';
import { sessionTokenFor, type TestUser } from './fixtures';

// Rows of issue 4 (profiles, 报到单, registrations, transfers, leaving) written with SQL, so that the
// reports can be tested on their own.

let counter = 0;
const nextPhone = () => `1370${String(process.pid % 1000).padStart(3, '0')}${String(++counter).padStart(4, '0')}`;

/** A user with a session, holding `role` in `communityId` when given. */
export async function createPerson(db: Database, name: string, grant?: { role: 'member' | 'resident'; orgId: string }): Promise<TestUser> {
  const id = randomUUID();
  const phone = nextPhone();
  await orgRepository.createUser(db, { id, name, phone, passwordHash: null });
  if (grant) await orgRepository.grantRole(db, { id: randomUUID(), userId: id, ...grant });
  return { id, name, phone, password: '', token: await sessionTokenFor(db, id) };
}

/** A member of a community, created at `createdAt`, with the posts and skills given. */
export async function addMember(
  db: Database,
  name: string,
  member: { communityId: string; gridId: string | null; unitId: string | null; memberType: MemberType; createdAt: Date; posts?: string[]; skills?: string[] },
): Promise<TestUser> {
  const person = await createPerson(db, name, { role: 'member', orgId: member.communityId });
  await orgRepository.registerMember(db, { userId: person.id, ...member });
  await setMemberDetails(db, person.id, { createdAt: member.createdAt, posts: member.posts, skills: member.skills });
  return person;
}

export async function setMemberDetails(db: Database, userId: string, details: { createdAt?: Date; posts?: string[]; skills?: string[] }) {
  await db.query(
    `update members set created_at = coalesce($2, created_at), posts = coalesce($3, posts), skills = coalesce($4, skills) where user_id = $1`,
    [userId, details.createdAt ?? null, details.posts ?? null, details.skills ?? null],
  );
  if (details.createdAt) await db.query('update member_community_history set joined_at = $2 where member_id = $1', [userId, details.createdAt]);
}

export interface ProfileRow {
  gender: '男' | '女';
  ethnicity?: string;
  birthMonth: string;
  education: string;
  joinedPartyMonth?: string | null;
  partyStanding?: '正式' | '预备' | '积极分子';
  workUnit?: string | null;
  jobTitle?: string | null;
  unitPhone?: string | null;
  homeAddress: string;
  hobbies?: string;
  serviceIntentions?: { category: string; subItems: string[] }[];
  willingOtherServices: boolean;
}

/** The personal data of a registration form (member_profiles). Months as YYYY-MM. */
export const addProfile = (db: Database, userId: string, profile: ProfileRow) =>
  db.query(
    `insert into member_profiles (user_id, gender, ethnicity, birth_month, education, joined_party_month, party_standing, work_unit,
                                  job_title, unit_phone, home_address, hobbies, service_intentions, willing_long_term,
                                  willing_other_services, updated_at)
     values ($1, $2, $3, ($4 || '-01')::date, $5, ($6 || '-01')::date, $7, $8, $9, $10, $11, $12, $13, true, $14, now())`,
    [userId, profile.gender, profile.ethnicity ?? '汉族', profile.birthMonth, profile.education, profile.joinedPartyMonth ?? null,
      profile.partyStanding ?? '正式', profile.workUnit ?? null, profile.jobTitle ?? null, profile.unitPhone ?? null, profile.homeAddress,
      profile.hobbies ?? '', JSON.stringify(profile.serviceIntentions ?? []), profile.willingOtherServices],
  );

/** A 报到单 issued by the unit (附件1). */
export async function issueSlip(
  db: Database,
  slip: { unitId: string; communityId: string; name: string; phone: string; issuedBy: string; issuedAt: Date; notReportedReason?: string; cancelledAt?: Date },
): Promise<string> {
  const id = randomUUID();
  const code = Array.from({ length: 8 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[Math.floor(Math.random() * 32)]).join('');
  await db.query(
    `insert into report_slips (id, code, unit_id, community_id, member_name, member_phone, party_standing, report_by, issued_by, issued_at,
                               not_reported_reason, cancelled_at)
     values ($1, $2, $3, $4, $5, $6, '正式', ($7::timestamptz + interval '30 days')::date, $8, $7, $9, $10)`,
    [id, code, slip.unitId, slip.communityId, slip.name, slip.phone, slip.issuedAt, slip.issuedBy, slip.notReportedReason ?? null, slip.cancelledAt ?? null],
  );
  return id;
}

/** A registration (报到 or 转移) in any state; decided ones carry the secretary and the time. */
export async function addRegistration(
  db: Database,
  registration: {
    userId: string; communityId: string; gridId?: string | null; slipId?: string | null; kind?: 'report' | 'transfer';
    status: 'pending' | 'confirmed' | 'returned' | 'withdrawn'; returnReason?: string; submittedAt: Date; decidedAt?: Date; decidedBy?: string;
  },
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `insert into registrations (id, user_id, community_id, grid_id, slip_id, kind, form, status, return_reason, submitted_at, decided_at, decided_by)
     values ($1, $2, $3, $4, $5, $6, '{}', $7, $8, $9, $10, $11)`,
    [id, registration.userId, registration.communityId, registration.gridId ?? null, registration.slipId ?? null, registration.kind ?? 'report',
      registration.status, registration.returnReason ?? null, registration.submittedAt, registration.decidedAt ?? null, registration.decidedBy ?? null],
  );
  if (registration.status === 'confirmed' && (registration.kind ?? 'report') === 'report') {
    // as the 回执 does: the member's time at the community starts with this registration
    await db.query(
      'update member_community_history set registration_id = $3, joined_at = $4 where member_id = $1 and community_id = $2 and left_at is null',
      [registration.userId, registration.communityId, id, registration.decidedAt],
    );
  }
  return id;
}

/** 转移: the member moves to another community, confirmed there at `at`; the history keeps the old one. */
export async function transferMember(db: Database, userId: string, to: { communityId: string; gridId: string; secretaryId: string; at: Date }) {
  const registrationId = await addRegistration(db, {
    userId, communityId: to.communityId, gridId: to.gridId, kind: 'transfer', status: 'confirmed', submittedAt: to.at, decidedAt: to.at, decidedBy: to.secretaryId,
  });
  await db.query('update member_community_history set left_at = $2 where member_id = $1 and left_at is null', [userId, to.at]);
  await db.query(
    'insert into member_community_history (id, member_id, community_id, grid_id, registration_id, joined_at) values ($1, $2, $3, $4, $5, $6)',
    [randomUUID(), userId, to.communityId, to.gridId, registrationId, to.at],
  );
  await db.query('update members set community_id = $2, grid_id = $3 where user_id = $1', [userId, to.communityId, to.gridId]);
  await db.query("update user_roles set org_id = $2 where user_id = $1 and role = 'member'", [userId, to.communityId]);
}

/** The member asked to leave: name kept for records, phone erased. */
export const leave = (db: Database, userId: string, at: Date) => db.query('update users set phone = null, left_at = $2 where id = $1', [userId, at]);
