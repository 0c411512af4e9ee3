import type { Executor } from '../db/database';
import type { MemberFacts, ServiceFact } from './evaluate-standing';
import type { MemberType } from './rule-set.schema';

/** Whose facts to read: named members, a community's members, or a unit's members (wherever they serve). */
export type MemberScope = { memberIds: string[] } | { communityId: string } | { unitId: string };

export type MemberFactsRow = {
  memberId: string;
  name: string;
  volunteerNo: string;
  memberType: MemberType;
  communityId: string;
  communityName: string;
  gridId: string | null;
  gridName: string | null;
  unitId: string | null;
  unitName: string | null;
  /** Equal for members whose facts are equal (the same tallies, dates, 报到 and exemption). */
  key: string;
  facts: MemberFacts;
};

type FactsSqlRow = {
  member_id: string;
  name: string;
  volunteer_no: string;
  member_type: MemberType;
  community_id: string;
  community_name: string;
  grid_id: string | null;
  grid_name: string | null;
  unit_id: string | null;
  unit_name: string | null;
  activist_since: string | null;
  joined_party_on: string | null;
  community_joined_on: string | null;
  reported: boolean;
  exemption_reason: string | null;
  exemption_approved_by: string | null;
  /** Credited services and their minutes in each quarter of the year (members without an activist date; null without any). */
  q1: number | null; q1_minutes: number | null; q2: number | null; q2_minutes: number | null; q3: number | null; q3_minutes: number | null; q4: number | null; q4_minutes: number | null;
  /** A member with an activist date: each credited service of the year and of the cultivation period, as 'day minutes,…'. */
  dated_services: string | null;
  /** Suggestions and good deeds as 'quarter-start count,…'. */
  suggestions: string | null;
  good_deeds: string | null;
};

/**
 * The members in scope. A community's or a unit's list leaves out members who left (their account is closed);
 * named members are read whatever they are.
 */
function scopeCondition(scope: MemberScope): { where: string; param: unknown } {
  if ('memberIds' in scope) return { where: 'm.user_id = any($1::uuid[])', param: scope.memberIds };
  if ('communityId' in scope) return { where: 'm.community_id = $1 and u.left_at is null', param: scope.communityId };
  return { where: 'm.unit_id = $1 and u.left_at is null', param: scope.unitId };
}

const ZONE = `'Asia/Shanghai'`;
const BEIJING_DAY = (column: string) => `to_char((${column}) at time zone ${ZONE}, 'YYYY-MM-DD')`;
const QUARTER_START = (day: string) => `to_char(date_trunc('quarter', (${day})::timestamp), 'YYYY-MM-DD')`;
const TALLY_TEXT = `string_agg(day || ' ' || n, ',' order by day)`;

/**
 * Who the members are and what the rules count, in one statement: what a member did as counts and minutes per
 * quarter (a list of dated services for members with an activist date, whose cultivation period starts on any day):
 * - services: service_records with status 'credited', by minutes_credited, dated by service_date. Records awaiting
 *   approval or the resident's confirmation do not count; hand-entered (补录) records count once credited, like
 *   scanned ones. The year's quarters from member_year_tallies (kept by a trigger on service_records), and for a
 *   member with an activist date each record of the year and of the cultivation period [activist_since,
 *   joined_party_on], which may span years.
 * - suggestions: the member's suggestions not withdrawn, submitted in the year (Beijing time), whatever their reply.
 * - good deeds: the member's own commitments (not a team's) for the year with status 'confirmed'; each counts toward
 *   its commitment year, dated by when it was fulfilled (kept inside that year).
 * - 报到 (004 §三.1): an 在职党员 has reported once the community confirmed their registration (a 报到, or a 转移 into
 *   it): their current community history row carries that registration. A 社区党员, 预备党员 or 入党积极分子 belongs
 *   to the community's own party organisation and is on its roll from the start, so being a member of it counts.
 * - communityJoinedOn: the Beijing day the current history row opened (the 回执, or the transfer).
 * - exemption: the live (not revoked) row for the year.
 */
const factsSql = (where: string) => `
  with scope as (
    select m.user_id, m.volunteer_no, m.member_type, m.community_id, m.grid_id, m.unit_id, m.activist_since, m.joined_party_on, u.name
      from members m join users u on u.id = m.user_id
     where ${where}
  ), dated as (
    -- A member with an activist date: each credited service of the year and of the cultivation period, read per
    -- member by the (member_id, service_date) index; a join of all activists with the records let the planner
    -- hash every record of the district.
    select scope.user_id as member_id, listed.services
      from scope cross join lateral (
        select string_agg(to_char(r.service_date, 'YYYY-MM-DD') || ' ' || r.minutes_credited, ',' order by r.service_date, r.minutes_credited) as services
          from service_records r
         where r.member_id = scope.user_id and r.status = 'credited'
           and ((r.service_date >= $5::date and r.service_date < $6::date)
                or (r.service_date >= scope.activist_since and (scope.joined_party_on is null or r.service_date <= scope.joined_party_on)))
      ) listed
     where scope.activist_since is not null
  ), suggested as (
    select member_id, ${TALLY_TEXT} as tallies
      from (select s.member_id, ${QUARTER_START(`(s.submitted_at at time zone ${ZONE})::date`)} as day, count(*) as n
              from scope join suggestions s on s.member_id = scope.user_id
             where s.status <> 'withdrawn' and s.submitted_at >= $3::timestamptz and s.submitted_at < $4::timestamptz
             group by 1, 2) t
     group by member_id
  ), deeds as (
    select member_id, ${TALLY_TEXT} as tallies
      from (select c.member_id, ${QUARTER_START(`least(greatest((c.fulfilled_at at time zone ${ZONE})::date, $5::date), $6::date - 1)`)} as day,
                   count(*) as n
              from scope join commitments c on c.member_id = scope.user_id
             where c.year = $2 and c.status = 'confirmed'
             group by 1, 2) t
     group by member_id
  )
  select scope.user_id as member_id, scope.name, scope.volunteer_no, scope.member_type,
         scope.community_id, community.name as community_name, scope.grid_id, grid.name as grid_name, scope.unit_id, unit.name as unit_name,
         to_char(scope.activist_since, 'YYYY-MM-DD') as activist_since, to_char(scope.joined_party_on, 'YYYY-MM-DD') as joined_party_on,
         ${BEIJING_DAY('history.joined_at')} as community_joined_on,
         (scope.member_type <> 'in_service' or history.registration_id is not null) as reported,
         exemption.reason as exemption_reason, exemption.approved_by as exemption_approved_by,
         tally.q1_services as q1, tally.q1_minutes, tally.q2_services as q2, tally.q2_minutes,
         tally.q3_services as q3, tally.q3_minutes, tally.q4_services as q4, tally.q4_minutes,
         dated.services as dated_services, suggested.tallies as suggestions, deeds.tallies as good_deeds
    from scope
    join organisations community on community.id = scope.community_id
    left join organisations grid on grid.id = scope.grid_id
    left join units unit on unit.id = scope.unit_id
    left join member_community_history history on history.member_id = scope.user_id and history.left_at is null
    left join assessment_exemptions exemption on exemption.member_id = scope.user_id and exemption.year = $2 and exemption.revoked_at is null
    left join member_year_tallies tally on tally.member_id = scope.user_id and tally.year = $2 and scope.activist_since is null
    left join dated on dated.member_id = scope.user_id
    left join suggested on suggested.member_id = scope.user_id
    left join deeds on deeds.member_id = scope.user_id`;

const QUARTER_STARTS = ['01-01', '04-01', '07-01', '10-01'] as const;

const beijingMidnight = (year: number) => `${year}-01-01T00:00:00+08:00`;

/** 'day count,…' (suggestions, good deeds) as tallies. */
function countsOf(text: string | null): { day: string; count: number }[] {
  if (!text) return [];
  return text.split(',').map((tally) => {
    const [day, count] = tally.split(' ');
    return { day, count: Number(count) };
  });
}

/** The services a row tallies: per quarter of the year, or each one dated for a member with an activist date. */
function servicesOf(row: FactsSqlRow, quarterStarts: readonly string[]): ServiceFact[] {
  if (row.dated_services) {
    return row.dated_services.split(',').map((service) => {
      const [day, minutes] = service.split(' ');
      return { day, count: 1, minutes: Number(minutes) };
    });
  }
  const services: ServiceFact[] = [];
  const counts = [row.q1, row.q2, row.q3, row.q4];
  const minutes = [row.q1_minutes, row.q2_minutes, row.q3_minutes, row.q4_minutes];
  for (let quarter = 0; quarter < 4; quarter++) {
    if (counts[quarter]) services.push({ day: quarterStarts[quarter], count: counts[quarter]!, minutes: minutes[quarter]! });
  }
  return services;
}

/** What the rules count for a row; members whose rows share a key share one (read-only) facts object. */
const factsOf = (row: FactsSqlRow, quarterStarts: readonly string[]): MemberFacts => ({
  memberType: row.member_type,
  services: servicesOf(row, quarterStarts),
  suggestions: countsOf(row.suggestions),
  goodDeeds: countsOf(row.good_deeds),
  reported: row.reported,
  activistSince: row.activist_since,
  joinedOn: row.joined_party_on,
  communityJoinedOn: row.community_joined_on,
  exemption: row.exemption_reason ? { reason: row.exemption_reason, approvedBy: row.exemption_approved_by ?? '' } : null,
});

/**
 * The one set-based reader of what the assessment rules count, for one member or 5,000: one statement whatever the
 * number of members. Members whose facts read the same share a `key`, so a list can evaluate each kind once.
 */
export async function loadMemberFacts(tx: Executor, scope: MemberScope, year: number): Promise<MemberFactsRow[]> {
  const { where, param } = scopeCondition(scope);
  if ('memberIds' in scope && scope.memberIds.length === 0) return [];
  const rows = await tx.query<FactsSqlRow>(factsSql(where), [
    param, year, beijingMidnight(year), beijingMidnight(year + 1),
    `${year}-01-01`, `${year + 1}-01-01`,
  ]);
  const quarterStarts = QUARTER_STARTS.map((start) => `${year}-${start}`);
  const factsByKey = new Map<string, MemberFacts>();
  return rows.map((row): MemberFactsRow => {
    const key = `${row.member_type}|${row.q1}|${row.q1_minutes}|${row.q2}|${row.q2_minutes}|${row.q3}|${row.q3_minutes}|${row.q4}|${row.q4_minutes}|${
      row.dated_services}|${row.suggestions}|${row.good_deeds}|${row.reported}|${row.activist_since}|${row.joined_party_on}|${row.community_joined_on}|${
      row.exemption_reason}|${row.exemption_approved_by}`;
    let facts = factsByKey.get(key);
    if (!facts) factsByKey.set(key, (facts = factsOf(row, quarterStarts)));
    return {
      memberId: row.member_id,
      name: row.name,
      volunteerNo: row.volunteer_no,
      memberType: row.member_type,
      communityId: row.community_id,
      communityName: row.community_name,
      gridId: row.grid_id,
      gridName: row.grid_name,
      unitId: row.unit_id,
      unitName: row.unit_name,
      key,
      facts,
    };
  });
}
