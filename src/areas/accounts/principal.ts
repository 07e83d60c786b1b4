/** The signed-in user as every area sees it: one role, bound to a State or a committee where the role says so. */
import type { Role } from './schema.ts';
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
