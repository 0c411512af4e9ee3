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

const COUNTS = (prefix: string) => `
  coalesce(${prefix}_registration.registered, 0)::int as registered, coalesce(${prefix}_waiting.n, 0)::int as waiting,
  coalesce(${prefix}_registration.held, 0)::int as held, coalesce(${prefix}_registration.served, 0)::int as served,
  coalesce(${prefix}_evaluated.total, 0)::int as evaluated, coalesce(${prefix}_evaluated.satisfied, 0)::int as satisfied`;

const REGISTRATION = (owner: 'community_id' | 'unit_id', organisations: string) => `
  select ${owner} as owner_id, count(*) as registered, count(*) filter (where not exempt) as held,
         count(*) filter (where served and not exempt) as served
    from registered where ${owner} in (select id from ${organisations}) group by ${owner}`;

/**
 * Every organisation asked for, in one statement: the communities of the district (or those named) with their
 * street, and the units. Each 在职党员 is read once (`registered`: whether exempted this year, whether they have a
 * credited service in it) and counted by their community and by their unit; the open 报到单 whose holder is not yet
 * one of the unit's in-service members likewise, matched against `registered`. 回访: a community's of its own orders
 * begun in the year; a unit's of the orders on which one of its registered members has a credited service in the
 * year, each once.
 */
const ORGANISATION_RATES = `
  with community as (
    select c.id, c.name, street.id as street_id, street.name as street_name, street.parent_id as district_id
      from organisations c join organisations street on street.id = c.parent_id
     where c.kind = 'community' and c.archived_at is null and (street.parent_id = $1::uuid or c.id = any($2::uuid[]))
  ),
  unit as (
    select unit.id, unit.name, unit.district_id from units unit where unit.district_id = $1::uuid or unit.id = any($2::uuid[])
  ),
  registered as materialized (
    select m.user_id, m.community_id, m.unit_id, u.phone,
           exists (select 1 from assessment_exemptions x where x.member_id = m.user_id and x.year = $3 and x.revoked_at is null) as exempt,
           exists (select 1 from service_records sr where sr.member_id = m.user_id and sr.status = 'credited'
                      and sr.service_date between $4::date and $5::date) as served
      from members m join users u on u.id = m.user_id and u.left_at is null
     where ${IN_SERVICE}
       and (m.community_id in (select id from community) or m.unit_id in (select id from unit)
            -- every in-service member of a unit whose 报到单 names one of the communities, to match its holders
            or m.unit_id in (select s.unit_id from report_slips s where s.community_id in (select id from community)))
  ),
  waiting as materialized (
    select s.community_id, s.unit_id from report_slips s
     where (s.community_id in (select id from community) or s.unit_id in (select id from unit))
       and s.cancelled_at is null and s.member_phone is not null
       and not exists (select 1 from registered h where h.phone = s.member_phone and h.unit_id = s.unit_id)
       and not exists (select 1 from registrations used join registered h on h.user_id = used.user_id
                        where used.slip_id = s.id and h.unit_id = s.unit_id)
  ),
  community_registration as (${REGISTRATION('community_id', 'community')}),
  unit_registration as (${REGISTRATION('unit_id', 'unit')}),
  community_waiting as (select community_id as owner_id, count(*) as n from waiting where community_id in (select id from community) group by community_id),
  unit_waiting as (select unit_id as owner_id, count(*) as n from waiting where unit_id in (select id from unit) group by unit_id),
  community_evaluated as (
    select o.community_id as owner_id, count(*) as total, count(*) filter (where e.rating = 'satisfied') as satisfied
      from orders o join evaluations e on e.order_id = o.id and e.kind = 'resident'
     where o.community_id in (select id from community) and o.starts_at >= $6::timestamptz and o.starts_at < $7::timestamptz
     group by o.community_id
  ),
  unit_evaluated as (
    select owner_id, count(*) as total, count(*) filter (where rating = 'satisfied') as satisfied
      from (select distinct r.unit_id as owner_id, e.id, e.rating
              from registered r
              join service_records sr on sr.member_id = r.user_id and sr.status = 'credited' and sr.service_date between $4::date and $5::date
              join evaluations e on e.order_id = sr.order_id and e.kind = 'resident'
             where r.unit_id in (select id from unit)) served_on
     group by owner_id
  )
  select * from (
    select 'community' as kind, c.id, c.name, c.district_id, c.street_id, c.street_name, ${COUNTS('community')}
      from community c
      left join community_registration on community_registration.owner_id = c.id
      left join community_waiting on community_waiting.owner_id = c.id
      left join community_evaluated on community_evaluated.owner_id = c.id
    union all
    select 'unit', unit.id, unit.name, unit.district_id, null::uuid, null::text, ${COUNTS('unit')}
      from unit
      left join unit_registration on unit_registration.owner_id = unit.id
      left join unit_waiting on unit_waiting.owner_id = unit.id
      left join unit_evaluated on unit_evaluated.owner_id = unit.id
  ) organisation
  order by kind, street_name, name`;

type CountsRow = {
  kind: OrganisationRatesRow['kind'];
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

const toRates = (row: CountsRow): OrganisationRatesRow => ({
  organisationId: row.id,
  kind: row.kind,
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
 * its 注册率, 参与率 and 满意率 for the year: one grouped statement whatever the district's size.
 */
export async function loadOrganisationRates(tx: Executor, scope: OrganisationRatesScope, year: number): Promise<OrganisationRatesRow[]> {
  const districtId = 'districtId' in scope ? scope.districtId : null;
  const ids = 'organisationIds' in scope ? scope.organisationIds : [];
  if (districtId === null && ids.length === 0) return [];
  const days = yearSpan(year);
  const rows = await tx.query<CountsRow>(ORGANISATION_RATES, [
    districtId, ids, year, days.from, days.to, `${year}-01-01T00:00:00+08:00`, `${year + 1}-01-01T00:00:00+08:00`,
  ]);
  return rows.map(toRates);
}
