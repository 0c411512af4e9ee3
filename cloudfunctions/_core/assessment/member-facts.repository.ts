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
  facts: MemberFacts;
};

type RosterRow = {
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
};

type TallyRow = { member_id: string; kind: 'service' | 'suggestion' | 'good_deed'; day: string; count: number; minutes: number };

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

/**
 * Who the members are: names, where they serve, their dates, whether they reported, their exemption.
 *
 * 报到 (004 §三.1): an 在职党员 has reported once the community confirmed their registration (a 报到, or a 转移 into
 * it): their current community history row carries that registration. A 社区党员, 预备党员 or 入党积极分子 belongs
 * to the community's own party organisation and is on its roll from the start, so being a member of it counts.
 * communityJoinedOn: the Beijing day the current history row opened (the 回执, or the transfer).
 * exemption: the live (not revoked) row for the year.
 */
const rosterSql = (where: string) => `
  select m.user_id as member_id, u.name, m.volunteer_no, m.member_type,
         m.community_id, community.name as community_name, m.grid_id, grid.name as grid_name, m.unit_id, unit.name as unit_name,
         to_char(m.activist_since, 'YYYY-MM-DD') as activist_since, to_char(m.joined_party_on, 'YYYY-MM-DD') as joined_party_on,
         ${BEIJING_DAY('history.joined_at')} as community_joined_on,
         (m.member_type <> 'in_service' or history.registration_id is not null) as reported,
         exemption.reason as exemption_reason, exemption.approved_by as exemption_approved_by
    from members m
    join users u on u.id = m.user_id
    join organisations community on community.id = m.community_id
    left join organisations grid on grid.id = m.grid_id
    left join units unit on unit.id = m.unit_id
    left join member_community_history history on history.member_id = m.user_id and history.left_at is null
    left join assessment_exemptions exemption on exemption.member_id = m.user_id and exemption.year = $2 and exemption.revoked_at is null
   where ${where}
   order by m.volunteer_no`;

/**
 * What the rules count, as tallies per member and quarter (per day for members with an activist date, whose
 * cultivation period starts on any day), in one statement:
 * - services: service_records with status 'credited', by minutes_credited, dated by service_date. Records awaiting
 *   approval or the resident's confirmation do not count; hand-entered (补录) records count once credited, like
 *   scanned ones. The year's records, and for a member with an activist date also those of the cultivation period
 *   [activist_since, joined_party_on], which may span years.
 * - suggestions: the member's suggestions not withdrawn, submitted in the year (Beijing time), whatever their reply.
 * - good deeds: the member's own commitments (not a team's) for the year with status 'confirmed'; each counts toward
 *   its commitment year, dated by when it was fulfilled (kept inside that year).
 */
const talliesSql = (where: string) => `
  with scope as (
    select m.user_id, m.activist_since, m.joined_party_on
      from members m join users u on u.id = m.user_id
     where ${where}
  )
  select r.member_id, 'service' as kind,
         case when scope.activist_since is not null then to_char(r.service_date, 'YYYY-MM-DD') else ${QUARTER_START('r.service_date')} end as day,
         count(*)::int as count, sum(r.minutes_credited)::int as minutes
    from scope join service_records r on r.member_id = scope.user_id
   where r.status = 'credited'
     and ((r.service_date >= $3::date and r.service_date < $4::date)
          or (scope.activist_since is not null and r.service_date >= scope.activist_since
              and (scope.joined_party_on is null or r.service_date <= scope.joined_party_on)))
   group by r.member_id, 3
  union all
  select s.member_id, 'suggestion', ${QUARTER_START(`(s.submitted_at at time zone ${ZONE})::date`)}, count(*)::int, 0
    from scope join suggestions s on s.member_id = scope.user_id
   where s.status <> 'withdrawn' and s.submitted_at >= $5::timestamptz and s.submitted_at < $6::timestamptz
   group by s.member_id, 3
  union all
  select c.member_id, 'good_deed',
         ${QUARTER_START(`least(greatest((c.fulfilled_at at time zone ${ZONE})::date, $3::date), $4::date - 1)`)}, count(*)::int, 0
    from scope join commitments c on c.member_id = scope.user_id
   where c.year = $2 and c.status = 'confirmed'
   group by c.member_id, 3`;

const beijingMidnight = (year: number) => `${year}-01-01T00:00:00+08:00`;

/**
 * The one set-based reader of what the assessment rules count, for one member or 5,000: two statements whatever
 * the number of members (who they are; what they did, as tallies), and the facts put together per member.
 */
export async function loadMemberFacts(tx: Executor, scope: MemberScope, year: number): Promise<MemberFactsRow[]> {
  const { where, param } = scopeCondition(scope);
  const roster = await tx.query<RosterRow>(rosterSql(where), [param, year]);
  if (roster.length === 0) return [];
  const tallies = await tx.query<TallyRow>(talliesSql(where), [
    param, year, `${year}-01-01`, `${year + 1}-01-01`, beijingMidnight(year), beijingMidnight(year + 1),
  ]);
  const byMember = new Map<string, MemberFacts>();
  const rows = roster.map((row): MemberFactsRow => {
    const facts: MemberFacts = {
      memberType: row.member_type,
      services: [],
      suggestions: [],
      goodDeeds: [],
      reported: row.reported,
      activistSince: row.activist_since,
      joinedOn: row.joined_party_on,
      communityJoinedOn: row.community_joined_on,
      exemption: row.exemption_reason ? { reason: row.exemption_reason, approvedBy: row.exemption_approved_by ?? '' } : null,
    };
    byMember.set(row.member_id, facts);
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
      facts,
    };
  });
  for (const tally of tallies) {
    const facts = byMember.get(tally.member_id);
    if (!facts) continue;
    const item = { day: tally.day, count: Number(tally.count) };
    if (tally.kind === 'service') facts.services.push({ ...item, minutes: Number(tally.minutes) } satisfies ServiceFact);
    else if (tally.kind === 'suggestion') facts.suggestions.push(item);
    else facts.goodDeeds!.push(item);
  }
  return rows;
}
