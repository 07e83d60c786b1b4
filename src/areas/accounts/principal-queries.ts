import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { committees, states } from '../states/schema.ts';
import type { Principal } from './principal.ts';
import { users } from './schema.ts';

/** Loads the signed-in user for a session; disabled accounts and (outside demo mode) demo accounts get none. */
export async function loadPrincipal(db: DbOrTx, userId: string, opts: { demoMode: boolean }): Promise<Principal | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return undefined;
  const [row] = await db
    .select({ u: users, stateNames: states.names, committeeNames: committees.names })
    .from(users)
    .leftJoin(states, eq(states.iso2, users.stateIso2))
    .leftJoin(committees, eq(committees.id, users.committeeId))
    .where(eq(users.id, userId))
    .limit(1);
  const u = row?.u;
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
    contextNames: row.stateNames ?? row.committeeNames ?? null,
  };
}
