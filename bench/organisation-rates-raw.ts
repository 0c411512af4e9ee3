// The minimal raw aggregate behind the district's organisation rates (docs/glossary.md, 组织考核比率): one
// statement, with the same counts as loadOrganisationRates for every organisation that has any. The bench runs it
// beside assessment.organisationRates on the same database.

const IN_SERVICE = `m.member_type in ('in_service', 'probationary')`;

/** $1 district, $2 year, $3–$4 the year's first and last day, $5–$6 its Beijing bounds as instants. */
export const ORGANISATION_RATES = `
  with community as (
    select c.id from organisations c join organisations street on street.id = c.parent_id
     where street.parent_id = $1 and c.kind = 'community' and c.archived_at is null
  ),
  unit as (select id from units where district_id = $1),
  member as materialized (
    select m.user_id, m.community_id, m.unit_id, x.member_id is not null as exempt,
           exists (select 1 from service_records r where r.member_id = m.user_id and r.status = 'credited'
                      and r.service_date between $3::date and $4::date) as served
      from members m
      join users u on u.id = m.user_id and u.left_at is null
      left join assessment_exemptions x on x.member_id = m.user_id and x.year = $2 and x.revoked_at is null
     where ${IN_SERVICE} and (m.community_id in (select id from community) or m.unit_id in (select id from unit))
  ),
  waiting as materialized (
    select s.community_id, s.unit_id from report_slips s
     where s.unit_id in (select id from unit) and s.cancelled_at is null and s.member_phone is not null
       and not exists (select 1 from users u join members m on m.user_id = u.id
                        where u.phone = s.member_phone and u.left_at is null and m.unit_id = s.unit_id and ${IN_SERVICE})
       and not exists (select 1 from registrations r join member on member.user_id = r.user_id
                        where r.slip_id = s.id and member.unit_id = s.unit_id)
  )
  select kind, id, sum(registered)::int as registered, sum(waiting)::int as waiting, sum(held)::int as held, sum(served)::int as served,
         sum(evaluated)::int as evaluated, sum(satisfied)::int as satisfied
    from (
      select 'community' as kind, community_id as id, 1 as registered, 0 as waiting, (not exempt)::int as held,
             (served and not exempt)::int as served, 0 as evaluated, 0 as satisfied
        from member where community_id in (select id from community)
      union all
      select 'unit', unit_id, 1, 0, (not exempt)::int, (served and not exempt)::int, 0, 0 from member where unit_id in (select id from unit)
      union all
      select 'community', community_id, 0, 1, 0, 0, 0, 0 from waiting where community_id in (select id from community)
      union all
      select 'unit', unit_id, 0, 1, 0, 0, 0, 0 from waiting
      union all
      select 'community', o.community_id, 0, 0, 0, 0, 1, (e.rating = 'satisfied')::int
        from orders o join evaluations e on e.order_id = o.id and e.kind = 'resident'
       where o.community_id in (select id from community) and o.starts_at >= $5::timestamptz and o.starts_at < $6::timestamptz
      union all
      select 'unit', unit_id, 0, 0, 0, 0, 1, (rating = 'satisfied')::int
        from (select distinct m.unit_id, e.id, e.rating
                from member m
                join service_records r on r.member_id = m.user_id and r.status = 'credited' and r.service_date between $3::date and $4::date
                join evaluations e on e.order_id = r.order_id and e.kind = 'resident'
               where m.unit_id in (select id from unit)) served_on
    ) counted
   group by kind, id`;

export const organisationRatesParams = (districtId: string, year: number) => [
  districtId, year, `${year}-01-01`, `${year}-12-31`, `${year}-01-01T00:00:00+08:00`, `${year + 1}-01-01T00:00:00+08:00`,
];
