/**
 * Authoring helpers for the Article 7 definitions: labels, titles and option texts are message keys
 * derived from ids (`reporting.f.<form>.<section>.<field>`), so every text lives in the six
 * reporting catalogues and a missing translation fails the catalogue test.
 */
import type { FieldDef, FormDef, Option, RuleDef, ScalarFieldDef, SectionDef, TableFieldDef } from '../../../platform/forms/definition.ts';

type Unlabelled<T> = T extends unknown ? Omit<T, 'label' | 'hint'> & { hint?: boolean } : never;
export type ScalarSpec = Unlabelled<ScalarFieldDef>;
export type TableSpec = Omit<TableFieldDef, 'label' | 'hint' | 'columns' | 'addLabel'> & { hint?: boolean; columns: ScalarSpec[] };
export type FieldSpec = ScalarSpec | TableSpec;

export interface SectionSpec {
  id: string;
  intro?: boolean;
  fields: FieldSpec[];
}

function label<T extends { id: string; hint?: boolean }>(spec: T, prefix: string): Omit<T, 'hint'> & { label: string; hint?: string } {
  const { hint, ...rest } = spec;
  return { ...rest, label: `${prefix}.${spec.id}`, ...(hint ? { hint: `${prefix}.${spec.id}_hint` } : {}) };
}

export function form(id: string, sections: SectionSpec[], rules: RuleDef[] = [], opts: { intro?: boolean } = {}): FormDef {
  const base = `reporting.f.${id}`;
  const out: SectionDef[] = sections.map((s) => {
    const prefix = `${base}.${s.id}`;
    const fields: FieldDef[] = s.fields.map((f) => {
      if (f.type === 'table') {
        const t = label(f, prefix) as unknown as TableFieldDef;
        t.columns = f.columns.map((c) => label(c, `${prefix}.${f.id}`) as unknown as ScalarFieldDef);
        t.addLabel = `${prefix}.${f.id}_add`;
        return t;
      }
      return label(f, prefix) as unknown as ScalarFieldDef;
    });
    return { id: s.id, title: `${prefix}.title`, ...(s.intro ? { intro: `${prefix}.intro` } : {}), fields };
  });
  return { id, title: `${base}.title`, ...(opts.intro ? { intro: `${base}.intro` } : {}), sections: out, rules };
}

/** Options whose labels are `reporting.opt.<set>.<value>`. */
export function options(set: string, values: string[]): Option[] {
  return values.map((value) => ({ value, label: `reporting.opt.${set}.${value}` }));
}
