/**
 * Changes to the detector's term lists: seeding the starting lists, and ISU's additions, edits and
 * removals — each in one transaction with its audit event. A change applies to analyses run after
 * it; reports already analysed keep their values until they are analysed again.
 */
import type { Database, DbOrTx } from '../../../platform/db/client.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../../../platform/audit/audit.ts';
import { AppError, conflict, isAppError, notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../accounts/index.ts';
import { assertCan, canEditDetectorTerms } from '../policy.ts';
import { compilePhrase } from './detector.ts';
import { seedTermRows } from './seed-terms.ts';
import * as repo from './terms-repository.ts';

/**
 * Seeds the starting lists of every indicator that has no term or cue yet. Lists ISU has worked
 * on are left alone: a phrase ISU removed is not put back at the next start.
 */
export async function seedDetectorTerms(db: DbOrTx, actor: Actor = SYSTEM_ACTOR): Promise<number> {
  const rows = seedTermRows();
  const empty = await repo.indicatorsWithoutTerms(db, [...new Set(rows.map((r) => r.indicatorId))]);
  if (!empty.length) return 0;
  return withTransaction(db, async (tx) => {
    const inserted = await repo.insertTerms(
      tx,
      rows.filter((r) => empty.includes(r.indicatorId)),
    );
    if (inserted.length) await recordAudit(tx, actor, { action: 'analysis.detector_terms.seeded', entityType: 'detector_terms', summary: { indicators: empty, terms: inserted.length } });
    return inserted.length;
  });
}

export interface TermInputForm {
  indicatorId: string;
  locale: string;
  kind: 'term' | 'negation';
  phrase: string;
  note?: string | undefined;
}

/** A phrase the detector can use: something left to match once normalised. */
function assertUsablePhrase(phrase: string, locale: string): void {
  if (!compilePhrase(phrase, locale)) throw new AppError('validation', 'analysis.terms.phrase_unusable');
}

export async function addTerm(database: Pick<Database, 'db'>, actor: Actor, user: Principal | undefined, input: TermInputForm) {
  assertCan(canEditDetectorTerms(user));
  assertUsablePhrase(input.phrase, input.locale);
  return withTransaction(database.db, async (tx) => {
    const [row] = await repo.insertTerms(tx, [{ ...input, note: input.note ?? null, createdBy: actor.userId }]);
    if (!row) throw conflict('analysis.terms.exists');
    await recordAudit(tx, actor, {
      action: 'analysis.detector_term.added',
      entityType: 'detector_term',
      entityId: row.id,
      summary: { indicator: row.indicatorId, locale: row.locale, kind: row.kind, phrase: row.phrase, note: row.note },
    });
    return row;
  });
}

/** The same phrase listed twice for one indicator, language and kind. */
function duplicateAsExists(e: unknown): unknown {
  return isAppError(e) && e.code === 'db.unique_violation' ? conflict('analysis.terms.exists') : e;
}

export async function editTerm(database: Pick<Database, 'db'>, actor: Actor, user: Principal | undefined, id: string, input: { kind: 'term' | 'negation'; phrase: string; note?: string | undefined }) {
  assertCan(canEditDetectorTerms(user));
  return withTransaction(database.db, async (tx) => {
    const before = await repo.findTerm(tx, id);
    if (!before) throw notFound();
    assertUsablePhrase(input.phrase, before.locale);
    const row = await repo.updateTerm(tx, id, { kind: input.kind, phrase: input.phrase, note: input.note ?? null });
    if (!row) throw notFound();
    await recordAudit(tx, actor, {
      action: 'analysis.detector_term.updated',
      entityType: 'detector_term',
      entityId: id,
      summary: { indicator: row.indicatorId, locale: row.locale, before: { kind: before.kind, phrase: before.phrase, note: before.note }, after: { kind: row.kind, phrase: row.phrase, note: row.note } },
    });
    return row;
  }).catch((e: unknown) => {
    throw duplicateAsExists(e);
  });
}

export async function removeTerm(database: Pick<Database, 'db'>, actor: Actor, user: Principal | undefined, id: string) {
  assertCan(canEditDetectorTerms(user));
  return withTransaction(database.db, async (tx) => {
    const row = await repo.deleteTerm(tx, id);
    if (!row) throw notFound();
    await recordAudit(tx, actor, {
      action: 'analysis.detector_term.removed',
      entityType: 'detector_term',
      entityId: id,
      summary: { indicator: row.indicatorId, locale: row.locale, kind: row.kind, phrase: row.phrase },
    });
    return row;
  });
}
