/**
 * Changes to the observations paper of a year: the texts of one language, the chosen examples of
 * good practice, and its status. Every change checks the version the editor saw (optimistic): a
 * save over a newer one is refused with `analysis.paper.stale`, nothing is written.
 */
import type { Database } from '../../../platform/db/client.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../../platform/audit/audit.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../accounts/index.ts';
import { findReportFacts, getReportAnalysis } from '../indicators/indicators-queries.ts';
import { assertCan } from '../policy.ts';
import type { PaperExample } from '../schema.ts';
import { canChangePaperStatus, canEditPaper } from './policy.ts';
import * as repo from './paper-repository.ts';
import type { PaperRow } from './paper-repository.ts';
import { SECTION_IDS, type SectionId } from './sections.ts';

type Db = Pick<Database, 'db'>;
const KIND = 'preliminary' as const;

/**
 * Applies `change` to the paper of `year` at `expectedVersion` (0: the paper does not exist yet and
 * is created by this change), in one transaction with its audit event.
 */
async function changePaper(
  database: Db,
  actor: Actor,
  year: number,
  expectedVersion: number,
  change: (current: Pick<PaperRow, 'content' | 'examples' | 'status'>) => Partial<Pick<PaperRow, 'content' | 'examples' | 'status'>>,
  audit: (row: PaperRow, tx: Tx) => Promise<void>,
): Promise<PaperRow> {
  return withTransaction(database.db, async (tx) => {
    let row: PaperRow | undefined;
    if (expectedVersion === 0) {
      const set = change({ content: {}, examples: [], status: 'draft' });
      row = await repo.insertPaper(tx, { year, kind: KIND, content: set.content ?? {}, examples: set.examples ?? [], createdBy: actor.userId });
    } else {
      const current = await repo.findPaper(tx, year, KIND);
      if (!current) throw notFound();
      if (current.version === expectedVersion) row = await repo.updatePaperIfVersion(tx, current.id, expectedVersion, { ...change(current), updatedBy: actor.userId });
    }
    if (!row) throw conflict('analysis.paper.stale');
    await audit(row, tx);
    return row;
  });
}

async function editable(database: Db, user: Principal | undefined, year: number): Promise<PaperRow | undefined> {
  const current = await repo.findPaper(database.db, year, KIND);
  assertCan(canEditPaper(user, current));
  return current;
}

export interface SaveTextsInput {
  year: number;
  lang: string;
  texts: Partial<Record<SectionId, string>>;
  expectedVersion: number;
}

/** Saves the texts of one language; the other languages' texts are kept as they are. */
export async function savePaperTexts(database: Db, actor: Actor, user: Principal | undefined, input: SaveTextsInput): Promise<PaperRow> {
  await editable(database, user, input.year);
  const texts: Record<string, string> = {};
  for (const s of SECTION_IDS) texts[s] = (input.texts[s] ?? '').replace(/\r\n?/g, '\n');
  return changePaper(
    database,
    actor,
    input.year,
    input.expectedVersion,
    (cur) => ({ content: { ...cur.content, [input.lang]: texts } }),
    (row, tx) =>
      recordAudit(tx, actor, {
        action: input.expectedVersion === 0 ? 'analysis.paper.created' : 'analysis.paper.saved',
        entityType: 'observation_paper',
        entityId: row.id,
        summary: { year: input.year, lang: input.lang, version: row.version, lengths: Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v.length])) },
      }),
  );
}

export interface AddExampleInput {
  year: number;
  reportId: string;
  indicatorId: string;
  /** Position of the evidence in the indicator's evidence list. */
  index: number;
  expectedVersion: number;
}

/** Adds a piece of narrative evidence of one of the year's reports as an example of good practice. */
export async function addPaperExample(database: Db, actor: Actor, user: Principal | undefined, input: AddExampleInput): Promise<PaperRow> {
  await editable(database, user, input.year);
  const report = await findReportFacts(database.db, input.reportId);
  if (!report || report.year !== input.year || report.currentVersionNo === 0) throw notFound();
  const analysis = await getReportAnalysis(database.db, report, 'en');
  const evidence = analysis?.items.find((i) => i.indicator.id === input.indicatorId)?.value?.evidence[input.index];
  if (!evidence || evidence.negated) throw notFound();
  const example: PaperExample = { reportId: report.id, formId: evidence.formId, path: evidence.path, quote: evidence.snippet };
  const same = (e: PaperExample) => e.reportId === example.reportId && e.path === example.path && e.quote === example.quote;
  return changePaper(
    database,
    actor,
    input.year,
    input.expectedVersion,
    (cur) => ({ examples: cur.examples.some(same) ? cur.examples : [...cur.examples, example] }),
    (row, tx) =>
      recordAudit(tx, actor, {
        action: 'analysis.paper.example_added',
        entityType: 'observation_paper',
        entityId: row.id,
        summary: { year: input.year, report: report.id, state: report.stateIso2, formId: example.formId, path: example.path, version: row.version },
      }),
  );
}

/** Removes the example at `index` (as the editor saw the list at `expectedVersion`). */
export async function removePaperExample(database: Db, actor: Actor, user: Principal | undefined, input: { year: number; index: number; expectedVersion: number }): Promise<PaperRow> {
  const current = await editable(database, user, input.year);
  const removed = current?.examples[input.index];
  if (!current || !removed) throw notFound();
  return changePaper(
    database,
    actor,
    input.year,
    input.expectedVersion,
    (cur) => ({ examples: cur.examples.filter((_, i) => i !== input.index) }),
    (row, tx) =>
      recordAudit(tx, actor, {
        action: 'analysis.paper.example_removed',
        entityType: 'observation_paper',
        entityId: row.id,
        summary: { year: input.year, report: removed.reportId, path: removed.path, version: row.version },
      }),
  );
}

/** Marks the paper final, or opens a final paper again as a draft. */
export async function setPaperStatus(database: Db, actor: Actor, user: Principal | undefined, input: { year: number; status: 'draft' | 'final'; expectedVersion: number }): Promise<PaperRow> {
  assertCan(canChangePaperStatus(user));
  return changePaper(
    database,
    actor,
    input.year,
    input.expectedVersion,
    () => ({ status: input.status }),
    (row, tx) =>
      recordAudit(tx, actor, {
        action: input.status === 'final' ? 'analysis.paper.finalised' : 'analysis.paper.reopened',
        entityType: 'observation_paper',
        entityId: row.id,
        summary: { year: input.year, version: row.version },
      }),
  );
}
