/**
 * Reading a submitted report version for the analysis: the narratives the detector reads and the
 * structured Form J answers behind each indicator. Pure functions over the version's snapshot
 * (report_versions.snapshot) and the form definitions of its format version.
 */
import type { FieldDef, FormDef, FormValues, PeopleValue } from '../../../platform/forms/definition.ts';
import type { IndicatorEvidence, IndicatorValue } from '../schema.ts';

/** report_versions.snapshot as the reporting area writes it. */
export interface VersionSnapshot {
  forms: Record<string, { status: string; unchangedSinceYear?: number | null; values: FormValues } | undefined>;
}

export function asSnapshot(raw: unknown): VersionSnapshot {
  const forms = raw && typeof raw === 'object' && 'forms' in raw ? (raw as { forms: unknown }).forms : undefined;
  return { forms: forms && typeof forms === 'object' ? (forms as VersionSnapshot['forms']) : {} };
}

/** Values of a form that counts in this version (not "not applicable"). */
function formValues(snapshot: VersionSnapshot, formId: string): FormValues | undefined {
  const f = snapshot.forms[formId];
  if (!f || f.status === 'not_applicable' || !f.values || typeof f.values !== 'object') return undefined;
  return f.values;
}

/* ---------------------------------------------------------------- narratives */

export interface NarrativeText {
  formId: string;
  /** Field path within the form: `section.field` or `section.table.<row>.column`. */
  path: string;
  text: string;
}

/** Free-text columns long enough to hold a description (e.g. in-kind assistance) are read too. */
const DESCRIPTIVE_TEXT = 1000;

/** A field (or table column) whose answers are read as narrative text. */
export const isNarrative = (f: FieldDef) => f.type === 'narrative' || (f.type === 'text' && (f.maxLength ?? 0) >= DESCRIPTIVE_TEXT);

/** Every narrative (and descriptive text) answer of the version, in form and field order. */
export function narrativeTexts(snapshot: VersionSnapshot, forms: FormDef[]): NarrativeText[] {
  const out: NarrativeText[] = [];
  for (const def of forms) {
    const values = formValues(snapshot, def.id);
    if (!values) continue;
    for (const section of def.sections) {
      const sv = values[section.id];
      if (!sv || typeof sv !== 'object') continue;
      for (const field of section.fields) {
        const v = sv[field.id];
        if (field.type === 'table') {
          if (!Array.isArray(v)) continue;
          v.forEach((row, i) => {
            if (!row || typeof row !== 'object') return;
            for (const col of field.columns) {
              const cell = (row as Record<string, unknown>)[col.id];
              if (isNarrative(col) && typeof cell === 'string' && cell.trim()) out.push({ formId: def.id, path: `${section.id}.${field.id}.${i}.${col.id}`, text: cell });
            }
          });
        } else if (isNarrative(field) && typeof v === 'string' && v.trim()) {
          out.push({ formId: def.id, path: `${section.id}.${field.id}`, text: v });
        }
      }
    }
  }
  return out;
}

/* ---------------------------------------------------------------- structured answers */

export interface StructuredFinding {
  /** What the structured answers say (undefined: they say nothing). */
  value?: Exclude<IndicatorValue, 'unknown'>;
  evidence: IndicatorEvidence[];
}

const structured = (formId: string, path: string, snippet: string): IndicatorEvidence => ({ source: 'structured', formId, path, snippet });

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const yesNo = (v: unknown): 'yes' | 'no' | undefined => (v === true ? 'yes' : v === false ? 'no' : undefined);

function money(v: unknown): { amount: number; currency: string } | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const m = v as { amount?: unknown; currency?: unknown };
  return typeof m.amount === 'number' ? { amount: m.amount, currency: typeof m.currency === 'string' ? m.currency : '' } : undefined;
}

function rowsOf(values: FormValues | undefined, section: string, table: string): Record<string, unknown>[] {
  const v = values?.[section]?.[table];
  return Array.isArray(v) ? (v.filter((r) => r && typeof r === 'object') as Record<string, unknown>[]) : [];
}

/** A row of assistance received or provided, in a few language-neutral words: "EU — 650000 EUR (2023)". */
function assistanceSnippet(row: Record<string, unknown>, who: string): string {
  const m = money(row.amount);
  const year = typeof row.year === 'number' ? ` (${row.year})` : '';
  const inKind = str(row.inKind);
  return `${str(row[who]) || '—'}${m ? ` — ${m.amount} ${m.currency}`.trimEnd() : ''}${year}${!m && inKind ? ` — ${inKind.slice(0, 200)}` : ''}`;
}

const SEX_CELLS = ['female_child', 'female_adult', 'female_unknown', 'male_child', 'male_adult', 'male_unknown'] as const;
const AGE_CELLS = ['female_child', 'female_adult', 'male_child', 'male_adult', 'unknown_child', 'unknown_adult'] as const;
const DISABILITY_CELLS = ['disability_female', 'disability_male', 'disability_unknown'] as const;

/** Which breakdowns a people answer gives: by sex, by age, persons with disabilities. */
export function peopleBreakdown(v: unknown): { sex: boolean; age: boolean; disability: boolean } | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const p = v as PeopleValue & Record<string, unknown>;
  const given = (cells: readonly string[]) => cells.some((c) => typeof p[c] === 'number');
  const b = { sex: given(SEX_CELLS), age: given(AGE_CELLS), disability: given(DISABILITY_CELLS) };
  return b.sex || b.age || b.disability ? b : undefined;
}

/** Every people answer of the version (casualties, survivors, beneficiaries…), with its path. */
function peopleAnswers(snapshot: VersionSnapshot, forms: FormDef[]): { formId: string; path: string; value: unknown }[] {
  const out: { formId: string; path: string; value: unknown }[] = [];
  for (const def of forms) {
    const values = formValues(snapshot, def.id);
    if (!values) continue;
    for (const section of def.sections) {
      for (const field of section.fields) {
        if (field.type === 'people') {
          const v = values[section.id]?.[field.id];
          if (v) out.push({ formId: def.id, path: `${section.id}.${field.id}`, value: v });
        }
      }
    }
  }
  return out;
}

/**
 * What the structured answers (mostly Form J) say for each indicator. An indicator the forms do
 * not ask about directly (individualised approach, links to development) has no finding.
 */
export function structuredFindings(snapshot: VersionSnapshot, forms: FormDef[]): Record<string, StructuredFinding> {
  const out: Record<string, StructuredFinding> = {};
  const J = formValues(snapshot, 'J');
  const coop = J?.cooperation ?? {};
  const yesNoFinding = (path: string, v: unknown): StructuredFinding => {
    const value = yesNo(v);
    return value ? { value, evidence: [structured('J', path, value)] } : { evidence: [] };
  };

  out['ca.resource_plan'] = yesNoFinding('cooperation.resourcePlan', coop.resourcePlan);

  const needs = str(coop.needs);
  out['ca.needs'] = needs ? { value: 'yes', evidence: [structured('J', 'cooperation.needs', needs.slice(0, 300))] } : { evidence: [] };

  const national = money(J?.received?.nationalResources);
  out['ca.national_resources'] = national
    ? { value: national.amount > 0 ? 'yes' : 'no', evidence: [structured('J', 'received.nationalResources', `${national.amount} ${national.currency}`.trim())] }
    : { evidence: [] };

  for (const [id, section, who] of [
    ['ca.assistance_received', 'received', 'partner'],
    ['ca.assistance_provided', 'provided', 'recipient'],
  ] as const) {
    const rows = rowsOf(J, section, 'assistance');
    out[id] = J
      ? rows.length
        ? { value: 'yes', evidence: rows.slice(0, 30).map((r, i) => structured('J', `${section}.assistance.${i}`, assistanceSnippet(r, who))) }
        : { value: 'no', evidence: [structured('J', `${section}.assistance`, '0')] }
      : { evidence: [] };
  }

  const southSouth = [...rowsOf(J, 'received', 'assistance').map((r, i) => ({ r, path: `received.assistance.${i}`, who: 'partner' })), ...rowsOf(J, 'provided', 'assistance').map((r, i) => ({ r, path: `provided.assistance.${i}`, who: 'recipient' }))].filter(
    (x) => x.r.southSouth === true,
  );
  out['ca.south_south'] = southSouth.length ? { value: 'yes', evidence: southSouth.slice(0, 30).map((x) => structured('J', x.path, assistanceSnippet(x.r, x.who))) } : { evidence: [] };

  const platform = yesNoFinding('cooperation.nationalPlatform', coop.nationalPlatform);
  if (platform.value === 'yes' && str(coop.platformLastMet)) platform.evidence.push(structured('J', 'cooperation.platformLastMet', str(coop.platformLastMet)));
  out['ca.national_platform'] = platform;

  out['gd.integrated'] = yesNoFinding('gender.integrated', J?.gender?.integrated);

  const people = peopleAnswers(snapshot, forms)
    .map((a) => ({ ...a, breakdown: peopleBreakdown(a.value) }))
    .filter((a) => a.breakdown);
  out['gd.disaggregated'] = people.length
    ? {
        value: 'yes',
        evidence: people.map((a) =>
          structured(
            a.formId,
            a.path,
            (['sex', 'age', 'disability'] as const).filter((k) => a.breakdown![k]).join(' · '),
          ),
        ),
      }
    : { evidence: [] };
  return out;
}
