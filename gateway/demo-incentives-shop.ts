import { randomUUID } from 'node:crypto';
import type { Executor } from '../cloudfunctions/_core/db/database';
import { saveGood } from '../cloudfunctions/_core/incentives/shop/goods';
import { redeem } from '../cloudfunctions/_core/incentives/shop/redemptions';
import { balancesOf } from '../cloudfunctions/_core/ledger';
import { loadConfig } from '../cloudfunctions/_core/config/config';
import { localFileStore } from '../cloudfunctions/_core/files';
import type { ActionContext } from '../cloudfunctions/_core/runtime/action';
import { loadCaller } from '../cloudfunctions/_core/runtime/caller';

type Person = { id: string };

const GOODS = [
  { name: '洗衣液', description: '2 kg 装，社区服务站领取', pricePoints: 20, audience: 'both', initialStock: 12 },
  { name: '大米 5kg', description: '东北大米，每人限兑1袋', pricePoints: 50, audience: 'member', perPersonLimit: 1, initialStock: 8 },
  { name: '理发券', description: '社区便民理发点使用一次', pricePoints: 15, audience: 'both', initialStock: 20 },
  { name: '毛巾', description: '纯棉毛巾两条', pricePoints: 10, audience: 'both', initialStock: 30 },
  { name: '食用油 1.8L', description: '花生油', pricePoints: 40, audience: 'member', initialStock: 5 },
] as const;

/** The use cases run as the person would call them, on the seed's transaction and clock. */
async function contextFor(tx: Executor, now: Date, person: Person): Promise<ActionContext> {
  const caller = await loadCaller(tx, { userId: person.id });
  return {
    tx,
    caller,
    clock: { now: () => now },
    newId: randomUUID,
    config: {} as ActionContext['config'],
    keepOnFailure: () => undefined,
    onCommit: () => undefined,
    files: localFileStore(loadConfig().DATA_DIR),
  };
}

/**
 * The first community's 爱心超市 (after the points are settled, so that prices fit what members hold): five goods listed
 * by the secretary, and one redemption waiting for pick-up by the member with the most points other than the demo member.
 */
export async function seedLoveShop(tx: Executor, { now, secretary, demoMember, others }: { now: Date; secretary: Person; demoMember: Person; others: Person[] }) {
  const asSecretary = await contextFor(tx, now, secretary);
  const goods = [];
  for (const good of GOODS) goods.push(await saveGood(asSecretary, { ...good, perPersonLimit: 'perPersonLimit' in good ? good.perPersonLimit : undefined }));
  const points = await balancesOf(tx, 'user', others.map((member) => member.id), 'points');
  const richest = others.filter((member) => member.id !== demoMember.id).sort((a, b) => (points.get(b.id) ?? 0) - (points.get(a.id) ?? 0))[0];
  const towel = goods.find((good) => good.name === '毛巾')!;
  if (richest && (points.get(richest.id) ?? 0) >= towel.pricePoints) {
    await redeem(await contextFor(tx, now, richest), { goodId: towel.id, quantity: 1, requestId: randomUUID() });
  }
}
