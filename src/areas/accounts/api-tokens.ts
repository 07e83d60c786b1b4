/** Personal API tokens: resolve a bearer token to its user. (Creation and revocation: being built.) */
import type { Database } from '../../platform/db/client.ts';
import type { Principal } from './principal.ts';

export async function authenticateApiToken(_database: Database, _token: string, _opts: { demoMode: boolean }): Promise<Principal | undefined> {
  return undefined;
}
