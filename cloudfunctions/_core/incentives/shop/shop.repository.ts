import type { Executor } from '../../db/database';
import type { Audience, RedemptionStatus } from './shop.schemas';

export interface GoodRow {
  id: string;
  community_id: string;
  name: string;
  description: string;
  photo_url: string | null;
  price_points: number;
  audience: Audience;
  per_person_limit: number | null;
  withdrawn_at: Date | null;
}

export interface RedemptionRow {
  id: string;
  good_id: string;
  community_id: string;
  user_id: string;
  good_name: string;
  quantity: number;
  price_points: number;
  pick_up_code: string;
  status: RedemptionStatus;
  pick_up_by: string;
  transaction_id: string;
  redeemed_at: Date;
  closed_at: Date | null;
  member_name: string;
  member_phone: string;
}

const GOOD = `id, community_id, name, description, photo_url, price_points, audience, per_person_limit, withdrawn_at`;
const REDEMPTION = `r.id, r.good_id, r.community_id, r.user_id, r.good_name, r.quantity, r.price_points, r.pick_up_code, r.status,
  to_char(r.pick_up_by, 'YYYY-MM-DD') as pick_up_by, r.transaction_id, r.redeemed_at, r.closed_at, u.name as member_name, u.phone as member_phone`;

export const shopRepository = {
  async communityName(tx: Executor, communityId: string): Promise<string> {
    const [row] = await tx.query<{ name: string }>(`select name from organisations where id = $1`, [communityId]);
    return row?.name ?? '';
  },

  async good(tx: Executor, goodId: string, options: { lock?: boolean } = {}): Promise<GoodRow | undefined> {
    const [row] = await tx.query<GoodRow>(`select ${GOOD} from shop_goods where id = $1${options.lock ? ' for update' : ''}`, [goodId]);
    return row;
  },

  goodsOf(tx: Executor, communityId: string, options: { includeWithdrawn: boolean; audiences?: Audience[] }): Promise<GoodRow[]> {
    return tx.query<GoodRow>(
      `select ${GOOD} from shop_goods
        where community_id = $1 and ($2 or withdrawn_at is null) and ($3::text[] is null or audience = any($3::text[]))
        order by withdrawn_at nulls first, created_at, id`,
      [communityId, options.includeWithdrawn, options.audiences ?? null],
    );
  },

  async insertGood(tx: Executor, good: Omit<GoodRow, 'withdrawn_at'> & { created_by: string; at: Date }) {
    await tx.query(
      `insert into shop_goods (id, community_id, name, description, photo_url, price_points, audience, per_person_limit, created_by, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
      [good.id, good.community_id, good.name, good.description, good.photo_url, good.price_points, good.audience, good.per_person_limit, good.created_by, good.at],
    );
  },

  async updateGood(tx: Executor, good: Omit<GoodRow, 'withdrawn_at' | 'community_id'> & { at: Date }) {
    await tx.query(
      `update shop_goods set name = $2, description = $3, photo_url = $4, price_points = $5, audience = $6, per_person_limit = $7, updated_at = $8
        where id = $1`,
      [good.id, good.name, good.description, good.photo_url, good.price_points, good.audience, good.per_person_limit, good.at],
    );
  },

  async markWithdrawn(tx: Executor, goodId: string, at: Date) {
    await tx.query(`update shop_goods set withdrawn_at = $2, updated_at = $2 where id = $1`, [goodId, at]);
  },

  /** Items of the good this person holds waiting or has picked up: what a per-person limit counts. */
  async heldBy(tx: Executor, userId: string, goodIds: string[]): Promise<Map<string, number>> {
    const rows = await tx.query<{ good_id: string; held: string }>(
      `select good_id, sum(quantity) as held from shop_redemptions
        where user_id = $1 and good_id = any($2::uuid[]) and status in ('waiting', 'handed_over')
        group by good_id`,
      [userId, goodIds],
    );
    return new Map(rows.map((row) => [row.good_id, Number(row.held)]));
  },

  async byRequestKey(tx: Executor, requestKey: string): Promise<RedemptionRow | undefined> {
    const [row] = await tx.query<RedemptionRow>(`select ${REDEMPTION} from shop_redemptions r join users u on u.id = r.user_id where r.request_key = $1`, [
      requestKey,
    ]);
    return row;
  },

  async redemption(tx: Executor, id: string, options: { lock?: boolean } = {}): Promise<RedemptionRow | undefined> {
    const [row] = await tx.query<RedemptionRow>(
      `select ${REDEMPTION} from shop_redemptions r join users u on u.id = r.user_id where r.id = $1${options.lock ? ' for update of r' : ''}`,
      [id],
    );
    return row;
  },

  async waitingByCode(tx: Executor, communityId: string, code: string): Promise<RedemptionRow | undefined> {
    const [row] = await tx.query<RedemptionRow>(
      `select ${REDEMPTION} from shop_redemptions r join users u on u.id = r.user_id
        where r.community_id = $1 and r.pick_up_code = $2 and r.status = 'waiting' for update of r`,
      [communityId, code],
    );
    return row;
  },

  /** Inserts the redemption under a code no other waiting redemption of the community holds; false when the code was taken. */
  async insertRedemption(
    tx: Executor,
    row: Omit<RedemptionRow, 'status' | 'closed_at' | 'member_name' | 'member_phone'> & { request_key: string },
  ): Promise<boolean> {
    const inserted = await tx.query(
      `insert into shop_redemptions (id, good_id, community_id, user_id, request_key, good_name, quantity, price_points, pick_up_code, status,
                                     pick_up_by, transaction_id, redeemed_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'waiting', $10, $11, $12)
       on conflict do nothing
       returning id`,
      [row.id, row.good_id, row.community_id, row.user_id, row.request_key, row.good_name, row.quantity, row.price_points, row.pick_up_code,
        row.pick_up_by, row.transaction_id, row.redeemed_at],
    );
    return inserted.length > 0;
  },

  async close(tx: Executor, id: string, status: Exclude<RedemptionStatus, 'waiting'>, at: Date, by: string | null) {
    await tx.query(`update shop_redemptions set status = $2, closed_at = $3, closed_by = $4 where id = $1`, [id, status, at, by]);
  },

  ofUser(tx: Executor, userId: string, limit: number): Promise<RedemptionRow[]> {
    return tx.query<RedemptionRow>(
      `select ${REDEMPTION} from shop_redemptions r join users u on u.id = r.user_id
        where r.user_id = $1 order by r.redeemed_at desc, r.id limit $2`,
      [userId, limit],
    );
  },

  ofCommunity(tx: Executor, communityId: string, status: RedemptionStatus, options: { code?: string; limit: number }): Promise<RedemptionRow[]> {
    return tx.query<RedemptionRow>(
      `select ${REDEMPTION} from shop_redemptions r join users u on u.id = r.user_id
        where r.community_id = $1 and r.status = $2 and ($3::text is null or r.pick_up_code = $3)
        order by case when r.status = 'waiting' then r.redeemed_at end, coalesce(r.closed_at, r.redeemed_at) desc, r.id
        limit $4`,
      [communityId, status, options.code ?? null, options.limit],
    );
  },

  async countWaiting(tx: Executor, communityId: string): Promise<number> {
    const [row] = await tx.query<{ count: string }>(`select count(*) from shop_redemptions where community_id = $1 and status = 'waiting'`, [communityId]);
    return Number(row.count);
  },

  /** Waiting redemptions whose last pick-up day is before `today`, locked, oldest first. */
  overdue(tx: Executor, communityId: string, today: string): Promise<RedemptionRow[]> {
    return tx.query<RedemptionRow>(
      `select ${REDEMPTION} from shop_redemptions r join users u on u.id = r.user_id
        where r.community_id = $1 and r.status = 'waiting' and r.pick_up_by < $2::date
        order by r.redeemed_at, r.id
        for update of r skip locked`,
      [communityId, today],
    );
  },
};
