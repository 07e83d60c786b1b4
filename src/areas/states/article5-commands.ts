/** Recording Article 5 deadlines. Every change inserts a row, so the history is kept. */
import type { Database } from '../../platform/db/client.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { Article5Status, IsoDate } from './membership.ts';
import { insertArticle5Deadline, selectState, type Article5Row } from './states-repository.ts';

export interface Article5DeadlineInput {
  deadline: IsoDate;
  status: Article5Status;
  note?: string | undefined;
  toVerify: boolean;
}

/** Records a new current Article 5 deadline for a State (an extension granted or requested, completion, expiry). */
export async function recordArticle5Deadline(database: Database, actor: Actor, iso2: string, input: Article5DeadlineInput): Promise<Article5Row> {
  return withTransaction(database.db, async (tx) => {
    const state = await selectState(tx, iso2.toUpperCase());
    if (!state) throw new AppError('not_found', 'states.not_found');
    const row = await insertArticle5Deadline(tx, {
      stateIso2: state.iso2,
      deadline: input.deadline,
      status: input.status,
      note: input.note ?? null,
      toVerify: input.toVerify,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'states.article5_deadline.recorded',
      entityType: 'state',
      entityId: state.iso2,
      summary: { deadlineId: row.id, deadline: row.deadline, status: row.status, toVerify: row.toVerify },
    });
    return row;
  });
}
