/** Who to notify: the people other areas write to (a State's focal points, the ISU). */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { users } from './schema.ts';

export interface Contact {
  email: string;
  name: string;
  locale: string;
}

/** Active preparers and approvers of a State. */
export async function listStateContacts(db: DbOrTx, stateIso2: string): Promise<Contact[]> {
  return db
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(and(eq(users.stateIso2, stateIso2), inArray(users.role, ['state_preparer', 'state_approver']), isNull(users.disabledAt)));
}

/** Active ISU staff. */
export async function listIsuContacts(db: DbOrTx): Promise<Contact[]> {
  return db
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(and(eq(users.role, 'isu_staff'), isNull(users.disabledAt)));
}

/** A State's focal points as colleagues see them before meeting the State (disabled accounts included, marked). */
export async function listStateFocalPoints(db: DbOrTx, stateIso2: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, organisation: users.organisation, lastLoginAt: users.lastLoginAt, disabledAt: users.disabledAt, isDemo: users.isDemo })
    .from(users)
    .where(and(eq(users.stateIso2, stateIso2), inArray(users.role, ['state_preparer', 'state_approver'])))
    .orderBy(users.name);
}
