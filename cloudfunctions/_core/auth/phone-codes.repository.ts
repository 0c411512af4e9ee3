import type { Executor } from '../db/database';
import type { PhoneCodePurpose } from './phone-code';

export interface PhoneCodeRow {
  id: string;
  code_hash: string;
  expires_at: Date;
  wrong_tries: number;
  used_at: Date | null;
}

export const phoneCodesRepository = {
  /** One sender at a time per phone, so that two quick requests cannot both pass the resend limit. */
  lockPhone: (tx: Executor, phone: string) => tx.query(`select pg_advisory_xact_lock(hashtext('phone_codes:' || $1))`, [phone]),

  /** When the phone was last sent a code and how many since `since`. */
  sendsOfPhone: async (tx: Executor, phone: string, since: Date) => {
    const [row] = await tx.query<{ last_sent_at: Date | null; sent: string }>(
      `select max(sent_at) as last_sent_at, count(*) filter (where sent_at > $2) as sent from phone_codes where phone = $1 and channel = 'sms'`,
      [phone, since],
    );
    return { lastSentAt: row?.last_sent_at ?? null, sent: Number(row?.sent ?? 0) };
  },

  countSendsFromAddress: async (tx: Executor, address: string, since: Date) =>
    Number((await tx.query<{ sent: string }>(`select count(*) as sent from phone_codes where client_address = $1 and sent_at > $2`, [address, since]))[0]?.sent ?? 0),

  insert: (tx: Executor, code: { id: string; phone: string; purpose: PhoneCodePurpose; channel: 'sms' | 'wechat'; codeHash: string; clientAddress: string | null; sentAt: Date; expiresAt: Date }) =>
    tx.query(
      `insert into phone_codes (id, phone, purpose, channel, code_hash, client_address, sent_at, expires_at) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [code.id, code.phone, code.purpose, code.channel, code.codeHash, code.clientAddress, code.sentAt, code.expiresAt],
    ),

  /** Rows no limit looks at any more. */
  /** A code whose message never left: as if it had not been asked for. */
  remove: (db: Executor, id: string) => db.query('delete from phone_codes where id = $1', [id]),

  forgetBefore: (tx: Executor, phone: string, before: Date) => tx.query('delete from phone_codes where phone = $1 and sent_at < $2', [phone, before]),

  /** The newest code of the phone for that purpose, locked: only it counts, and only once. */
  lockNewest: async (tx: Executor, phone: string, purpose: PhoneCodePurpose) =>
    (
      await tx.query<PhoneCodeRow>(
        `select id, code_hash, expires_at, wrong_tries, used_at from phone_codes
          where phone = $1 and purpose = $2 order by sent_at desc, id limit 1 for update`,
        [phone, purpose],
      )
    )[0],

  countWrongTry: (tx: Executor, id: string) => tx.query('update phone_codes set wrong_tries = wrong_tries + 1 where id = $1', [id]),

  markUsed: (tx: Executor, id: string, at: Date) => tx.query('update phone_codes set used_at = $2 where id = $1', [id, at]),
};
