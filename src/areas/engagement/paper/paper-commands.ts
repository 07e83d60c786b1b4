/**
 * Changes to a committee's paper: the texts of one language, writing a language's draft again from
 * the facts, and the status. Every change checks the version the editor saw (optimistic): a save
 * over a newer one is refused with `engagement.paper.stale`, nothing is written.
 */
import type { Database } from '../../../platform/db/client.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../../platform/audit/audit.ts';
import { conflict } from '../../../platform/errors.ts';
import type { Principal } from '../../accounts/index.ts';
import { assertCan, canEditCommitteePaper } from '../policy.ts';
import * as repo from './paper-repository.ts';
import { SECTION_IDS, type SectionId } from './sections.ts';

type Db = Pick<Database, 'db'>;
type Content = repo.CommitteePaperRow['content'];

async function changePaper(
  database: Db,
  actor: Actor,
  user: Principal | undefined,
  key: { committeeId: string; year: number },
  expectedVersion: number,
  change: (cur: { content: Content; status: 'draft' | 'final' }) => { content?: Content; status?: 'draft' | 'final' },
  audit: { action: string; summary: Record<string, unknown> },
): Promise<repo.CommitteePaperRow> {
  assertCan(canEditCommitteePaper(user, key.committeeId));
  return withTransaction(database.db, async (tx) => {
    let row: repo.CommitteePaperRow | undefined;
    const current = await repo.findPaper(tx, key.committeeId, key.year);
    if (expectedVersion === 0 && !current) {
      const set = change({ content: {}, status: 'draft' });
      row = await repo.insertPaper(tx, { committeeId: key.committeeId, year: key.year, content: set.content ?? {}, status: set.status ?? 'draft', generatedAt: new Date(), createdBy: actor.userId, updatedBy: actor.userId });
    } else if (current && current.version === expectedVersion) {
      row = await repo.updatePaperIfVersion(tx, current.id, expectedVersion, { ...change(current), updatedBy: actor.userId });
    }
    if (!row) throw conflict('engagement.paper.stale');
    await recordAudit(tx, actor, { action: audit.action, entityType: 'committee_paper', entityId: row.id, summary: { committeeId: key.committeeId, year: key.year, version: row.version, ...audit.summary } });
    return row;
  });
}

/** Saves one language's texts; the other languages are kept as they are. */
export async function saveCommitteePaperTexts(database: Db, actor: Actor, user: Principal | undefined, input: { committeeId: string; year: number; lang: string; texts: Partial<Record<SectionId, string>>; expectedVersion: number }) {
  const texts: Record<string, string> = {};
  for (const s of SECTION_IDS) texts[s] = (input.texts[s] ?? '').replace(/\r\n?/g, '\n');
  return changePaper(database, actor, user, input, input.expectedVersion, (cur) => ({ content: { ...cur.content, [input.lang]: texts } }), {
    action: 'engagement.committee_paper.saved',
    summary: { lang: input.lang, lengths: Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v.length])) },
  });
}

/** Forgets one language's edited texts, so its draft is written again from the recorded facts. */
export async function redraftCommitteePaper(database: Db, actor: Actor, user: Principal | undefined, input: { committeeId: string; year: number; lang: string; expectedVersion: number }) {
  return changePaper(
    database,
    actor,
    user,
    input,
    input.expectedVersion,
    (cur) => {
      const content = { ...cur.content };
      delete content[input.lang];
      return { content };
    },
    { action: 'engagement.committee_paper.redrafted', summary: { lang: input.lang } },
  );
}

export async function setCommitteePaperStatus(database: Db, actor: Actor, user: Principal | undefined, input: { committeeId: string; year: number; status: 'draft' | 'final'; expectedVersion: number }) {
  return changePaper(database, actor, user, input, input.expectedVersion, () => ({ status: input.status }), { action: 'engagement.committee_paper.status_changed', summary: { status: input.status } });
}
