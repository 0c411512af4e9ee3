import type { Executor } from '../db/database';
import { memberRulesOf, type MemberFacts, type ServiceFact } from './evaluate-standing';
import type { MemberType, RuleSet } from './rule-set.schema';

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
  community_id: string;
  grid_id: string | null;
  unit_id: string | null;
  /** Everything the rules count but the exemption, as one text (FACTS_TEXT): the key of members whose facts are equal. */
  facts: string;
  exemption_reason: string | null;
  exemption_approved_by: string | null;
};

/**
 * Which of the counts that only some rules use to read: suggestions and good deeds cost the statement a scan each
 * and most rule sets count neither. Services, 报到 and the dates are always read.
 */
export type FactsReads = { suggestions: boolean; goodDeeds: boolean };

export const READ_ALL_FACTS: FactsReads = { suggestions: true, goodDeeds: true };

/** What the member rules of these rule sets count. */
export const factsReadsOf = (ruleSets: RuleSet[]): FactsReads => {
  const memberRules = ruleSets.flatMap(memberRulesOf);
  return { suggestions: memberRules.some((rule) => rule.measure === 'suggestions'), goodDeeds: memberRules.some((rule) => rule.measure === 'good_deeds') };
};

/**
 * The members in scope. A community's or a unit's list leaves out members who left (their account is closed);
 * named members are read whatever they are. A member's current stay and their tallies are always in the community
 * they are in now (member_year_tallies.community_id follows them): for a community (`byCommunity`) the statement
 * says so, and reads that community's stays and tallies by their indexes rather than the district's.
 */
function scopeCondition(scope: MemberScope): { where: string; ofMembers: string; byCommunity: boolean; param: unknown } {
  if ('memberIds' in scope) return { where: 'm.user_id = any($1::uuid[])', ofMembers: 'm.user_id = any($1::uuid[])', byCommunity: false, param: scope.memberIds };
  if ('communityId' in scope) return { where: 'm.community_id = $1 and u.left_at is null', ofMembers: 'm.community_id = $1', byCommunity: true, param: scope.communityId };
  return { where: 'm.unit_id = $1 and u.left_at is null', ofMembers: 'm.unit_id = $1', byCommunity: false, param: scope.unitId };
}

const ZONE = `'Asia/Shanghai'`;
const BEIJING_DAY = (column: string) => `to_char((${column}) at time zone ${ZONE}, 'YYYY-MM-DD')`;
const QUARTER_START = (day: string) => `to_char(date_trunc('quarter', (${day})::timestamp), 'YYYY-MM-DD')`;
const TALLY_TEXT = `string_agg(day || ' ' || n, ',' order by day)`;

/**
 * The facts as one text of '|'-separated fields (a null is empty): 5,000 rows of nine columns rather than 28 parse in
 * a third of the time, and members whose texts are equal share one parsed facts object. The fields, in order:
 * member type; services and minutes of each quarter; dated services; suggestions; good deeds; reported (t/f);
 * activist since; joined the party on; joined the community on.
 */
const FACTS_TEXT = (reads: FactsReads) => `concat_ws('|', scope.member_type,
    coalesce(tally.q1_services::text, ''), coalesce(tally.q1_minutes::text, ''), coalesce(tally.q2_services::text, ''), coalesce(tally.q2_minutes::text, ''),
    coalesce(tally.q3_services::text, ''), coalesce(tally.q3_minutes::text, ''), coalesce(tally.q4_services::text, ''), coalesce(tally.q4_minutes::text, ''),
    coalesce(dated.services, ''), ${reads.suggestions ? "coalesce(suggested.tallies, '')" : "''"}, ${reads.goodDeeds ? "coalesce(deeds.tallies, '')" : "''"},
    case when scope.member_type <> 'in_service' or history.registration_id is not null then 't' else 'f' end,
    coalesce(to_char(scope.activist_since, 'YYYY-MM-DD'), ''), coalesce(to_char(scope.joined_party_on, 'YYYY-MM-DD'), ''),
    coalesce(${BEIJING_DAY('history.joined_at')}, ''))`;

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
const factsSql = ({ where, ofMembers, byCommunity }: ReturnType<typeof scopeCondition>, reads: FactsReads) => `
  with scope as (
    select m.user_id, m.volunteer_no, m.member_type, m.community_id, m.grid_id, m.unit_id, m.activist_since, m.joined_party_on, u.name
      from members m join users u on u.id = m.user_id
     where ${where}
  ), dated as (
    -- A member with an activist date: each credited service of the year and of the cultivation period, read per
    -- member by the (member_id, service_date) index; a join of all activists with the records let the planner
    -- hash every record of the district. The activists are read from members itself, not from scope: the planner
    -- then knows from the column's statistics that they are few (over scope it guessed all 5,000, costed the
    -- statement above jit_above_cost, and PostgreSQL spent more compiling it than running it). Members who left drop
    -- out in the join with scope. Suggestions and good deeds are read the same way, from members: joined with scope,
    -- the statement spent a tenth of its time scanning scope again for each.
    select m.user_id as member_id, listed.services
      from members m
     cross join lateral (
        select string_agg(to_char(r.service_date, 'YYYY-MM-DD') || ' ' || r.minutes_credited, ',' order by r.service_date, r.minutes_credited) as services
          from service_records r
         where r.member_id = m.user_id and r.status = 'credited'
           and ((r.service_date >= $3::date and r.service_date < $4::date)
                or (r.service_date >= m.activist_since and (m.joined_party_on is null or r.service_date <= m.joined_party_on)))
      ) listed
     where ${ofMembers} and m.activist_since is not null
  )${reads.suggestions ? `, suggested as (
    select member_id, ${TALLY_TEXT} as tallies
      from (select s.member_id, ${QUARTER_START(`(s.submitted_at at time zone ${ZONE})::date`)} as day, count(*) as n
              from members m join suggestions s on s.member_id = m.user_id
             where ${ofMembers} and s.status <> 'withdrawn'
               and s.submitted_at >= $3::timestamp at time zone ${ZONE} and s.submitted_at < $4::timestamp at time zone ${ZONE}
             group by 1, 2) t
     group by member_id
  )` : ''}${reads.goodDeeds ? `, deeds as (
    select member_id, ${TALLY_TEXT} as tallies
      from (select c.member_id, ${QUARTER_START(`least(greatest((c.fulfilled_at at time zone ${ZONE})::date, $3::date), $4::date - 1)`)} as day,
                   count(*) as n
              from members m join commitments c on c.member_id = m.user_id
             where ${ofMembers} and c.year = $2 and c.status = 'confirmed'
             group by 1, 2) t
     group by member_id
  )` : ''}
  select scope.user_id as member_id, scope.name, scope.volunteer_no, scope.community_id, scope.grid_id, scope.unit_id,
         ${FACTS_TEXT(reads)} as facts,
         exemption.reason as exemption_reason, exemption.approved_by as exemption_approved_by
    from scope
    left join member_community_history history on history.member_id = scope.user_id and history.left_at is null${byCommunity ? ' and history.community_id = $1' : ''}
    left join assessment_exemptions exemption on exemption.member_id = scope.user_id and exemption.year = $2 and exemption.revoked_at is null
    left join member_year_tallies tally
           on tally.member_id = scope.user_id and tally.year = $2 and scope.activist_since is null${byCommunity ? ' and tally.community_id = $1' : ''}
    left join dated on dated.member_id = scope.user_id
    ${reads.suggestions ? 'left join suggested on suggested.member_id = scope.user_id' : ''}
    ${reads.goodDeeds ? 'left join deeds on deeds.member_id = scope.user_id' : ''}`;

const QUARTER_STARTS = ['01-01', '04-01', '07-01', '10-01'] as const;

/** 'day count,…' (suggestions, good deeds) as tallies. */
function countsOf(text: string): { day: string; count: number }[] {
  if (!text) return [];
  return text.split(',').map((tally) => {
    const [day, count] = tally.split(' ');
    return { day, count: Number(count) };
  });
}

/** The services a facts text tallies: per quarter of the year, or each one dated for a member with an activist date. */
function servicesOf(fields: string[], quarterStarts: readonly string[]): ServiceFact[] {
  const dated = fields[9];
  if (dated) {
    return dated.split(',').map((service) => {
      const [day, minutes] = service.split(' ');
      return { day, count: 1, minutes: Number(minutes) };
    });
  }
  const services: ServiceFact[] = [];
  for (let quarter = 0; quarter < 4; quarter++) {
    const count = Number(fields[1 + quarter * 2]);
    if (count) services.push({ day: quarterStarts[quarter], count, minutes: Number(fields[2 + quarter * 2]) });
  }
  return services;
}

/** What the rules count for a row; members whose rows share a key share one (read-only) facts object. */
function factsOf(row: FactsSqlRow, quarterStarts: readonly string[]): MemberFacts {
  const fields = row.facts.split('|');
  return {
    memberType: fields[0] as MemberType,
    services: servicesOf(fields, quarterStarts),
    suggestions: countsOf(fields[10]),
    goodDeeds: countsOf(fields[11]),
    reported: fields[12] === 't',
    activistSince: fields[13] || null,
    joinedOn: fields[14] || null,
    communityJoinedOn: fields[15] || null,
    exemption: row.exemption_reason ? { reason: row.exemption_reason, approvedBy: row.exemption_approved_by ?? '' } : null,
  };
}

/** The names of the communities, grids and units the rows name, in one statement. */
async function namesOf(tx: Executor, rows: FactsSqlRow[]): Promise<Map<string, string>> {
  const organisations = new Set<string>();
  const units = new Set<string>();
  for (const row of rows) {
    organisations.add(row.community_id);
    if (row.grid_id) organisations.add(row.grid_id);
    if (row.unit_id) units.add(row.unit_id);
  }
  const names = await tx.query<{ id: string; name: string }>(
    'select id, name from organisations where id = any($1::uuid[]) union all select id, name from units where id = any($2::uuid[])',
    [[...organisations], [...units]],
  );
  return new Map(names.map((row) => [row.id, row.name]));
}

/**
 * The one set-based reader of what the assessment rules count, for one member or 5,000: one statement whatever the
 * number of members, and one for the names of their communities, grids and units. Members whose facts read the same
 * share a `key`, so a list can evaluate each kind once. `reads` leaves out the counts no rule of the caller's rule
 * sets uses (factsReadsOf); they then read as none.
 */
export async function loadMemberFacts(tx: Executor, scope: MemberScope, year: number, reads: FactsReads = READ_ALL_FACTS): Promise<MemberFactsRow[]> {
  if ('memberIds' in scope && scope.memberIds.length === 0) return [];
  const condition = scopeCondition(scope);
  const rows = await tx.query<FactsSqlRow>(factsSql(condition, reads), [condition.param, year, `${year}-01-01`, `${year + 1}-01-01`]);
  if (rows.length === 0) return [];
  const names = await namesOf(tx, rows);
  const quarterStarts = QUARTER_STARTS.map((start) => `${year}-${start}`);
  // Rows with equal facts share the first row's key text as well as its facts: a map keyed by it then finds them by
  // reference, without reading the text again.
  const kinds = new Map<string, { key: string; facts: MemberFacts }>();
  return rows.map((row): MemberFactsRow => {
    const text = row.exemption_reason === null ? row.facts : `${row.facts}\u0001${row.exemption_reason}\u0001${row.exemption_approved_by}`;
    let kind = kinds.get(text);
    if (!kind) kinds.set(text, (kind = { key: text, facts: factsOf(row, quarterStarts) }));
    const { key, facts } = kind;
    return {
      memberId: row.member_id,
      name: row.name,
      volunteerNo: row.volunteer_no,
      memberType: facts.memberType,
      communityId: row.community_id,
      communityName: names.get(row.community_id)!,
      gridId: row.grid_id,
      gridName: row.grid_id ? (names.get(row.grid_id) ?? null) : null,
      unitId: row.unit_id,
      unitName: row.unit_id ? (names.get(row.unit_id) ?? null) : null,
      key,
      facts,
    };
  });
}
