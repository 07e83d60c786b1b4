/**
 * Where a questionnaire stands, for lists and overviews: a draft until circulated, then scheduled
 * (before its opening date), open, or closed (closed by hand or past its closing date).
 */
import { isOpen, type QuestionnaireFacts } from '../policy.ts';

export const QUESTIONNAIRE_STATUSES = ['draft', 'scheduled', 'open', 'closed'] as const;
export type QuestionnaireStatus = (typeof QUESTIONNAIRE_STATUSES)[number];

export function questionnaireStatus(q: QuestionnaireFacts, now: Date = new Date()): QuestionnaireStatus {
  if (!q.circulatedAt) return 'draft';
  if (isOpen(q, now)) return 'open';
  if (q.closedAt || (q.closesAt && now >= q.closesAt)) return 'closed';
  return 'scheduled';
}

export const STATUS_TONE: Record<QuestionnaireStatus, 'grey' | 'blue' | 'green' | 'red' | 'yellow' | 'purple'> = {
  draft: 'grey',
  scheduled: 'blue',
  open: 'green',
  closed: 'purple',
};
