import type { DbOrTx } from '../../platform/db/client.ts';
import type { Principal } from './principal.ts';
import { findUserById } from './users-repository.ts';

/** Loads the signed-in user for a session; disabled accounts and (outside demo mode) demo accounts get none. */
export async function loadPrincipal(db: DbOrTx, userId: string, opts: { demoMode: boolean }): Promise<Principal | undefined> {
  const u = await findUserById(db, userId);
  if (!u || u.disabledAt || (u.isDemo && !opts.demoMode)) return undefined;
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    locale: u.locale,
    role: u.role,
    stateIso2: u.stateIso2,
    committeeId: u.committeeId,
    isDemo: u.isDemo,
    totpEnabled: !!u.totpEnabledAt,
  };
}
