import { randomUUID } from 'node:crypto';
import type { Executor } from '../../cloudfunctions/_core/db/database';

/** Every table an organisation change may touch; a refused call must leave each count as it was. */
export const ORG_TABLES = [
  'organisations', 'units', 'unit_community_pairings', 'users', 'user_roles', 'residents', 'members', 'district_settings',
  'member_community_history', 'registrations', 'report_slips', 'demands', 'orders', 'assignments', 'service_records',
  'record_audit', 'evaluations', 'access_log',
] as const;

export type OrgTable = (typeof ORG_TABLES)[number];

export async function countOrgRows(db: Executor, tables: readonly OrgTable[] = ORG_TABLES): Promise<Record<OrgTable, number>> {
  const counts = {} as Record<OrgTable, number>;
  for (const table of tables) counts[table] = (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;
  return counts;
}

/** Rows of `table` whose `column` is `id`. */
export const countWhere = async (db: Executor, table: OrgTable, column: string, id: string) =>
  (await db.query<{ n: number }>(`select count(*)::int as n from ${table} where ${column} = $1`, [id]))[0].n;

/** A 报到单 the unit issued for a member to report to a community (the registration function's own data, written directly). */
export async function insertReportSlip(db: Executor, slip: { unitId: string; communityId: string; issuedBy: string; phone: string; code: string }) {
  const id = randomUUID();
  await db.query(
    `insert into report_slips (id, code, unit_id, community_id, member_name, member_phone, party_standing, report_by, issued_by, issued_at)
     values ($1, $2, $3, $4, '报到党员', $5, '正式', '2026-12-31', $6, now())`,
    [id, slip.code, slip.unitId, slip.communityId, slip.phone, slip.issuedBy],
  );
  return id;
}

/** A registration as submitted; `decided` ones carry the secretary who decided. */
export async function insertRegistration(
  db: Executor,
  registration: { userId: string; communityId: string; gridId: string | null; slipId?: string; status: 'pending' | 'confirmed'; decidedBy?: string },
) {
  const id = randomUUID();
  await db.query(
    `insert into registrations (id, user_id, community_id, grid_id, slip_id, kind, form, status, submitted_at, decided_at, decided_by)
     values ($1, $2, $3, $4, $5, 'report', '{}', $6, now(), case when $6 = 'pending' then null else now() end, $7)`,
    [id, registration.userId, registration.communityId, registration.gridId, registration.slipId ?? null, registration.status, registration.decidedBy ?? null],
  );
  return id;
}
