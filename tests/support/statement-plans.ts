import type { Database, Executor } from '../../cloudfunctions/_core/db/database';
import { useDatabase } from '../../cloudfunctions/_core/db/database-context';

export interface Statement {
  sql: string;
  params: unknown[];
}

export interface PlanNode {
  'Node Type': string;
  'Parent Relationship'?: string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Subplan Name'?: string;
  Plans?: PlanNode[];
}

/** The statements `work` sent through every cloud function of this process (transactions' BEGIN and COMMIT not included). */
export async function statementsSentBy(db: Database, work: () => Promise<unknown>): Promise<Statement[]> {
  const sent: Statement[] = [];
  const recorded = (executor: Executor): Executor => ({
    query: (sql, params) => {
      sent.push({ sql, params: params ?? [] });
      return executor.query(sql, params);
    },
  });
  useDatabase({
    ...db,
    query: (sql, params) => recorded(db).query(sql, params),
    transaction: (run) => db.transaction((tx) => run(recorded(tx))),
  } as Database);
  try {
    await work();
  } finally {
    useDatabase(db);
  }
  return sent;
}

/** The plan of one statement with its own parameters, sequential scans priced out so that table size does not matter. */
export async function planOf(db: Database, statement: Statement, options: { seqscan: boolean } = { seqscan: false }): Promise<PlanNode> {
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
