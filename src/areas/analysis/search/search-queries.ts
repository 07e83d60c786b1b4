/**
 * Read side of the narrative search: the page of results for a query and filters, each with its
 * State, year, form and field, and a snippet of the original text with the matches marked.
 */
import type { DbOrTx } from '../../../platform/db/client.ts';
import { localized } from '../../states/index.ts';
import * as repo from './search-repository.ts';
import { matchesFromHeadline, prepare, snippetParts, type SnippetPart } from './text.ts';

export const PAGE_SIZE = 20;

export interface SearchParams {
  /** The prepared query (checkQuery). */
  query: string;
  year?: number | undefined;
  stateIso2?: string | undefined;
  formId?: string | undefined;
  actionId?: string | undefined;
  page: number;
  scope: 'all' | 'public';
}

export interface SearchResult {
  id: number;
  reportId: string;
  versionNo: number;
  kind: 'initial' | 'annual';
  stateIso2: string;
  stateName: string;
  year: number;
  formId: string;
  path: string;
  lang: string;
  parts: SnippetPart[];
}

export interface SearchPage {
  results: SearchResult[];
  total: number;
  page: number;
  pages: number;
}

export async function searchNarratives(db: DbOrTx, p: SearchParams, stateNames: Map<string, string>): Promise<SearchPage> {
  const { rows, total } = await repo.searchDocumentsPage(db, {
    query: p.query,
    year: p.year,
    stateIso2: p.stateIso2,
    formId: p.formId,
    actionId: p.actionId,
    publicOnly: p.scope === 'public',
    limit: PAGE_SIZE,
    offset: (p.page - 1) * PAGE_SIZE,
  });
  const results = rows.map((r) => {
    const matches = matchesFromHeadline(r.marked, prepare(r.body)) ?? [];
    return {
      id: r.id,
      reportId: r.reportId,
      versionNo: r.versionNo,
      kind: r.kind,
      stateIso2: r.stateIso2,
      stateName: stateNames.get(r.stateIso2) ?? r.stateIso2,
      year: r.year,
      formId: r.formId,
      path: r.path,
      lang: r.lang,
      parts: snippetParts(r.body, matches),
    };
  });
  return { results, total, page: p.page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

const collators = new Map<string, Intl.Collator>();
/** One collator per language (localeCompare with a locale builds a new one on every call). */
function collatorFor(locale: string): Intl.Collator {
  let c = collators.get(locale);
  if (!c) collators.set(locale, (c = new Intl.Collator(locale)));
  return c;
}

export interface SearchFacets {
  years: number[];
  states: { iso2: string; name: string }[];
  names: Map<string, string>;
}

/** What the filters offer: years and States with submitted reports, with the States' names. */
export async function searchFacets(db: DbOrTx, locale: string, scope: 'all' | 'public' = 'all'): Promise<SearchFacets> {
  const [years, states] = await Promise.all([repo.listIndexedYears(db, scope === 'public'), repo.listIndexedStates(db, scope === 'public')]);
  const names = new Map(states.map((s) => [s.iso2, localized(s.names, locale)]));
  const collator = collatorFor(locale);
  const list = states.map((s) => ({ iso2: s.iso2, name: names.get(s.iso2)! })).sort((a, b) => collator.compare(a.name, b.name));
  return { years, states: list, names };
}
