import { randomUUID } from 'node:crypto';
import { hashPassword, startSession } from '../cloudfunctions/_core/auth';
import type { Database } from '../cloudfunctions/_core/db/database';
import { orgRepository } from '../cloudfunctions/_core/org';

export interface BenchCommunity {
  communityId: string;
  secretaryToken: string;
  memberIds: string[];
  memberTokens: string[];
}

/** One community with a secretary and `members` members, written straight to the database. */
export async function buildBenchCommunity(db: Database, members: number, sessionSecret: string): Promise<BenchCommunity> {
  const districtId = randomUUID();
  const streetId = randomUUID();
  const communityId = randomUUID();
  const passwordHash = await hashPassword('bench-password', 1024);
  return db.transaction(async (tx) => {
    await orgRepository.createOrganisation(tx, { id: districtId, kind: 'district', parentId: null, name: '压测区' });
    await orgRepository.createOrganisation(tx, { id: streetId, kind: 'street', parentId: districtId, name: '压测街道' });
    await orgRepository.createOrganisation(tx, { id: communityId, kind: 'community', parentId: streetId, name: '压测社区' });
    const secretaryId = randomUUID();
    await orgRepository.createUser(tx, { id: secretaryId, name: '压测书记', phone: '19800000000', passwordHash });
    await orgRepository.grantRole(tx, { id: randomUUID(), userId: secretaryId, role: 'secretary', orgId: communityId });
    const memberIds: string[] = [];
    for (let i = 0; i < members; i++) {
      const id = randomUUID();
      await orgRepository.createUser(tx, { id, name: `压测党员${i}`, phone: `198${String(i + 1).padStart(8, '0')}`, passwordHash });
      await orgRepository.grantRole(tx, { id: randomUUID(), userId: id, role: 'member', orgId: communityId });
      await orgRepository.registerMember(tx, { userId: id, communityId, gridId: null, unitId: null, memberType: 'community' });
      memberIds.push(id);
    }
    const token = async (userId: string) => (await startSession(tx, { userId, secret: sessionSecret, now: new Date(), ttlHours: 24 })).token;
    const memberTokens: string[] = [];
    for (const id of memberIds) memberTokens.push(await token(id));
    return { communityId, secretaryToken: await token(secretaryId), memberIds, memberTokens };
  });
}
