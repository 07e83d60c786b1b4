/**
 * Analysts' tags on free-text answers ("funding gap", "South–South"): added and removed one at a
 * time, each in a transaction with its audit event. Only answers the results show can be tagged:
 * text answers (short and long texts, text cells of tables) not hidden by a condition.
 */
import type { Database } from '../../../platform/db/client.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/errors.ts';
import { userText } from '../../../platform/http/forms.ts';
import { listVersions, type QuestionnaireRow } from '../questionnaires-repository.ts';
import * as repo from './results-repository.ts';
import { countedResponses, questionCatalogue, textAnswers } from './summaries.ts';

export const TAG_MAX = 60;

/** A tag as it is kept: one line, cleaned (no control or direction characters), spaces collapsed, trimmed. */
export function cleanTag(input: string): string {
  return userText(input).replace(/\s+/g, ' ').trim();
}

export interface TagInput {
  responseId: string;
  path: string;
  tag: string;
}

/** The response and answer a tag is for; 404 when the response is not this questionnaire's or the path is not one of its text answers. */
async function answerOf(database: Database, questionnaire: QuestionnaireRow, input: TagInput) {
  const db = database.db;
  const response = await repo.findResponse(db, questionnaire.id, input.responseId);
  if (!response) throw notFound('questionnaires.results.answer_unknown');
  // Paths are matched like the free-text page lists them: questions of every version by code, hidden answers left out.
  const vs = (await listVersions(db, questionnaire.id)).map((v) => ({ id: v.id, versionNo: v.versionNo, content: v.content }));
  const [counted] = countedResponses(vs, [response], { includeInProgress: true });
  const answer = textAnswers(questionCatalogue(vs), [counted!]).find((a) => a.path === input.path);
  if (!answer) throw notFound('questionnaires.results.answer_unknown');
  return { response, answer };
}

export async function tagAnswer(database: Database, actor: Actor, questionnaire: QuestionnaireRow, input: TagInput): Promise<{ added: boolean; tag: string }> {
  const { response } = await answerOf(database, questionnaire, input);
  return withTransaction(database.db, async (tx) => {
    // The same tag written with other capitals is the same tag: keep the one already there.
    const existing = await repo.findTagLike(tx, input);
    if (existing) return { added: false, tag: existing.tag };
    const added = await repo.insertTag(tx, { responseId: response.id, path: input.path, tag: input.tag, createdBy: actor.userId });
    if (added)
      await recordAudit(tx, actor, {
        action: 'questionnaires.answer_tag.added',
        entityType: 'questionnaire_response',
        entityId: response.id,
        summary: { questionnaireId: questionnaire.id, path: input.path, tag: input.tag },
      });
    return { added, tag: input.tag };
  });
}

export async function untagAnswer(database: Database, actor: Actor, questionnaire: QuestionnaireRow, input: TagInput): Promise<{ removed: boolean }> {
  const response = await repo.findResponse(database.db, questionnaire.id, input.responseId);
  if (!response) throw notFound('questionnaires.results.answer_unknown');
  return withTransaction(database.db, async (tx) => {
    const removed = await repo.deleteTag(tx, { responseId: response.id, path: input.path, tag: input.tag });
    if (removed)
      await recordAudit(tx, actor, {
        action: 'questionnaires.answer_tag.removed',
        entityType: 'questionnaire_response',
        entityId: response.id,
        summary: { questionnaireId: questionnaire.id, path: input.path, tag: input.tag },
      });
    return { removed };
  });
}
