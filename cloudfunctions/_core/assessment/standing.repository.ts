import type { Executor } from '../db/database';

/**
 * A member's credited minutes of a year by Beijing month (1–12), counted as the facts reader counts services:
 * service_records with status 'credited', by minutes_credited, dated by service_date (already a Beijing day).
 * The facts reader tallies by quarter, which a chart by month cannot use, so this one member's months are read apart.
 */
export async function creditedMinutesByMonth(tx: Executor, memberId: string, year: number): Promise<number[]> {
  const rows = await tx.query<{ month: number; minutes: number }>(
    `select extract(month from service_date)::int as month, sum(minutes_credited)::int as minutes
       from service_records
      where member_id = $1 and status = 'credited' and service_date >= $2::date and service_date < $3::date
      group by 1`,
    [memberId, `${year}-01-01`, `${year + 1}-01-01`],
  );
  const minutes = Array.from({ length: 12 }, () => 0);
  for (const row of rows) minutes[Number(row.month) - 1] = Number(row.minutes);
  return minutes;
}
