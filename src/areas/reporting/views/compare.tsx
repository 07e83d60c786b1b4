import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Breadcrumbs, TableWrap } from '../../../platform/views/components.tsx';
import { textOf, type FormDef } from '../../../platform/forms/definition.ts';
import type { ValueChange } from '../../../platform/forms/diff.ts';
import { ScalarValue, type References } from '../../../platform/forms/render.tsx';

export interface FormChanges {
  def: FormDef;
  statusBefore: string | undefined;
  statusAfter: string | undefined;
  changes: ValueChange[];
}

export function ComparePage({ title, beforeLabel, afterLabel, forms, references, backHref, backLabel }: { title: string; beforeLabel: string; afterLabel: string; forms: FormChanges[]; references: References; backHref: string; backLabel: string }) {
  const { t, locale } = usePage();
  const text = (x: Parameters<typeof textOf>[0]) => textOf(x, locale, t);
  const changed = forms.filter((f) => f.changes.length || f.statusBefore !== f.statusAfter);
  const rowText = (v: unknown, def: FormDef, c: ValueChange) => {
    const field = def.sections.find((s) => s.id === c.sectionId)?.fields.find((f) => f.id === c.fieldId);
    if (!field || field.type !== 'table' || !v || typeof v !== 'object') return null;
    return (
      <ul class="compact-list">
        {field.columns.map((col) => {
          const cell = (v as Record<string, unknown>)[col.id];
          return cell === null || cell === undefined || cell === '' ? null : (
            <li key={col.id}>
              {text(col.label)}: <ScalarValue field={col} value={cell} references={references} />
            </li>
          );
        })}
      </ul>
    );
  };
  return (
    <Layout title={title} wide before={<Breadcrumbs items={[{ href: backHref, label: backLabel }, { label: title }]} />}>
      <h1>{title}</h1>
      <p class="lead">
        {beforeLabel} → {afterLabel}
      </p>
      {changed.length === 0 ? <p>{t('reporting.compare.none')}</p> : null}
      {changed.map((f) => (
        <section key={f.def.id} class="report-form">
          <h2>{text(f.def.title)}</h2>
          {f.statusBefore !== f.statusAfter ? (
            <p>
              {t('reporting.compare.status')}: {f.statusBefore ?? '—'} → {f.statusAfter ?? '—'}
            </p>
          ) : null}
          {f.changes.length ? (
            <TableWrap label={text(f.def.title)}>
              <table class="table">
                <caption class="visually-hidden">{text(f.def.title)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('reporting.compare.question')}</th>
                    <th scope="col">{beforeLabel}</th>
                    <th scope="col">{afterLabel}</th>
                  </tr>
                </thead>
                <tbody>
                  {f.changes.map((c, i) => {
                    const section = f.def.sections.find((s) => s.id === c.sectionId)!;
                    const field = section.fields.find((x) => x.id === c.fieldId)!;
                    const where = c.column ? `${text(field.label)}, ${t('reporting.compare.row', { number: (c.row ?? 0) + 1 })}: ${text(c.column.label)}` : text(field.label);
                    return (
                      <tr key={i}>
                        <th scope="row">
                          {c.kind === 'row_added' ? t('reporting.compare.row_added', { table: text(field.label) }) : c.kind === 'row_removed' ? t('reporting.compare.row_removed', { table: text(field.label) }) : where}
                        </th>
                        <td class="diff-before">{c.kind === 'changed' && c.field ? <ScalarValue field={c.field} value={c.before} references={references} /> : rowText(c.before, f.def, c)}</td>
                        <td class="diff-after">{c.kind === 'changed' && c.field ? <ScalarValue field={c.field} value={c.after} references={references} /> : rowText(c.after, f.def, c)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
        </section>
      ))}
    </Layout>
  );
}
