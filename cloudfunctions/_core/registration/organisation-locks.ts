import type { Executor } from '../db/database';
import { commonErrors } from '../shared/domain-error';
import { registrationRepository } from './registration.repository';

export interface NamedOrganisations {
  communities: (string | null | undefined)[];
  grids: (string | null | undefined)[];
}

const present = (ids: (string | null | undefined)[]) => [...new Set(ids.filter((id): id is string => Boolean(id)))];
const sameNames = (a: NamedOrganisations, b: NamedOrganisations) =>
  JSON.stringify([present(a.communities), present(a.grids)]) === JSON.stringify([present(b.communities), present(b.grids)]);

const ATTEMPTS = 3;

/**
 * Reads something that names communities and grids (a registration, a 报到单, a member), share-locks those
 * organisations — communities first, then grids, the order a merge takes them in, so the two cannot deadlock —
 * and reads it again until it still names the same ones: a merge that committed in between has moved it.
 * While the locks are held no merge of those organisations can start, so what was read stays where it is.
 */
export async function readUnderOrganisationLocks<T>(
  tx: Executor,
  read: () => Promise<T>,
  organisationsOf: (value: T) => NamedOrganisations,
): Promise<T> {
  let value = await read();
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const named = organisationsOf(value);
    await registrationRepository.shareLockOrganisations(tx, present(named.communities));
    await registrationRepository.shareLockOrganisations(tx, present(named.grids));
    const again = await read();
    if (sameNames(named, organisationsOf(again))) return again;
    value = again;
  }
  throw commonErrors.error('CONFLICT');
}
