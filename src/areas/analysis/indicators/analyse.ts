/**
 * The analysis of one report version: for every indicator, the automatic value, where it comes
 * from, and the evidence — structured answers first, then the narrative hits (counted hits, then
 * those a negation cancelled). Pure: the caller loads the version, the definitions and the
 * detector's lists, and stores the result.
 *
 * The automatic value:
 *  - yes when a structured answer says yes or the narratives hold a counted hit (source
 *    `structured`, `narrative`, or `both` when both agree);
 *  - no when a structured answer says no and no narrative says otherwise (`structured`), or when
 *    nothing says yes and a narrative states the absence ("no national platform exists",
 *    `narrative`);
 *  - unknown when the report says nothing either way (`none`).
 * A narrative yes against a structured no gives yes, with both pieces of evidence, so the
 * reviewer sees the contradiction.
 */
import type { FormDef } from '../../../platform/forms/definition.ts';
import { detect, snippetAround, type CompiledLists } from '../detector/detector.ts';
import type { IndicatorEvidence, IndicatorValue } from '../schema.ts';
import { narrativeTexts, structuredFindings, type VersionSnapshot } from './snapshot.ts';

export type AutoSource = 'structured' | 'narrative' | 'both' | 'none';

export interface IndicatorResult {
  indicatorId: string;
  autoValue: IndicatorValue;
  autoSource: AutoSource;
  evidence: IndicatorEvidence[];
}

/** Evidence kept per indicator: enough to judge, small enough to store and show. */
export const MAX_HITS_PER_FIELD = 5;
export const MAX_NARRATIVE_EVIDENCE = 30;

export function decideAutoValue(structuredValue: 'yes' | 'no' | undefined, counted: number, cancelled: number): { autoValue: IndicatorValue; autoSource: AutoSource } {
  if (structuredValue === 'yes') return { autoValue: 'yes', autoSource: counted ? 'both' : 'structured' };
  if (counted) return { autoValue: 'yes', autoSource: 'narrative' };
  if (structuredValue === 'no') return { autoValue: 'no', autoSource: 'structured' };
  if (cancelled) return { autoValue: 'no', autoSource: 'narrative' };
  return { autoValue: 'unknown', autoSource: 'none' };
}

export function analyseSnapshot(snapshot: VersionSnapshot, forms: FormDef[], indicatorIds: string[], lists: CompiledLists): IndicatorResult[] {
  const findings = structuredFindings(snapshot, forms);
  const narrative = new Map<string, { counted: IndicatorEvidence[]; cancelled: IndicatorEvidence[] }>(indicatorIds.map((id) => [id, { counted: [], cancelled: [] }]));
  for (const n of narrativeTexts(snapshot, forms)) {
    const perField = new Map<string, number>();
    for (const hit of detect(n.text, lists, { indicatorIds })) {
      const seen = perField.get(hit.indicatorId) ?? 0;
      if (seen >= MAX_HITS_PER_FIELD) continue;
      perField.set(hit.indicatorId, seen + 1);
      const s = snippetAround(n.text, hit.start, hit.end);
      const ev: IndicatorEvidence = { source: 'narrative', formId: n.formId, path: n.path, snippet: s.snippet, start: s.start, end: s.end, term: hit.term, locale: hit.locale, negated: hit.negated };
      const bucket = narrative.get(hit.indicatorId)!;
      (hit.negated ? bucket.cancelled : bucket.counted).push(ev);
    }
  }
  return indicatorIds.map((id) => {
    const f = findings[id] ?? { evidence: [] };
    const { counted, cancelled } = narrative.get(id)!;
    const { autoValue, autoSource } = decideAutoValue(f.value, counted.length, cancelled.length);
    const evidence = [...f.evidence, ...[...counted, ...cancelled].slice(0, MAX_NARRATIVE_EVIDENCE)];
    return { indicatorId: id, autoValue, autoSource, evidence };
  });
}
