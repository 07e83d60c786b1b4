/** The history of a response after its first submission: each submission and each later change, field by field. */
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { DateTimeText, TableWrap } from '../../../../platform/views/components.tsx';
import { textOf, type FormDef } from '../../../../platform/forms/definition.ts';
import { ScalarValue, type References } from '../../../../platform/forms/render.tsx';
import type { ValueChange } from '../../../../platform/forms/diff.ts';
import { Content, RespondentCrumbs } from './shared.tsx';

export interface HistoryEntry {
  kind: 'submitted' | 'changed';
  at: Date;
  by: string;
  changes: ValueChange[];
  first: boolean;
}

export function HistoryPage({ base, title, def, entries, references }: { base: string; title: { text: string; lang: string }; def: FormDef; entries: HistoryEntry[]; references: References }) {
  const { t, locale } = usePage();
  const heading = t('questionnaires.answering.history.title');
  const question = (c: ValueChange) => {
    const s = def.sections.find((x) => x.id === c.sectionId);
    const f = s?.fields.find((x) => x.id === c.fieldId);
    const q = f ? textOf(f.label, locale, t) : c.fieldId;
    if (c.column) return t('questionnaires.answering.history.cell', { question: q, row: (c.row ?? 0) + 1, column: textOf(c.column.label, locale, t) });
    if (c.kind === 'row_added') return t('questionnaires.answering.history.row_added', { question: q, row: (c.row ?? 0) + 1 });
    if (c.kind === 'row_removed') return t('questionnaires.answering.history.row_removed', { question: q, row: (c.row ?? 0) + 1 });
    return q;
  };
  const value = (c: ValueChange, v: unknown) => (c.field ? <ScalarValue field={c.field} value={v} references={references} /> : <span class="muted">—</span>);
  return (
    <Layout title={`${heading} · ${title.text}`} before={<RespondentCrumbs base={base} title={title} here={heading} />} wide>
      <span class="caption">
        <Content value={title} />
      </span>
      <h1>{heading}</h1>
      {entries.length === 0 ? <p>{t('questionnaires.answering.history.empty')}</p> : null}
      <ol class="history">
        {[...entries].reverse().map((e, i) => (
          <li key={i}>
            <h2>
              {t(`questionnaires.answering.history.${e.kind}`)} · <DateTimeText value={e.at} />
            </h2>
            <p>
              {t('questionnaires.answering.history.by')} <bdi>{e.by}</bdi>
            </p>
            {e.first ? null : e.changes.length === 0 ? (
              <p class="muted">{t('questionnaires.answering.history.no_changes')}</p>
            ) : (
              <TableWrap label={t('questionnaires.answering.history.changes')}>
                <table class="table">
                  <caption class="visually-hidden">{t('questionnaires.answering.history.changes')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('questionnaires.answering.history.question')}</th>
                      <th scope="col">{t('questionnaires.answering.history.before')}</th>
                      <th scope="col">{t('questionnaires.answering.history.after')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {e.changes.map((c, j) => (
                      <tr key={j}>
                        <th scope="row">{question(c)}</th>
                        <td class="diff-before">{c.kind === 'changed' ? value(c, c.before) : null}</td>
                        <td class="diff-after">{c.kind === 'changed' ? value(c, c.after) : null}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </li>
        ))}
      </ol>
      <p>
        <a href={base}>{t('questionnaires.answering.receipt.back')}</a>
      </p>
    </Layout>
  );
}
