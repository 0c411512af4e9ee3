import type { Executor } from '../db/database';

export interface RegisterSourceRow {
  member_id: string;
  volunteer_no: string;
  member_type: 'in_service' | 'community' | 'probationary' | 'activist';
  name: string;
  phone: string;
  skills: string[];
  posts: string[];
  grid_name: string | null;
  team_names: string | null;
  unit_name: string | null;
  unit_kind: string | null;
  gender: string | null;
  birth_month: string | null;
  joined_party_month: string | null;
  education: string | null;
  hobbies: string | null;
  work_unit: string | null;
  job_title: string | null;
  unit_phone: string | null;
  home_address: string | null;
  service_intentions: { category: string; subItems?: string[] }[] | null;
  willing_other_services: boolean | null;
  reported_at: Date;
  /** On a page of the register: how many members it holds. */
  total?: string;
}

export interface ReportedMemberRow {
  unit_id: string;
  name: string;
  phone: string;
  community_id: string;
  community_name: string;
  reported_at: Date;
}

export interface OpenSlipRow {
  unit_id: string;
  name: string;
  phone: string;
  community_name: string;
  issued_at: Date;
  report_by: string;
  not_reported_reason: string | null;
  registration_status: 'pending' | 'returned' | 'withdrawn' | 'confirmed' | null;
  return_reason: string | null;
  submitted_at: Date | null;
  decided_at: Date | null;
}

/**
 * 报到日期: the 回执 of the registration that brought the member to where they serve now (carried over when
 * their community was merged into another), else when the member was created.
 */
const REPORTED_AT = `coalesce((select r.decided_at from member_community_history h join registrations r on r.id = h.registration_id
                                where h.member_id = m.user_id and h.left_at is null),
                              m.created_at)`;

/**
 * 在职党员 of a unit (004: 在岗职工中的党员; its 报到单 is for 正式 and 预备 members alike): a current member
 * whose unit it is, in service or on probation. 入党积极分子 are not party members yet.
 */
const IN_SERVICE = `m.member_type in ('in_service', 'probationary')`;

const REGISTER_COLUMNS = `
  m.user_id as member_id, m.volunteer_no, m.member_type, u.name, u.phone, m.skills, m.posts,
  grid.name as grid_name, unit.name as unit_name, unit.kind as unit_kind,
  (select string_agg(t.name, '、' order by t.name) from team_members tm join teams t on t.id = tm.team_id
    where tm.member_id = m.user_id and tm.left_at is null and t.archived_at is null
      and (t.community_id = m.community_id or t.unit_id = m.unit_id)) as team_names,
  p.gender, to_char(p.birth_month, 'YYYY.MM') as birth_month, to_char(p.joined_party_month, 'YYYY.MM') as joined_party_month,
  p.education, p.hobbies, p.work_unit, p.job_title, p.unit_phone, p.home_address, p.service_intentions,
  p.willing_other_services`;

/** Each join is to one row at most (the user by a not-null foreign key), so a member's rows stay those picked. */
const REGISTER_JOINS = `
    join users u on u.id = m.user_id
    left join member_profiles p on p.user_id = m.user_id
    left join units unit on unit.id = m.unit_id
    left join organisations grid on grid.id = m.grid_id`;

/**
 * $1 the community, $2 the member type or 'all', $N the query (the last parameter): in the name, the end of the phone,
 * or the unit's name or the member's work unit. The unit and work unit are read only when a query asks for them.
 */
const registerFilter = (query: string) => `m.community_id = $1 and ($2 = 'all' or m.member_type = $2)
  and (${query}::text = '' or strpos(lower(u.name), lower(${query}::text)) > 0
       or (${query}::text ~ '^[0-9]{3,11}$' and right(u.phone, length(${query}::text)) = ${query}::text)
       or strpos(lower(coalesce((select unit.name from units unit where unit.id = m.unit_id), '') || ' '
                       || coalesce((select p.work_unit from member_profiles p where p.user_id = m.user_id), '')),
                 lower(${query}::text)) > 0)`;

/**
 * An open 报到单 of the units $1 whose holder is not (yet) one of that unit's in-service members: not by the phone
 * on it, nor by a registration made with it. Two NOT EXISTS rather than one with an OR, so that each is one
 * index lookup per slip (users by phone, registrations by slip) instead of a pass over the unit's members.
 */
const OPEN_SLIP_NOT_REPORTED = `
  s.unit_id = any($1::uuid[]) and s.cancelled_at is null
  and s.member_phone is not null -- erased when its holder left: no longer the unit's member to count
  and not exists (
    select 1 from users u join members m on m.user_id = u.id
     where u.phone = s.member_phone and u.left_at is null and m.unit_id = s.unit_id and ${IN_SERVICE})
  and not exists (
    select 1 from registrations used join users u on u.id = used.user_id and u.left_at is null join members m on m.user_id = u.id
     where used.slip_id = s.id and m.unit_id = s.unit_id and ${IN_SERVICE})`;

export const reportsRepository = {
  /** Names of the community, its street and its district (附件4's header). */
  communityHeader: async (tx: Executor, communityId: string) =>
    (await tx.query<{ district: string; street: string; community: string }>(
      `select district.name as district, street.name as street, community.name as community
         from organisations community
         join organisations street on street.id = community.parent_id
         join organisations district on district.id = street.parent_id
        where community.id = $1`,
      [communityId],
    ))[0],

  /**
   * Current members of the community (not those who left), with their profile where there is one, by 报到日期: one page
   * picked on members and users alone, the profile, unit and grid joined to its rows only; without a page, every one of
   * them in one pass (the export). The page's sort key is worked out for every member, so that pass counts them too.
   */
  registerRows: (tx: Executor, communityId: string, memberType: string, page: { limit: number; offset: number } | null, query = '') =>
    tx.query<RegisterSourceRow>(
      page
        ? `select ${REGISTER_COLUMNS}, page.reported_at, page.total
             from (select m.user_id, m.volunteer_no, ${REPORTED_AT} as reported_at, count(*) over () as total
                     from members m join users u on u.id = m.user_id and u.left_at is null
                    where ${registerFilter('$5')}
                    order by reported_at, m.volunteer_no limit $3 offset $4) page
             join members m on m.user_id = page.user_id ${REGISTER_JOINS}
            order by page.reported_at, page.volunteer_no`
        : `select ${REGISTER_COLUMNS}, ${REPORTED_AT} as reported_at
             from members m ${REGISTER_JOINS}
            where ${registerFilter('$3')} and u.left_at is null
            order by ${REPORTED_AT}, m.volunteer_no`,
      page ? [communityId, memberType, page.limit, page.offset, query] : [communityId, memberType, query],
    ),

  /** How many current members of the community are of each type. */
  countsByType: (tx: Executor, communityId: string) =>
    tx.query<{ member_type: string; n: number }>(
      `select m.member_type, count(*)::int as n from members m join users u on u.id = m.user_id and u.left_at is null
        where m.community_id = $1 group by m.member_type`,
      [communityId],
    ),

  /**
   * The units' in-service members who are members now: every one of them has reported to a community. 报到日期
   * as REPORTED_AT says, joined rather than looked up per member (a member has one current history row at most).
   */
  reportedMembers: (tx: Executor, unitIds: string[]) =>
    tx.query<ReportedMemberRow>(
      `select m.unit_id, u.name, u.phone, m.community_id, c.name as community_name, coalesce(r.decided_at, m.created_at) as reported_at
         from members m
         join users u on u.id = m.user_id and u.left_at is null
         join organisations c on c.id = m.community_id
         left join member_community_history h on h.member_id = m.user_id and h.left_at is null
         left join registrations r on r.id = h.registration_id
        where m.unit_id = any($1::uuid[]) and ${IN_SERVICE}
        order by u.name`,
      [unitIds],
    ),

  /** Open 报到单 of the units whose holder is not (yet) one of that unit's in-service members, with the latest registration on it. */
  openSlipsNotReported: (tx: Executor, unitIds: string[]) =>
    tx.query<OpenSlipRow>(
      `select s.unit_id, s.member_name as name, s.member_phone as phone, c.name as community_name, s.issued_at, s.not_reported_reason,
              to_char(s.report_by, 'YYYY-MM-DD') as report_by, r.status as registration_status, r.return_reason, r.submitted_at, r.decided_at
         from report_slips s
         join organisations c on c.id = s.community_id
         left join lateral (select status, return_reason, submitted_at, decided_at from registrations
                             where slip_id = s.id order by submitted_at desc limit 1) r on true
        where ${OPEN_SLIP_NOT_REPORTED}
        order by s.issued_at, s.member_name`,
      [unitIds],
    ),

  /**
   * 在职党员 of each unit in figures (see inServiceMembersOf), by GROUP BY, for the district's list of units: the
   * units' in-service members are read once, then counted and matched against the open 报到单 as
   * OPEN_SLIP_NOT_REPORTED does, by phone or by a registration made with the slip.
   */
  inServiceCounts: (tx: Executor, unitIds: string[]) =>
    tx.query<{ unit_id: string; reported: number; waiting: number }>(
      `with holder as materialized (
         select m.user_id, m.unit_id, u.phone from members m join users u on u.id = m.user_id and u.left_at is null
          where m.unit_id = any($1::uuid[]) and ${IN_SERVICE}
       ), reported as (
         select unit_id, count(*) as n from holder group by unit_id
       ), waiting as (
         select s.unit_id, count(*) as n from report_slips s
          where s.unit_id = any($1::uuid[]) and s.cancelled_at is null and s.member_phone is not null
            and not exists (select 1 from holder h where h.phone = s.member_phone and h.unit_id = s.unit_id)
            and not exists (select 1 from registrations used join holder h on h.user_id = used.user_id
                             where used.slip_id = s.id and h.unit_id = s.unit_id)
          group by s.unit_id
       )
       select unit.id as unit_id, coalesce(reported.n, 0)::int as reported, coalesce(waiting.n, 0)::int as waiting
         from unnest($1::uuid[]) as unit(id)
         left join reported on reported.unit_id = unit.id
         left join waiting on waiting.unit_id = unit.id`,
      [unitIds],
    ),
};
