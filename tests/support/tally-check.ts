import type { Database } from '../../cloudfunctions/_core/db/database';

/**
 * Every tally that differs from the credited records it sums, as 'member year: tally ≠ records', and every tally kept
 * under a community its member is no longer in.
 */
export async function tallyMismatches(db: Database): Promise<string[]> {
  const rows = await db.query<{ member_id: string; year: number; tally: string; actual: string }>(
    `with actual as (
       select member_id, extract(year from service_date)::int as year,
              ${[1, 2, 3, 4].map((q) => `count(*) filter (where extract(quarter from service_date) = ${q})::int as q${q}_services,
              coalesce(sum(minutes_credited) filter (where extract(quarter from service_date) = ${q}), 0)::int as q${q}_minutes`).join(',\n              ')}
         from service_records where status = 'credited' group by 1, 2
     ), kept as (
       select member_id, year, q1_services, q1_minutes, q2_services, q2_minutes, q3_services, q3_minutes, q4_services, q4_minutes
         from member_year_tallies
        where q1_services + q2_services + q3_services + q4_services > 0 or q1_minutes + q2_minutes + q3_minutes + q4_minutes > 0
     )
     select coalesce(a.member_id, k.member_id) as member_id, coalesce(a.year, k.year) as year, row(k.*)::text as tally, row(a.*)::text as actual
       from actual a full join kept k on k.member_id = a.member_id and k.year = a.year
      where row(a.q1_services, a.q1_minutes, a.q2_services, a.q2_minutes, a.q3_services, a.q3_minutes, a.q4_services, a.q4_minutes)
            is distinct from row(k.q1_services, k.q1_minutes, k.q2_services, k.q2_minutes, k.q3_services, k.q3_minutes, k.q4_services, k.q4_minutes)`,
  );
  const elsewhere = await db.query<{ member_id: string; year: number; kept: string; now: string }>(
    `select t.member_id, t.year, t.community_id as kept, m.community_id as now
       from member_year_tallies t join members m on m.user_id = t.member_id where t.community_id <> m.community_id`,
  );
  return [
    ...rows.map((row) => `${row.member_id} ${row.year}: ${row.tally} ≠ ${row.actual}`),
    ...elsewhere.map((row) => `${row.member_id} ${row.year}: community ${row.kept} ≠ ${row.now}`),
  ];
}
