import type { Executor } from '../db/database';
import { reportsRepository, type OpenSlipRow, type ReportedMemberRow } from './reports.repository';

/** A unit's 在职党员: those who have reported (members now) and the holders of its open 报到单 who have not yet. */
export interface UnitInService {
  reported: ReportedMemberRow[];
  waiting: OpenSlipRow[];
}

/**
 * The one reading of who a unit's 在职党员 are (see IN_SERVICE_DEFINITION), for every page that counts them:
 * the unit's 报到情况统计 and the district's list of units.
 */
export async function inServiceMembersOf(tx: Executor, unitIds: string[]): Promise<Map<string, UnitInService>> {
  const byUnit = new Map<string, UnitInService>(unitIds.map((id) => [id, { reported: [], waiting: [] }]));
  if (unitIds.length === 0) return byUnit;
  for (const row of await reportsRepository.reportedMembers(tx, unitIds)) byUnit.get(row.unit_id)?.reported.push(row);
  for (const row of await reportsRepository.openSlipsNotReported(tx, unitIds)) byUnit.get(row.unit_id)?.waiting.push(row);
  return byUnit;
}

/** 在职党员总数 and 报到党员总数 of a unit. */
export const inServiceCount = (unit: UnitInService) => ({ inService: unit.reported.length + unit.waiting.length, reported: unit.reported.length });

/** 在职党员总数 and 报到党员总数 of each unit, counted in the database: for lists of units, which need no names. */
export async function inServiceCountsOf(tx: Executor, unitIds: string[]): Promise<Map<string, { inService: number; reported: number }>> {
  if (unitIds.length === 0) return new Map();
  const rows = await reportsRepository.inServiceCounts(tx, unitIds);
  return new Map(rows.map((row) => [row.unit_id, { inService: row.reported + row.waiting, reported: row.reported }]));
}
