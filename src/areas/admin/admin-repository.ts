/**
 * SQL the administration pages need beyond the platform's audit and outbox modules: finding the
 * account behind an actor filter. (Reads the accounts area's users table directly: the accounts
 * area exports no lookup by e-mail address through its index.)
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { users } from '../accounts/schema.ts';

export async function findUserIdByEmail(db: DbOrTx, email: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return row?.id;
}
