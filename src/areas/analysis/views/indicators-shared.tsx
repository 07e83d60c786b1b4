/** Pieces shared by the indicator pages: value tags, titles, field labels and evidence. */
import type { ComponentChildren } from 'preact';
import { usePage } from '../../../platform/views/context.ts';
import { Tag } from '../../../platform/views/components.tsx';
import { textOf, type FieldDef, type FormDef, type PeopleValue } from '../../../platform/forms/definition.ts';
import { peopleTotals } from '../../../platform/forms/values.ts';
import { LANGUAGE_NAMES, isLocale } from '../../../platform/i18n/locales.ts';
import { localized, type LocalizedText } from '../../states/index.ts';
import type { IndicatorEvidence, IndicatorValue } from '../schema.ts';
import type { VersionSnapshot } from '../indicators/snapshot.ts';

const TONE: Record<IndicatorValue, 'green' | 'red' | 'grey'> = { yes: 'green', no: 'red', unknown: 'grey' };

export function ValueTag({ value }: { value: IndicatorValue }) {
  const { t } = usePage();
  return <Tag tone={TONE[value]}>{t(`analysis.value.${value}`)}</Tag>;
}

export function useLocalized() {
  const { locale } = usePage();
  return (text: LocalizedText | null | undefined) => (text ? localized(text, locale) : '');
}

export function LanguageName({ code }: { code: string }) {
  return isLocale(code) ? <span lang={code}>{LANGUAGE_NAMES[code]}</span> : <code dir="ltr">{code}</code>;
}

/** The anchor of an indicator's section on the report page. */
export const indicatorAnchor = (id: string) => `indicator-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** Locates a field of a form definition from an evidence path (`section.field[.row.column]`). */
function locate(forms: FormDef[], formId: string, path: string) {
  const def = forms.find((f) => f.id === formId);
  const [sectionId, fieldId, row, columnId] = path.split('.');
  const section = def?.sections.find((s) => s.id === sectionId);
  const field = section?.fields.find((f) => f.id === fieldId);
  const column = field?.type === 'table' && columnId ? field.columns.find((c) => c.id === columnId) : undefined;
  return { def, section, field, column, row: row !== undefined && /^\d+$/.test(row) ? Number(row) : undefined };
}

/** "Form J › Cooperation › National platform", "Form J › Assistance received › row 3". */
export function FieldLabel({ forms, formId, path }: { forms: FormDef[]; formId: string; path: string }) {
  const { t, locale } = usePage();
  const tr = (k: string) => t(k);
  const { def, section, field, column, row } = locate(forms, formId, path);
  if (!def) return <code dir="ltr">{`${formId} ${path}`}</code>;
  const parts: string[] = [textOf(def.title, locale, tr)];
  if (section) parts.push(textOf(section.title, locale, tr));
  if (field) parts.push(textOf(field.label, locale, tr));
  if (row !== undefined) parts.push(t('analysis.evidence.row', { n: row + 1 }));
  if (column) parts.push(textOf(column.label, locale, tr));
  return <>{parts.join(' › ')}</>;
}

/** A narrative snippet with the hit marked. */
export function Snippet({ e, lang }: { e: IndicatorEvidence; lang?: string | undefined }) {
  const start = Math.max(0, Math.min(e.start ?? 0, e.snippet.length));
  const end = Math.max(start, Math.min(e.end ?? start, e.snippet.length));
  return (
    <p class="narrative" dir="auto" lang={lang}>
      {e.snippet.slice(0, start)}
      <mark>{e.snippet.slice(start, end)}</mark>
      {e.snippet.slice(end)}
    </p>
  );
}

function valueAt(snapshot: VersionSnapshot, formId: string, path: string): unknown {
  const [sectionId, fieldId, row, columnId] = path.split('.');
  const v = snapshot.forms[formId]?.values?.[sectionId ?? '']?.[fieldId ?? ''];
  if (row === undefined) return v;
  const r = Array.isArray(v) ? (v[Number(row)] as Record<string, unknown> | undefined) : undefined;
  return columnId ? r?.[columnId] : r;
}

function Money({ value }: { value: unknown }) {
  const { tr } = usePage();
  const m = value && typeof value === 'object' ? (value as { amount?: unknown; currency?: unknown }) : undefined;
  if (!m || typeof m.amount !== 'number') return <>—</>;
  return (
    <bdi>
      {tr.formatNumber(m.amount)} {typeof m.currency === 'string' ? m.currency : ''}
    </bdi>
  );
}

/** A scalar answer as the report page would show it. */
function Answer({ field, value }: { field: FieldDef; value: unknown }) {
  const { t, tr, locale } = usePage();
  if (value === null || value === undefined || value === '') return <span class="muted">—</span>;
  switch (field.type) {
    case 'yesno':
      return <>{value === true ? t('common.yes') : value === false ? t('common.no') : '—'}</>;
    case 'money':
      return <Money value={value} />;
    case 'integer':
    case 'decimal':
      return <>{typeof value === 'number' ? tr.formatNumber(value) : String(value)}</>;
    case 'choice': {
      const o = field.options.find((x) => x.value === value);
      return <>{o ? textOf(o.label, locale, (k) => t(k)) : String(value)}</>;
    }
    case 'date':
      return <>{typeof value === 'string' ? tr.formatDate(value, 'long') : String(value)}</>;
    default:
      return <bdi>{String(value)}</bdi>;
  }
}

/** A structured answer behind an indicator, read back from the version analysed. */
export function StructuredAnswer({ e, forms, snapshot }: { e: IndicatorEvidence; forms: FormDef[]; snapshot: VersionSnapshot }) {
  const { t, locale } = usePage();
  const { field, row } = locate(forms, e.formId, e.path);
  const value = valueAt(snapshot, e.formId, e.path);
  let shown: ComponentChildren;
  if (field?.type === 'table' && row !== undefined && value && typeof value === 'object') {
    const r = value as Record<string, unknown>;
    shown = (
      <ul class="compact-list">
        {field.columns
          .filter((c) => r[c.id] !== null && r[c.id] !== undefined && r[c.id] !== '')
          .map((c) => (
            <li key={c.id}>
              {textOf(c.label, locale, (k) => t(k))}: <Answer field={c} value={r[c.id]} />
            </li>
          ))}
      </ul>
    );
  } else if (field?.type === 'table') {
    shown = t('analysis.evidence.no_rows');
  } else if (field?.type === 'people') {
    const totals = peopleTotals(value as PeopleValue);
    const parts = e.snippet.split(' · ');
    shown = (
      <>
        {t('analysis.evidence.people', { total: totals.total, female: totals.bySex.female, male: totals.bySex.male, children: totals.byAge.child, adults: totals.byAge.adult, disability: totals.disability })}{' '}
        <span class="muted">({parts.map((p) => t(`analysis.evidence.breakdown.${p === 'sex' || p === 'age' ? p : 'disability'}`)).join(', ')})</span>
      </>
    );
  } else if (field && field.type !== 'narrative') {
    shown = <Answer field={field} value={value} />;
  } else if (typeof value === 'string') {
    shown = (
      <span dir="auto" class="narrative">
        {value.length > 400 ? `${value.slice(0, 400)}…` : value}
      </span>
    );
  } else {
    shown = <bdi>{e.snippet}</bdi>;
  }
  return (
    <>
      <strong>
        <FieldLabel forms={forms} formId={e.formId} path={e.path} />
      </strong>
      {': '}
      {shown}
    </>
  );
}
