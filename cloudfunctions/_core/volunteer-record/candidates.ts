import type * as z from 'zod';
import type { ActionContext } from '../runtime';
import { membersOfScope, scopeForCall } from './record-scope';
import type { CandidatesInput, CandidatesView } from './volunteer-record.schemas';

const MOST_LISTED = 300;

/** The members a manager may enrol in a training or honour: her community's (the district's, for a district admin), by name or number. */
export async function listCandidates(ctx: ActionContext, input: z.output<typeof CandidatesInput>): Promise<z.input<typeof CandidatesView>> {
  const scope = await scopeForCall(ctx.tx, ctx.caller, input.communityId);
  const query = input.query ?? '';
  const rows = await ctx.tx.query<{ user_id: string; name: string; volunteer_no: string; community_name: string }>(
    `select m.user_id, u.name, m.volunteer_no, c.name as community_name
       from members m join users u on u.id = m.user_id join organisations c on c.id = m.community_id
      where ${membersOfScope(scope, 1)} and u.left_at is null
        and ($2 = '' or u.name like $3 || '%' or m.volunteer_no = upper($2))
      order by m.volunteer_no
      limit ${MOST_LISTED}`,
    [scope.orgId, query, query.replace(/[\\%_]/g, '\\$&')],
  );
  return {
    scopeName: scope.name,
    members: rows.map((row) => ({ memberId: row.user_id, name: row.name, volunteerNo: row.volunteer_no, communityName: row.community_name })),
  };
}
