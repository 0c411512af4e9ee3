import type { Executor } from '../db/database';

const one = async <T>(rows: Promise<T[]>) => (await rows)[0];

/** Everything the system holds about one user, table by table (我的数据). */
export const heldDataRepository = {
  account: (tx: Executor, userId: string) =>
    one(tx.query<{ name: string; phone: string | null; created_at: Date; wx_bound: boolean; has_photo: boolean; has_password: boolean }>(
      `select name, phone, created_at, wx_openid is not null as wx_bound, photo_url is not null as has_photo,
              password_hash is not null as has_password
         from users where id = $1`,
      [userId],
    )),

  roles: (tx: Executor, userId: string) =>
    tx.query<{ role: string; org_name: string | null; unit_name: string | null }>(
      `select r.role, o.name as org_name, un.name as unit_name
         from user_roles r left join organisations o on o.id = r.org_id left join units un on un.id = r.unit_id
        where r.user_id = $1 order by r.role`,
      [userId],
    ),

  resident: (tx: Executor, userId: string) =>
    one(tx.query<{ community: string; grid: string | null; address: string }>(
      `select c.name as community, g.name as grid, r.address
         from residents r join organisations c on c.id = r.community_id left join organisations g on g.id = r.grid_id
        where r.user_id = $1`,
      [userId],
    )),

  demands: (tx: Executor, userId: string) =>
    tx.query<{ category: string; description: string; status: string; created_at: Date }>(
      'select category, description, status, created_at from demands where resident_id = $1 order by created_at desc',
      [userId],
    ),

  member: (tx: Executor, userId: string) =>
    one(tx.query<{
      volunteer_no: string; community: string; grid: string | null; unit: string | null; member_type: string;
      posts: string[]; skills: string[]; availability: Record<string, string[]>; created_at: Date;
    }>(
      `select m.volunteer_no, c.name as community, g.name as grid, un.name as unit, m.member_type, m.posts, m.skills,
              m.availability, m.created_at
         from members m join organisations c on c.id = m.community_id left join organisations g on g.id = m.grid_id
         left join units un on un.id = m.unit_id
        where m.user_id = $1`,
      [userId],
    )),

  profile: (tx: Executor, userId: string) =>
    one(tx.query<{
      gender: string; ethnicity: string; birth_month: string; education: string; health: string | null;
      joined_party_month: string | null; party_standing: string; work_unit: string | null; job_title: string | null;
      unit_address: string | null; unit_phone: string | null; home_address: string; hobbies: string;
      service_intentions: { category: string; subItems: string[] }[]; willing_long_term: boolean;
      willing_other_services: boolean; id_number: string | null; updated_at: Date;
    }>(
      `select gender, ethnicity, to_char(birth_month, 'YYYY-MM') as birth_month, education, health,
              to_char(joined_party_month, 'YYYY-MM') as joined_party_month, party_standing, work_unit, job_title,
              unit_address, unit_phone, home_address, hobbies, service_intentions, willing_long_term,
              willing_other_services, id_number, updated_at
         from member_profiles where user_id = $1`,
      [userId],
    )),

  registrations: (tx: Executor, userId: string) =>
    tx.query<{ kind: string; community: string; status: string; return_reason: string | null; submitted_at: Date; decided_at: Date | null; form: Record<string, unknown> }>(
      `select r.kind, c.name as community, r.status, r.return_reason, r.submitted_at, r.decided_at, r.form
         from registrations r join organisations c on c.id = r.community_id
        where r.user_id = $1 order by r.submitted_at desc`,
      [userId],
    ),

  history: (tx: Executor, userId: string) =>
    tx.query<{ community: string; grid: string | null; joined_at: Date; left_at: Date | null }>(
      `select c.name as community, g.name as grid, h.joined_at, h.left_at
         from member_community_history h join organisations c on c.id = h.community_id
         left join organisations g on g.id = h.grid_id
        where h.member_id = $1 order by h.joined_at desc`,
      [userId],
    ),

  assignments: (tx: Executor, userId: string) =>
    tx.query<{ title: string; starts_at: Date; ends_at: Date; status: string; order_status: string }>(
      `select o.title, o.starts_at, o.ends_at, a.status, o.status as order_status
         from assignments a join orders o on o.id = a.order_id
        where a.member_id = $1 order by o.starts_at desc`,
      [userId],
    ),

  serviceRecords: (tx: Executor, userId: string) =>
    tx.query<{ content: string; place: string; order_kind: 'demand' | 'activity'; service_date: string; minutes_credited: number; source: string; status: string }>(
      `select r.content, r.place, o.kind as order_kind, to_char(r.service_date, 'YYYY-MM-DD') as service_date, r.minutes_credited, r.source, r.status
         from service_records r join orders o on o.id = r.order_id where r.member_id = $1 order by r.started_at desc`,
      [userId],
    ),

  evaluations: (tx: Executor, userId: string) =>
    tx.query<{ title: string; kind: string; rating: string; comment: string; created_at: Date }>(
      `select o.title, e.kind, e.rating, e.comment, e.created_at
         from evaluations e join orders o on o.id = e.order_id
        where e.member_id = $1 or e.created_by = $1
           or (e.kind in ('resident', 'organisation')
               and exists (select 1 from service_records r where r.order_id = e.order_id and r.member_id = $1))
        order by e.created_at desc`,
      [userId],
    ),

  scans: (tx: Executor, userId: string) =>
    one(tx.query<{ as_member: number; as_verifier: number }>(
      `select (select count(*) from scans where member_id = $1)::int as as_member,
              (select count(*) from scans where verifier_id = $1)::int as as_verifier`,
      [userId],
    )),

  devices: (tx: Executor, userId: string) =>
    tx.query<{ created_at: Date; revoked_at: Date | null }>(
      'select created_at, revoked_at from member_devices where member_id = $1 order by created_at desc',
      [userId],
    ),
};
