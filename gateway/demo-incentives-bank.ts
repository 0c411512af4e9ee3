import { randomUUID } from 'node:crypto';
import type { Executor } from '../cloudfunctions/_core/db/database';
import { balanceOf, organisationAccount, post, userAccount } from '../cloudfunctions/_core/ledger';

type Person = { id: string; name: string };

const HOUR = 60;
const addDays = (at: Date, days: number) => new Date(at.getTime() + days * 86_400_000);

/**
 * 爱心时间银行: the demo member (whose hours B's settlement banked just before) has named the demo resident as 母亲, who
 * accepted in her app, and gave her 2 hours last week; two other members gave hours to the community's bank, which
 * granted one of them to an elderly resident living alone.
 */
export async function seedTimeBank(
  tx: Executor,
  { now, communityId, secretary, demoMember, demoResident, donors, elder }: { now: Date; communityId: string; secretary: Person; demoMember: Person; demoResident: Person; donors: Person[]; elder: Person },
) {
  const linkId = randomUUID();
  await tx.query(
    `insert into family_links (id, member_id, relative_id, relation, status, confirmed_via, answered_by, created_at, answered_at)
     values ($1, $2, $3, 'mother', 'linked', 'relative', $3, $4, $5)`,
    [linkId, demoMember.id, demoResident.id, addDays(now, -12), addDays(now, -11)],
  );
  const bank = (id: string) => userAccount(id, 'time_bank');
  const communityBank = organisationAccount(communityId, 'community_bank');
  if ((await balanceOf(tx, bank(demoMember.id))) >= 2 * HOUR) {
    await post(tx, {
      kind: 'gift', idempotencyKey: `demo-gift:${linkId}`, sourceRef: `family:${linkId}`, memo: `转赠给 母亲 ${demoResident.name}`, createdBy: demoMember.id, at: addDays(now, -7),
      lines: [{ account: bank(demoMember.id), amount: -2 * HOUR }, { account: bank(demoResident.id), amount: 2 * HOUR }],
    });
  }
  for (const [i, donor] of donors.entries()) {
    const minutes = Math.min(5 * HOUR, await balanceOf(tx, bank(donor.id)));
    if (minutes <= 0) continue;
    await post(tx, {
      kind: 'donate', idempotencyKey: `demo-donate:${donor.id}`, sourceRef: `community-bank:${communityId}`, memo: '捐赠给社区', createdBy: donor.id, at: addDays(now, -20 + i),
      lines: [{ account: bank(donor.id), amount: -minutes }, { account: communityBank, amount: minutes }],
    });
  }
  if ((await balanceOf(tx, communityBank)) >= 2 * HOUR) {
    await post(tx, {
      kind: 'grant', idempotencyKey: `demo-grant:${elder.id}`, sourceRef: `community-bank:${communityId}`, memo: '独居老人，每周需要助浴和代买药品', createdBy: secretary.id, at: addDays(now, -3),
      lines: [{ account: communityBank, amount: -2 * HOUR }, { account: bank(elder.id), amount: 2 * HOUR }],
    });
  }
}
