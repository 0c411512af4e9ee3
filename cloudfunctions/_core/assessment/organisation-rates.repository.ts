import type { Executor } from '../db/database';
import { yearSpan } from './assessment-periods';
import type { RateCounts } from './evaluate-rates';
import type { RateMeasure } from './rule-set.schema';

/** An organisation's counts behind its three rates over an assessment year (docs/glossary.md, 组织考核比率). */
export interface OrganisationRatesRow {
  organisationId: string;
  kind: 'community' | 'unit';
  name: string;
  districtId: string;
  /** The community's street; null for a unit. */
  streetId: string | null;
  streetName: string | null;
  rates: Record<RateMeasure, RateCounts>;
}

export type OrganisationRatesScope = { districtId: string } | { organisationIds: string[] };

// The same reading of 在职党员 as the unit's 附件3 (reports.repository IN_SERVICE and OPEN_SLIP_NOT_REPORTED).
const IN_SERVICE = `m.member_type in ('in_service', 'probationary')`;

/**
 * 在职党员 the organisation counts (`owner` is the column naming it: m.community_id or m.unit_id) with, for each,
 * whether they are exempted this year and whether they have a credited service in the year; and the open 报到单
 * whose holder is not yet one of the unit's in-service members.
 */
const REGISTERED = (owner: 'community_id' | 'unit_id') => `
  registered as materialized (
    select m.user_id, m.unit_id, m.${owner} as owner_id, u.phone,
           exists (select 1 from assessment_exemptions x where x.member_id = m.user_id and x.year = $3 and x.revoked_at is null) as exempt,
           exists (select 1 from service_records sr where sr.member_id = m.user_id and sr.status = 'credited'
                      and sr.service_date between $4::date and $5::date) as served
      from members m join users u on u.id = m.user_id and u.left_at is null
     where m.${owner} in (select id from organisation) and ${IN_SERVICE}
  ),
  registration as (
    select owner_id, count(*) as registered, count(*) filter (where not exempt) as held, count(*) filter (where served and not exempt) as served
      from registered group by owner_id
  ),
  waiting as (
    select s.${owner} as owner_id, count(*) as n from report_slips s
     where s.${owner} in (select id from organisation) and s.cancelled_at is null and s.member_phone is not null
       and not exists (select 1 from users u join members m on m.user_id = u.id
                        where u.phone = s.member_phone and u.left_at is null and m.unit_id = s.unit_id and ${IN_SERVICE})
       and not exists (select 1 from registrations used join users u on u.id = used.user_id and u.left_at is null
                         join members m on m.user_id = u.id
                        where used.slip_id = s.id and m.unit_id = s.unit_id and ${IN_SERVICE})
     group by s.${owner}
  )`;

const COUNTS = `
  coalesce(registration.registered, 0)::int as registered, coalesce(waiting.n, 0)::int as waiting,
  coalesce(registration.held, 0)::int as held, coalesce(registration.served, 0)::int as served,
  coalesce(evaluated.total, 0)::int as evaluated, coalesce(evaluated.satisfied, 0)::int as satisfied`;

const JOIN_COUNTS = `
  left join registration on registration.owner_id = organisation.id
  left join waiting on waiting.owner_id = organisation.id
  left join evaluated on evaluated.owner_id = organisation.id`;

/** Communities of the district (or those named), each with its street; resident 回访 of its own orders begun in the year. */
const COMMUNITY_RATES = `
  with organisation as (
    select c.id, c.name, street.id as street_id, street.name as street_name, street.parent_id as district_id
      from organisations c join organisations street on street.id = c.parent_id
     where c.kind = 'community' and c.archived_at is null and (street.parent_id = $1::uuid or c.id = any($2::uuid[]))
  ),
  ${REGISTERED('community_id')},
  evaluated as (
    select o.community_id as owner_id, count(*) as total, count(*) filter (where e.rating = 'satisfied') as satisfied
      from orders o join evaluations e on e.order_id = o.id and e.kind = 'resident'
     where o.community_id in (select id from organisation) and o.starts_at >= $6::timestamptz and o.starts_at < $7::timestamptz
     group by o.community_id
  )
  select organisation.id, organisation.name, organisation.district_id, organisation.street_id, organisation.street_name, ${COUNTS}
    from organisation ${JOIN_COUNTS}
   order by organisation.street_name, organisation.name`;

/**
 * Units of the district (or those named); resident 回访 of the orders on which one of the unit's registered 在职党员
 * has a credited service in the year, each 回访 once however many of the unit's members served on it.
 */
const UNIT_RATES = `
  with organisation as (
    select unit.id, unit.name, unit.district_id from units unit where unit.district_id = $1::uuid or unit.id = any($2::uuid[])
  ),
  ${REGISTERED('unit_id')},
  evaluated as (
    select owner_id, count(*) as total, count(*) filter (where rating = 'satisfied') as satisfied
      from (select distinct r.owner_id, e.id, e.rating
              from registered r
              join service_records sr on sr.member_id = r.user_id and sr.status = 'credited' and sr.service_date between $4::date and $5::date
              join evaluations e on e.order_id = sr.order_id and e.kind = 'resident') served_on
     group by owner_id
  )
  select organisation.id, organisation.name, organisation.district_id, null::uuid as street_id, null::text as street_name, ${COUNTS}
    from organisation ${JOIN_COUNTS}
   order by organisation.name`;

type CountsRow = {
  id: string;
  name: string;
  district_id: string;
  street_id: string | null;
  street_name: string | null;
  registered: number;
  waiting: number;
  held: number;
  served: number;
  evaluated: number;
  satisfied: number;
};

const toRates = (kind: OrganisationRatesRow['kind'], row: CountsRow): OrganisationRatesRow => ({
  organisationId: row.id,
  kind,
  name: row.name,
  districtId: row.district_id,
  streetId: row.street_id,
  streetName: row.street_name,
  rates: {
    registration_rate: { numerator: row.registered, denominator: row.registered + row.waiting },
    participation_rate: { numerator: row.served, denominator: row.held },
    satisfaction_rate: { numerator: row.satisfied, denominator: row.evaluated },
  },
});

/**
 * Every community and unit of a district (or the organisations named: community or unit ids) with the counts behind
 * its 注册率, 参与率 and 满意率 for the year: two grouped statements whatever the district's size.
 */
export async function loadOrganisationRates(tx: Executor, scope: OrganisationRatesScope, year: number): Promise<OrganisationRatesRow[]> {
  const districtId = 'districtId' in scope ? scope.districtId : null;
  const ids = 'organisationIds' in scope ? scope.organisationIds : [];
  if (districtId === null && ids.length === 0) return [];
  const days = yearSpan(year);
  const params = [districtId, ids, year, days.from, days.to];
  const communities = await tx.query<CountsRow>(COMMUNITY_RATES, [...params, `${year}-01-01T00:00:00+08:00`, `${year + 1}-01-01T00:00:00+08:00`]);
  const units = await tx.query<CountsRow>(UNIT_RATES, params);
  return [...communities.map((row) => toRates('community', row)), ...units.map((row) => toRates('unit', row))];
}
