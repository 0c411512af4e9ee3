import type { Database } from '../../cloudfunctions/_core/db/database';
import type { SentStatement } from './statement-log';

export interface PlanNode {
  'Node Type': string;
  'Parent Relationship'?: string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Subplan Name'?: string;
  Plans?: PlanNode[];
}

/** The plan of one statement with its own parameters, sequential scans priced out so that table size does not matter. */
export async function planOf(
  db: Database,
  statement: SentStatement,
  options: { seqscan: boolean } = { seqscan: false },
): Promise<PlanNode> {
  const [row] = await db.transaction(async (tx) => {
    if (!options.seqscan) await tx.query('set local enable_seqscan = off');
    return tx.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`explain (format json) ${statement.sql}`, statement.params);
  });
  return row['QUERY PLAN'][0].Plan;
}

/** Every node of a plan, the root first. */
export function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}
