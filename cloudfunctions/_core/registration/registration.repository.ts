import type { Executor } from '../db/database';
import type { RegistrationForm } from './registration-form';

export interface RegistrationRow {
  id: string;
  user_id: string;
  community_id: string;
  grid_id: string | null;
  slip_id: string | null;
  kind: 'report' | 'transfer';
  form: RegistrationForm;
  status: 'pending' | 'confirmed' | 'returned' | 'withdrawn';
  return_reason: string | null;
  submitted_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  community_name: string;
  grid_name: string | null;
  slip_code: string | null;
  slip_party_standing: '正式' | '预备' | null;
  unit_id: string | null;
  unit_name: string | null;
  user_name: string;
}

const REGISTRATION_COLUMNS = `
  r.*, c.name as community_name, g.name as grid_name, s.code as slip_code, s.party_standing as slip_party_standing,
  un.id as unit_id, un.name as unit_name, u.name as user_name`;

/** Each join is to one row at most (the inner ones by not-null foreign keys), so a registration's rows stay those picked. */
const REGISTRATION_JOINS = `
    join organisations c on c.id = r.community_id
    join users u on u.id = r.user_id
    left join organisations g on g.id = r.grid_id
    left join report_slips s on s.id = r.slip_id
    left join members m on m.user_id = r.user_id
    left join units un on un.id = coalesce(s.unit_id, (r.form->>'unitId')::uuid, m.unit_id)`;

const SELECT_REGISTRATION = `select ${REGISTRATION_COLUMNS} from registrations r ${REGISTRATION_JOINS}`;

export interface SlipRow {
  id: string;
  code: string;
  unit_id: string;
  unit_name: string;
  district_id: string;
  community_id: string;
  community_name: string;
  member_name: string;
  member_phone: string;
  party_standing: '正式' | '预备';
  report_by: string;
  issued_at: Date;
  not_reported_reason: string | null;
  cancelled_at: Date | null;
  /** The latest registration made with the slip, if any. */
  reg_status: RegistrationRow['status'] | null;
  reg_community_name: string | null;
  reg_decided_at: Date | null;
  reg_return_reason: string | null;
  reg_posts: string[] | null;
}

const SLIP_COLUMNS = `
  s.id, s.code, s.unit_id, un.name as unit_name, un.district_id, s.community_id, c.name as community_name,
  s.member_name, s.member_phone, s.party_standing, to_char(s.report_by, 'YYYY-MM-DD') as report_by, s.issued_at,
  s.not_reported_reason, s.cancelled_at,
  r.status as reg_status, rc.name as reg_community_name, r.decided_at as reg_decided_at, r.return_reason as reg_return_reason,
  array(select jsonb_array_elements_text(r.form->'posts')) as reg_posts`;

/** Each join is to one row at most (the inner ones by not-null foreign keys), so a slip's rows stay those picked. */
const SLIP_JOINS = `
    join units un on un.id = s.unit_id
    join organisations c on c.id = s.community_id
    left join lateral (
      select * from registrations where slip_id = s.id and status <> 'withdrawn'
       order by status in ('pending', 'confirmed') desc, submitted_at desc limit 1
    ) r on true
    left join organisations rc on rc.id = r.community_id`;

const SELECT_SLIP = `select ${SLIP_COLUMNS} from report_slips s ${SLIP_JOINS}`;

type Paged = { limit: number; offset: number };

const PENDING_IN_COMMUNITY = `r.community_id = $1 and r.status = 'pending'`;

export const registrationRepository = {
  findById: async (tx: Executor, id: string) =>
    (await tx.query<RegistrationRow>(`${SELECT_REGISTRATION} where r.id = $1`, [id]))[0],

  listByUser: (tx: Executor, userId: string) =>
    tx.query<RegistrationRow>(`${SELECT_REGISTRATION} where r.user_id = $1 order by r.submitted_at desc`, [userId]),

  listPending: (tx: Executor, communityId: string, page: Paged) =>
    tx.query<RegistrationRow & { total: string }>(
      `select ${REGISTRATION_COLUMNS}, (select count(*) from registrations r where ${PENDING_IN_COMMUNITY}) as total
         from (select r.id, r.submitted_at from registrations r where ${PENDING_IN_COMMUNITY}
                order by r.submitted_at, r.id limit $2 offset $3) page
         join registrations r on r.id = page.id ${REGISTRATION_JOINS}
        order by page.submitted_at, page.id`,
      [communityId, page.limit, page.offset],
    ),

  hasPending: async (tx: Executor, userId: string) =>
    (await tx.query(`select 1 from registrations where user_id = $1 and status = 'pending'`, [userId])).length > 0,

  insert: (tx: Executor, r: { id: string; userId: string; communityId: string; gridId: string | null; slipId: string | null; kind: 'report' | 'transfer'; form: RegistrationForm; now: Date }) =>
    tx.query(
      `insert into registrations (id, user_id, community_id, grid_id, slip_id, kind, form, submitted_at) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [r.id, r.userId, r.communityId, r.gridId, r.slipId, r.kind, JSON.stringify(r.form), r.now],
    ),

  /** Decides a pending registration; answers false when someone else decided it first. */
  decideIfPending: async (
    tx: Executor,
    d: { id: string; status: 'confirmed' | 'returned'; reason: string | null; gridId: string | null; by: string; now: Date },
  ) =>
    (
      await tx.query(
        `update registrations set status = $2, return_reason = $3, grid_id = coalesce($4, grid_id), decided_at = $6, decided_by = $5
          where id = $1 and status = 'pending' returning id`,
        [d.id, d.status, d.reason, d.gridId, d.by, d.now],
      )
    ).length > 0,

  withdrawIfPending: async (tx: Executor, id: string, userId: string) =>
    (await tx.query(`update registrations set status = 'withdrawn' where id = $1 and user_id = $2 and status = 'pending' returning id`, [id, userId]))
      .length > 0,

  findSlipByCode: async (tx: Executor, code: string) =>
    (await tx.query<SlipRow>(`${SELECT_SLIP} where s.code = $1`, [code]))[0],

  /** Locks the slip with this code first, then reads it, so that a cancel or a second report racing this one waits. */
  findAndLockSlipByCode: async (tx: Executor, code: string) => {
    await tx.query('select id from report_slips where code = $1 for update', [code]);
    return (await tx.query<SlipRow>(`${SELECT_SLIP} where s.code = $1`, [code]))[0];
  },

  findSlipById: async (tx: Executor, id: string) =>
    (await tx.query<SlipRow>(`${SELECT_SLIP} where s.id = $1`, [id]))[0],

  /** Holds off a merge of these organisations (it locks them for update) until this transaction ends; see organisation-locks.ts. */
  shareLockOrganisations: (tx: Executor, ids: string[]) =>
    tx.query('select id from organisations where id = any($1::uuid[]) order by id for share', [ids]),

  lockSlip: (tx: Executor, id: string) => tx.query('select id from report_slips where id = $1 for update', [id]),

  listSlips: (tx: Executor, unitId: string, page: Paged) =>
    tx.query<SlipRow & { total: string }>(
      `select ${SLIP_COLUMNS}, (select count(*) from report_slips s where s.unit_id = $1) as total
         from (select s.id, s.issued_at, s.code from report_slips s where s.unit_id = $1
                order by s.issued_at desc, s.code limit $2 offset $3) page
         join report_slips s on s.id = page.id ${SLIP_JOINS}
        order by page.issued_at desc, page.code`,
      [unitId, page.limit, page.offset],
    ),

  slipCodeTaken: async (tx: Executor, code: string) => (await tx.query('select 1 from report_slips where code = $1', [code])).length > 0,

  openSlipForPhone: async (tx: Executor, unitId: string, phone: string) =>
    (await tx.query('select 1 from report_slips where unit_id = $1 and member_phone = $2 and cancelled_at is null', [unitId, phone])).length > 0,

  insertSlip: (
    tx: Executor,
    s: { id: string; code: string; unitId: string; communityId: string; memberName: string; memberPhone: string; partyStanding: string; reportBy: string; issuedBy: string; now: Date },
  ) =>
    tx.query(
      `insert into report_slips (id, code, unit_id, community_id, member_name, member_phone, party_standing, report_by, issued_by, issued_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [s.id, s.code, s.unitId, s.communityId, s.memberName, s.memberPhone, s.partyStanding, s.reportBy, s.issuedBy, s.now],
    ),

  noteNotReported: (tx: Executor, id: string, reason: string) =>
    tx.query('update report_slips set not_reported_reason = $2 where id = $1', [id, reason]),

  cancelSlip: (tx: Executor, id: string, now: Date) => tx.query('update report_slips set cancelled_at = $2 where id = $1', [id, now]),

  /** A current community, share-locked: a merge (which locks it for update) waits until this transaction ends. */
  findCommunity: async (tx: Executor, communityId: string) =>
    (
      await tx.query<{ id: string; name: string; district_id: string; collect_id_numbers: boolean }>(
        `select c.id, c.name, street.parent_id as district_id, coalesce(ds.collect_id_numbers, false) as collect_id_numbers
           from organisations c join organisations street on street.id = c.parent_id
           left join district_settings ds on ds.district_id = street.parent_id
          where c.id = $1 and c.kind = 'community' and c.archived_at is null
            for share of c`,
        [communityId],
      )
    )[0],

  /** Whether the grid is a current grid of the community; share-locked like findCommunity. */
  gridBelongsTo: async (tx: Executor, gridId: string, communityId: string) =>
    (await tx.query(`select 1 from organisations where id = $1 and parent_id = $2 and kind = 'grid' and archived_at is null for share`, [gridId, communityId]))
      .length > 0,

  findMember: async (tx: Executor, userId: string) =>
    (
      await tx.query<{ community_id: string; grid_id: string | null; unit_id: string | null; member_type: RegistrationForm['memberType']; skills: string[]; posts: RegistrationForm['posts']; availability: RegistrationForm['availability'] }>(
        'select community_id, grid_id, unit_id, member_type, skills, posts, availability from members where user_id = $1',
        [userId],
      )
    )[0],

  findProfile: async (tx: Executor, userId: string) =>
    (await tx.query<ProfileRow>(
      `select u.name, u.phone, p.gender, p.ethnicity, to_char(p.birth_month, 'YYYY-MM') as birth_month, p.education, p.health,
              to_char(p.joined_party_month, 'YYYY-MM') as joined_party_month, p.party_standing, p.work_unit, p.job_title, p.unit_address,
              p.unit_phone, p.home_address, p.hobbies, p.service_intentions, p.willing_long_term, p.willing_other_services, p.id_number
         from member_profiles p join users u on u.id = p.user_id where p.user_id = $1`,
      [userId],
    ))[0],

  upsertProfile: (tx: Executor, userId: string, form: RegistrationForm, partyStanding: string, workUnit: string | null, now: Date) =>
    tx.query(
      `insert into member_profiles (user_id, gender, ethnicity, birth_month, education, health, joined_party_month, party_standing, work_unit,
                                    job_title, unit_address, unit_phone, home_address, hobbies, service_intentions, willing_long_term,
                                    willing_other_services, id_number, updated_at)
       values ($1, $2, $3, ($4 || '-01')::date, $5, $6, ($7 || '-01')::date, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       on conflict (user_id) do update set gender = excluded.gender, ethnicity = excluded.ethnicity, birth_month = excluded.birth_month,
         education = excluded.education, health = excluded.health, joined_party_month = excluded.joined_party_month,
         party_standing = excluded.party_standing, work_unit = excluded.work_unit, job_title = excluded.job_title,
         unit_address = excluded.unit_address, unit_phone = excluded.unit_phone, home_address = excluded.home_address,
         hobbies = excluded.hobbies, service_intentions = excluded.service_intentions, willing_long_term = excluded.willing_long_term,
         willing_other_services = excluded.willing_other_services, id_number = coalesce(excluded.id_number, member_profiles.id_number),
         updated_at = excluded.updated_at`,
      [userId, form.gender, form.ethnicity, form.birthMonth, form.education, form.health ?? null, form.joinedPartyMonth ?? null, partyStanding,
        workUnit, form.jobTitle ?? null, form.unitAddress ?? null, form.unitPhone ?? null, form.homeAddress, form.hobbies ?? '',
        JSON.stringify(form.serviceIntentions), form.willingLongTerm, form.willingOtherServices, form.idNumber ?? null, now],
    ),
};

export interface ProfileRow {
  name: string;
  phone: string;
  gender: '男' | '女';
  ethnicity: string;
  birth_month: string;
  education: RegistrationForm['education'];
  health: string | null;
  joined_party_month: string | null;
  party_standing: string;
  work_unit: string | null;
  job_title: string | null;
  unit_address: string | null;
  unit_phone: string | null;
  home_address: string;
  hobbies: string;
  service_intentions: RegistrationForm['serviceIntentions'];
  willing_long_term: boolean;
  willing_other_services: boolean;
  id_number: string | null;
}
