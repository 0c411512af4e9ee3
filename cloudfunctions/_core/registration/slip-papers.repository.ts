import type { Executor } from '../db/database';

export interface CommunityHeadings {
  district: string;
  street: string;
  community: string;
}

export const slipPapersRepository = {
  /** The names a 报到单 is addressed with: the community's district, street and its own. */
  headingsOf: async (tx: Executor, communityId: string): Promise<CommunityHeadings> =>
    (
      await tx.query<CommunityHeadings>(
        `select d.name as district, s.name as street, c.name as community
           from organisations c join organisations s on s.id = c.parent_id join organisations d on d.id = s.parent_id
          where c.id = $1`,
        [communityId],
      )
    )[0],

  /** Whether the user registered with the slip (the member's own 报到单). */
  registeredWithSlip: async (tx: Executor, slipId: string, userId: string) =>
    (await tx.query('select 1 from registrations where slip_id = $1 and user_id = $2', [slipId, userId])).length > 0,
};
