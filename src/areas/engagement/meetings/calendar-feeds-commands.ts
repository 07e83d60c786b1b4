/** Creating a personal calendar feed address, or replacing it (the old address stops working). */
import type { Database } from '../../../platform/db/client.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../../platform/audit/audit.ts';
import type { Principal } from '../../accounts/index.ts';
import { assertCan, canHaveCalendarFeed } from '../policy.ts';
import { newFeedLink } from './calendar-feeds.ts';
import * as repo from './meetings-repository.ts';

export async function renewCalendarFeed(database: Pick<Database, 'db'>, actor: Actor, user: Principal | undefined, secret: string): Promise<{ token: string; replaced: boolean }> {
  assertCan(canHaveCalendarFeed(user));
  return withTransaction(database.db, async (tx) => {
    const before = await repo.findFeed(tx, user!.id);
    const link = newFeedLink(secret, user!.id);
    await repo.upsertFeed(tx, { userId: user!.id, linkNonce: link.linkNonce, tokenHash: link.tokenHash });
    await recordAudit(tx, actor, { action: before ? 'engagement.calendar_feed.renewed' : 'engagement.calendar_feed.created', entityType: 'user', entityId: user!.id, summary: {} });
    return { token: link.token, replaced: !!before };
  });
}
