/** The signed-in user as every area sees it: one role, bound to a State or a committee where the role says so. */
import type { Role } from './schema.ts';
import type { CurrentUser } from '../../platform/http/types.ts';
import type { LocalizedText } from '../states/schema.ts';

export type { Role } from './schema.ts';

declare module '../../platform/http/types.ts' {
  interface CurrentUser {
    role: Role;
    stateIso2: string | null;
    committeeId: string | null;
    isDemo: boolean;
    totpEnabled: boolean;
    /** Names of the user's State or committee in the six languages, shown in the header. */
    contextNames: LocalizedText | null;
  }
}

export type { CurrentUser as Principal } from '../../platform/http/types.ts';

export const STATE_ROLES: readonly Role[] = ['state_preparer', 'state_approver'];
export const STAFF_ROLES: readonly Role[] = ['isu_staff', 'admin'];

/**
 * A principal that acts with a role without signing in (seeding, benchmarks, the CLI): the same
 * policies decide what it may do. The audit label of the Actor says who really acted.
 */
export function actingAs(role: Role, opts: { stateIso2?: string; committeeId?: string } = {}): CurrentUser {
  return {
    id: '00000000-0000-0000-0000-000000000000',
    email: 'system@localhost',
    name: 'System',
    locale: 'en',
    role,
    stateIso2: opts.stateIso2 ?? null,
    committeeId: opts.committeeId ?? null,
    isDemo: false,
    totpEnabled: false,
    contextNames: null,
  };
}
