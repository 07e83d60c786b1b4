/**
 * Validation from the definition: required answers, people counts that add up, dates within the
 * period, then the form's own cross-field and cross-year rules. Each issue is an error (blocks
 * submission) or a warning (submission needs an explanation).
 */
import type { FieldDef, FormDef, FormValues, Issue, PeopleValue, RuleContext, ScalarFieldDef } from './definition.ts';
import { peopleTotals } from './values.ts';

export function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.values(v as Record<string, unknown>).every((x) => x === null || x === undefined || x === '');
  return false;
}

/** Whether a field is shown, given the other values of its section or row. */
export function isVisible(field: { showIf?: { field: string; in: (string | boolean)[] } }, siblings: Record<string, unknown>): boolean {
  if (!field.showIf) return true;
  const v = siblings[field.showIf.field];
  if (Array.isArray(v)) return v.some((x) => field.showIf!.in.includes(x as string));
  return field.showIf.in.includes(v as string | boolean);
}

function checkScalar(f: ScalarFieldDef, v: unknown, path: string, ctx: RuleContext, issues: Issue[]) {
  if (f.type === 'people' && v) {
    const t = peopleTotals(v as PeopleValue);
    const p = v as PeopleValue;
    for (const sex of ['female', 'male', 'unknown'] as const) {
      const d = p[`disability_${sex}`] ?? 0;
      if (d > t.bySex[sex]) issues.push({ path: `${path}.disability_${sex}`, severity: 'error', message: 'forms.errors.disability_exceeds', values: { total: t.bySex[sex] } });
    }
  }
  if (f.type === 'date' && f.withinPeriod && typeof v === 'string' && ctx.period && (v < ctx.period.start || v > ctx.period.end)) {
    issues.push({ path, severity: 'warning', message: 'forms.warnings.date_outside_period', values: { start: ctx.period.start, end: ctx.period.end } });
  }
  if (f.type === 'money' && v && typeof v === 'object') {
    const m = v as { amount: number | null; currency: string | null };
    if (m.amount !== null && !m.currency) issues.push({ path: `${path}.currency`, severity: 'error', message: 'forms.errors.currency_required' });
  }
}

/** Required answers and field-level consistency, for one form's values. */
export function validateFields(def: FormDef, values: FormValues, ctx: RuleContext): Issue[] {
  const issues: Issue[] = [];
  for (const section of def.sections) {
    const sv = values[section.id] ?? {};
    for (const field of section.fields) {
      if (!isVisible(field, sv)) continue;
      const path = `${section.id}.${field.id}`;
      const v = sv[field.id];
      if (field.required && isEmpty(v)) issues.push({ path, severity: 'error', message: field.type === 'table' ? 'forms.errors.rows_required' : 'forms.errors.required' });
      if (field.type === 'table') {
        const rows = Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
        rows.forEach((row, i) => {
          for (const col of field.columns) {
            if (!isVisible(col, row)) continue;
            const cpath = `${path}.${i}.${col.id}`;
            if (col.required && isEmpty(row[col.id])) issues.push({ path: cpath, severity: 'error', message: 'forms.errors.required' });
            checkScalar(col, row[col.id], cpath, ctx, issues);
          }
        });
      } else {
        checkScalar(field, v, path, ctx, issues);
      }
    }
  }
  return issues;
}

export function validateForm(def: FormDef, values: FormValues, ctx: RuleContext): Issue[] {
  const issues = validateFields(def, values, ctx);
  for (const rule of def.rules ?? []) {
    for (const found of rule.check(values, ctx)) issues.push({ ...found, severity: rule.severity });
  }
  return issues;
}

/** Sum of a numeric column of a table (ignoring empty cells). */
export function sumColumn(values: FormValues, section: string, table: string, column: string): number {
  const rows = values[section]?.[table];
  if (!Array.isArray(rows)) return 0;
  return rows.reduce((acc: number, r) => acc + (typeof (r as Record<string, unknown>)[column] === 'number' ? ((r as Record<string, number>)[column] ?? 0) : 0), 0);
}

export function fieldsOf(def: FormDef): { sectionId: string; field: FieldDef }[] {
  return def.sections.flatMap((s) => s.fields.map((field) => ({ sectionId: s.id, field })));
}
