/**
 * Read models of the results pages, exports and the observations paper: a questionnaire with its
 * versions, responses (each with its counted answers), invitations and tags, and the figures the
 * pure rules of summaries.ts compute from them.
 */
import type { DbOrTx } from '../../../platform/db/client.ts';
import { listVersions, type QuestionnaireRow } from '../questionnaires-repository.ts';
import { stateNamesByIso2, localized, type LocalizedText } from '../../states/index.ts';
import * as repo from './results-repository.ts';
import {
  countedResponses,
  questionCatalogue,
  responseRates,
  textAnswers,
  type CatalogueEntry,
  type CountedResponse,
  type ResponseRate,
  type TextAnswer,
  type VersionInput,
} from './summaries.ts';
import type { TagRow } from './results-repository.ts';

export interface ResultsData {
  questionnaire: QuestionnaireRow;
  versions: (VersionInput & { frozenAt: Date | null })[];
  catalogue: CatalogueEntry[];
  /** Every response, whatever its status (exports, side by side). */
  all: CountedResponse[];
  /** The responses counted on the page: submitted, and in progress when asked. */
  counted: CountedResponse[];
  rates: ResponseRate[];
  includeInProgress: boolean;
  versionNo: Map<string, number>;
}

/** Everything the results of a questionnaire are computed from. Draft (unfrozen) versions are left out: nobody answers them. */
export async function loadResults(db: DbOrTx, questionnaire: QuestionnaireRow, opts: { includeInProgress?: boolean } = {}): Promise<ResultsData> {
  const [versionRows, responses, invitations] = await Promise.all([listVersions(db, questionnaire.id), repo.listResponses(db, questionnaire.id), repo.listInvitationFacts(db, questionnaire.id)]);
  const answered = new Set(responses.map((r) => r.versionId));
  const versions = versionRows.filter((v) => v.frozenAt || answered.has(v.id)).map((v) => ({ id: v.id, versionNo: v.versionNo, content: v.content, frozenAt: v.frozenAt }));
  const all = countedResponses(versions, responses, { includeInProgress: true });
  const includeInProgress = !!opts.includeInProgress;
  return {
    questionnaire,
    versions,
    catalogue: questionCatalogue(versions),
    all,
    counted: includeInProgress ? all : all.filter((r) => r.status === 'submitted'),
    rates: responseRates(invitations, responses),
    includeInProgress,
    versionNo: new Map(versions.map((v) => [v.id, v.versionNo])),
  };
}

export type StateNames = Map<string, LocalizedText>;

export async function stateNames(db: DbOrTx): Promise<StateNames> {
  return stateNamesByIso2(db);
}

export function stateLabel(names: StateNames, iso2: string | null, locale: string): string {
  if (!iso2) return '';
  const n = names.get(iso2);
  return n ? localized(n, locale) : iso2;
}

export interface TaggedAnswer extends TextAnswer {
  response: CountedResponse;
  tags: string[];
}

/** The free-text answers with their tags, and the count of each tag. */
export async function taggedAnswers(db: DbOrTx, data: ResultsData): Promise<{ answers: TaggedAnswer[]; tagCounts: { tag: string; count: number }[] }> {
  const tags: TagRow[] = await repo.listTags(db, data.questionnaire.id);
  const byAnswer = new Map<string, string[]>();
  for (const t of tags) {
    const k = `${t.responseId}|${t.path}`;
    byAnswer.set(k, [...(byAnswer.get(k) ?? []), t.tag]);
  }
  const responses = new Map(data.counted.map((r) => [r.id, r]));
  const answers = textAnswers(data.catalogue, data.counted).map((a) => ({ ...a, response: responses.get(a.responseId)!, tags: byAnswer.get(`${a.responseId}|${a.path}`) ?? [] }));
  const counts = new Map<string, number>();
  for (const a of answers) for (const t of a.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return { answers, tagCounts: [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)) };
}
