/**
 * The PDF of one submitted version, laid out form by form like the official templates: a cover page
 * (State, period, version, submission), then each form with its sections, tables with header rows
 * and totals, people tables with totals, its status (not applicable, unchanged since YYYY) and the
 * explanations given for warnings. Labels are in the interface language; content is as submitted.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AGES, SEXES, textOf, type FieldDef, type FormDef, type MoneyValue, type PeopleValue, type ScalarFieldDef, type Text } from '../../../platform/forms/definition.ts';
import { isVisible } from '../../../platform/forms/validate.ts';
import { peopleTotals } from '../../../platform/forms/values.ts';
import { PDF_FONTS, renderPdf } from '../../../platform/exports/typst.ts';
import { getFormat } from '../formats.ts';
import { formStatusText, reportTitle } from '../views/shared.tsx';
import type { ReportDocument } from './document.ts';
import { textDirection, type ExportContext } from './context.ts';
import { pathLabel } from './paths.ts';

const TEMPLATE = readFileSync(fileURLToPath(new URL('./report.typ', import.meta.url)), 'utf8');

interface Cell {
  t: string;
  /** Further lines of the same cell. */
  l?: string[];
  d?: 'rtl' | 'ltr';
  m?: boolean;
  b?: boolean;
}
interface Column {
  t: string;
  n?: boolean;
}
type Block =
  | { k: 'section' | 'sub' | 'note' | 'empty'; t: string }
  | { k: 'fields'; items: { label: string; v: Cell }[] }
  | { k: 'narrative'; label: string; paras: string[][]; d?: 'rtl' | 'ltr' }
  | { k: 'table'; cols: Column[]; widths: number[]; rows: Cell[][]; total?: Cell[] }
  | { k: 'people'; label: string; cols: Column[]; widths: number[]; rows: Cell[][]; total: Cell[] }
  | { k: 'explanations'; title: string; items: { label: string; v: Cell }[] };

export interface PdfData {
  dir: 'rtl' | 'ltr';
  lang: string;
  region?: string;
  fonts: string[];
  title: string;
  footer: string;
  cover: { kicker: string; rows: { label: string; v: Cell }[]; contents_title: string; note: string };
  forms: { id: string; title: string; status_text: string; tag?: string; wide: boolean; blocks: Block[] }[];
}

const user = (t: string): Cell => {
  const d = textDirection(t);
  return d ? { t, d } : { t };
};

function lines(text: string): string[] {
  return text.split('\n');
}

function userCell(text: string): Cell {
  const [first = '', ...rest] = lines(text);
  const d = textDirection(text);
  return { t: first, ...(rest.length ? { l: rest } : {}), ...(d ? { d } : {}) };
}

/** Years and other four-digit codes are shown without grouping (2023, not 2,023). */
const isYearLike = (f: ScalarFieldDef) => f.type === 'integer' && (f.min ?? 0) >= 1000 && (f.max ?? Infinity) <= 9999;

function formatScalar(field: ScalarFieldDef, v: unknown, ctx: ExportContext, inTable = false): Cell | undefined {
  const { t, tr } = ctx;
  const text = (x: Text | undefined) => textOf(x, ctx.locale, t);
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return undefined;
  switch (field.type) {
    case 'text':
    case 'narrative':
      return userCell(String(v));
    case 'integer':
    case 'decimal':
      if (typeof v !== 'number') return userCell(String(v));
      if (isYearLike(field)) return { t: String(v) };
      return { t: `${tr.formatNumber(v)}${field.unit && !inTable ? ` ${text(field.unit)}` : ''}` };
    case 'date':
      return { t: typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? tr.formatDate(v, 'medium') : String(v) };
    case 'choice':
      return { t: text(field.options.find((o) => o.value === v)?.label) || String(v) };
    case 'reference':
      return user(ctx.mineTypes.get(String(v)) ?? String(v));
    case 'multichoice':
      return { t: (v as string[]).map((x) => text(field.options.find((o) => o.value === x)?.label) || x).join('; ') };
    case 'yesno':
      return { t: v ? t('common.yes') : t('common.no') };
    case 'money': {
      const m = v as MoneyValue;
      if (m.amount === null || m.amount === undefined) return { t: m.currency ?? '' };
      try {
        return { t: tr.formatNumber(m.amount, m.currency ? { style: 'currency', currency: m.currency } : {}) };
      } catch {
        return { t: `${tr.formatNumber(m.amount)} ${m.currency ?? ''}`.trim() };
      }
    }
    case 'people': {
      const totals = peopleTotals(v as PeopleValue);
      return {
        t: `${t('forms.people.total')}: ${tr.formatNumber(totals.total)}`,
        l: SEXES.map((s) => `${t(`forms.people.sex_${s}`)}: ${tr.formatNumber(totals.bySex[s])}`),
      };
    }
    case 'file':
      return user(ctx.attachments.get(String(v)) ?? t('forms.file_attached'));
  }
}

function peopleBlock(label: string, value: PeopleValue | null | undefined, ctx: ExportContext): Block {
  const { t, tr } = ctx;
  const v = value ?? {};
  const totals = peopleTotals(v);
  const n = (x: number | null | undefined): Cell => (x === null || x === undefined ? { t: '—', m: true } : { t: tr.formatNumber(x) });
  return {
    k: 'people',
    label,
    cols: [{ t: '' }, ...AGES.map((a) => ({ t: t(`forms.people.age_${a}`), n: true })), { t: t('forms.people.total'), n: true }, { t: t('forms.people.disability'), n: true }],
    widths: [2, 1, 1, 1, 1, 1.5],
    rows: SEXES.map((s) => [{ t: t(`forms.people.sex_${s}`), b: true }, ...AGES.map((a) => n(v[`${s}_${a}` as keyof PeopleValue])), { t: tr.formatNumber(totals.bySex[s]) }, n(v[`disability_${s}` as keyof PeopleValue])]),
    total: [{ t: t('forms.people.total') }, ...AGES.map((a) => ({ t: tr.formatNumber(totals.byAge[a]) })), { t: tr.formatNumber(totals.total) }, { t: tr.formatNumber(totals.disability) }],
  };
}

const WIDTH: Partial<Record<ScalarFieldDef['type'], number>> = { narrative: 3, text: 2, multichoice: 1.5, reference: 1.2, choice: 1.2, people: 2, money: 0, integer: 0, decimal: 0, date: 0, yesno: 0 };

function formBlocks(def: FormDef, values: Record<string, Record<string, unknown>>, ctx: ExportContext): { blocks: Block[]; wide: boolean } {
  const { t } = ctx;
  const text = (x: Text | undefined) => textOf(x, ctx.locale, t);
  const blocks: Block[] = [];
  let wide = false;
  const notAnswered: Cell = { t: t('forms.not_answered'), m: true };
  for (const section of def.sections) {
    const sv = values[section.id] ?? {};
    blocks.push({ k: 'section', t: text(section.title) });
    let fields: { label: string; v: Cell }[] = [];
    const flush = () => {
      if (fields.length) blocks.push({ k: 'fields', items: fields });
      fields = [];
    };
    for (const field of section.fields as FieldDef[]) {
      if (!isVisible(field, sv)) continue;
      const label = text(field.label);
      const v = sv[field.id];
      if (field.type === 'table') {
        flush();
        blocks.push({ k: 'sub', t: label });
        const rows = Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
        if (!rows.length) {
          blocks.push({ k: 'empty', t: t('forms.table.no_rows') });
          continue;
        }
        if (field.columns.length >= 6) wide = true;
        const numeric = (c: ScalarFieldDef) => c.type === 'integer' || c.type === 'decimal' || c.type === 'money';
        const total = field.totals?.length
          ? field.columns.map((c, i): Cell => {
              if (field.totals!.includes(c.id)) return { t: ctx.tr.formatNumber(rows.reduce((a, r) => a + (typeof r[c.id] === 'number' ? (r[c.id] as number) : 0), 0)) };
              return i === 0 ? { t: t('forms.people.total') } : { t: '' };
            })
          : undefined;
        blocks.push({
          k: 'table',
          cols: field.columns.map((c) => ({ t: text(c.label) + ((c.type === 'integer' || c.type === 'decimal') && c.unit ? ` (${text(c.unit)})` : ''), ...(numeric(c) ? { n: true } : {}) })),
          widths: field.columns.map((c) => WIDTH[c.type] ?? 1),
          rows: rows.map((row) => field.columns.map((c) => (isVisible(c, row) ? formatScalar(c, row[c.id], ctx, true) ?? { t: '' } : { t: '' }))),
          ...(total ? { total } : {}),
        });
        continue;
      }
      if (field.type === 'people') {
        flush();
        blocks.push(peopleBlock(label, v as PeopleValue | null, ctx));
        continue;
      }
      if (field.type === 'narrative' && typeof v === 'string' && v) {
        flush();
        const d = textDirection(v);
        blocks.push({ k: 'narrative', label, paras: v.split(/\n{2,}/).map(lines), ...(d ? { d } : {}) });
        continue;
      }
      fields.push({ label, v: formatScalar(field, v, ctx) ?? notAnswered });
    }
    flush();
  }
  return { blocks, wide };
}

/** The data the template receives (exported for tests and the benchmark). */
export function pdfData(doc: ReportDocument, ctx: ExportContext): PdfData {
  const { t, tr } = ctx;
  const format = getFormat(doc.formatVersion);
  const title = reportTitle(t, doc, doc.state.name);
  const versionText = t('reporting.versions.item', { number: doc.version });
  const rows: { label: string; v: Cell }[] = [
    { label: t('reporting.view.state'), v: user(doc.state.name) },
    { label: t('reporting.tasks.period'), v: { t: `${tr.formatDate(doc.period.start, 'medium')} – ${tr.formatDate(doc.period.end, 'medium')}` } },
    { label: t('reporting.view.version'), v: { t: versionText } },
    { label: t('reporting.tasks.submitted'), v: { t: tr.formatDateTime(doc.submittedAt) } },
    ...(doc.publishedAt ? [{ label: t('reporting.view.published'), v: { t: tr.formatDateTime(doc.publishedAt) } }] : []),
    { label: t('reporting.view.language'), v: { t: t(`reporting.opt.language.${doc.language}`) } },
    { label: t('reporting.view.visibility'), v: { t: t(`reporting.visibility.${doc.visibility}`) } },
    ...(doc.reason ? [{ label: t('reporting.view.reason'), v: userCell(doc.reason) }] : []),
    ...(doc.nothingNew ? [{ label: t('reporting.view.nothing_new'), v: { t: t('common.yes') } }] : []),
  ];
  const forms: PdfData['forms'] = [];
  for (const def of format?.forms ?? []) {
    const fs = doc.forms[def.id];
    const status = fs?.status ?? 'not_started';
    const statusText = formStatusText(t, status, fs?.unchangedSinceYear ?? null);
    const formTitle = textOf(def.title, ctx.locale, t);
    if (!fs || status === 'not_applicable' || status === 'not_started') {
      forms.push({ id: def.id, title: formTitle, status_text: statusText, tag: statusText, wide: false, blocks: [] });
      continue;
    }
    const { blocks, wide } = formBlocks(def, fs.values ?? {}, ctx);
    const explained = Object.entries(fs.explanations ?? {});
    if (explained.length) blocks.push({ k: 'explanations', title: t('reporting.view.explanations'), items: explained.map(([path, text]) => ({ label: pathLabel(def, path, t, ctx.locale), v: userCell(text) })) });
    forms.push({ id: def.id, title: formTitle, status_text: statusText, ...(status === 'unchanged' ? { tag: statusText } : {}), wide, blocks });
  }
  const lang = ctx.locale === 'qps' ? 'en' : ctx.locale;
  return {
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    lang,
    ...(lang === 'zh' ? { region: 'cn' } : {}),
    fonts: lang === 'ar' ? [PDF_FONTS.arabic, PDF_FONTS.cjk] : [PDF_FONTS.cjk, PDF_FONTS.arabic],
    title,
    footer: `${title} · ${versionText}`,
    cover: { kicker: t('reporting.export.pdf.kicker'), rows, contents_title: t('reporting.view.contents'), note: t('reporting.view.content_language') },
    forms,
  };
}

export function reportPdf(doc: ReportDocument, ctx: ExportContext): Buffer {
  return renderPdf(TEMPLATE, pdfData(doc, ctx));
}
