/**
 * Field-level differences between two sets of values of the same form definition: scalar answers,
 * and table rows matched by their stable `_id` (added, removed or changed cells).
 */
import type { FormDef, FormValues, ScalarFieldDef } from './definition.ts';

export interface ValueChange {
  kind: 'changed' | 'row_added' | 'row_removed';
  sectionId: string;
  fieldId: string;
  /** For table cells: the column and the row's position in the newer values (or older, if removed). */
  column?: ScalarFieldDef;
  row?: number;
  field: ScalarFieldDef | undefined;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

export function diffValues(def: FormDef, before: FormValues, after: FormValues): ValueChange[] {
  const out: ValueChange[] = [];
  for (const s of def.sections) {
    for (const f of s.fields) {
      const a = before[s.id]?.[f.id];
      const b = after[s.id]?.[f.id];
      if (f.type !== 'table') {
        if (!same(a, b) && !(empty(a) && empty(b))) out.push({ kind: 'changed', sectionId: s.id, fieldId: f.id, field: f, before: a, after: b });
        continue;
      }
      const rowsA = (Array.isArray(a) ? a : []) as Record<string, unknown>[];
      const rowsB = (Array.isArray(b) ? b : []) as Record<string, unknown>[];
      const idsA = new Map(rowsA.map((r, i) => [String(r._id ?? `#${i}`), { r, i }]));
      const idsB = new Set(rowsB.map((r, i) => String(r._id ?? `#${i}`)));
      rowsB.forEach((rb, i) => {
        const id = String(rb._id ?? `#${i}`);
        const match = idsA.get(id);
        if (!match) {
          out.push({ kind: 'row_added', sectionId: s.id, fieldId: f.id, row: i, field: undefined, before: null, after: rb });
          return;
        }
        for (const c of f.columns) {
          if (!same(match.r[c.id], rb[c.id]) && !(empty(match.r[c.id]) && empty(rb[c.id]))) out.push({ kind: 'changed', sectionId: s.id, fieldId: f.id, column: c, row: i, field: c, before: match.r[c.id], after: rb[c.id] });
        }
      });
      rowsA.forEach((ra, i) => {
        if (!idsB.has(String(ra._id ?? `#${i}`))) out.push({ kind: 'row_removed', sectionId: s.id, fieldId: f.id, row: i, field: undefined, before: ra, after: null });
      });
    }
  }
  return out;
}
