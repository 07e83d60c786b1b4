/**
 * Server-rendered, accessible bar charts of the coverage dashboard, reusable by the observations
 * paper: horizontal stacked bars, one row per category, each series drawn with its own pattern
 * (not colour only), every value written as text on its segment (or right after the bar when the
 * segment is too narrow), role="img" with <title> and <desc>, mirrored for right-to-left pages.
 *
 * `BarChart` needs no page context (the paper renders it for DOCX/PDF in any language): it takes
 * the number formatter and the writing direction. `ChartBlock` is the dashboard's rendering: the
 * SVG, its legend, its data table (caption, every number linking to its reports) and the CSV link.
 */
import type { ComponentChildren } from 'preact';
import { Table } from '../../../platform/views/components.tsx';

export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartCell {
  value: number;
  /** The reports behind the value (dashboard: a link to their list). */
  href?: string | undefined;
}

export interface ChartRow {
  key: string;
  label: string;
  /** One cell per series, in the order of `series`. */
  cells: ChartCell[];
  /** The row's total (the whole the shares are taken from); the sum of the cells by default. */
  total?: ChartCell | undefined;
}

export interface ChartData {
  /** Stable id: the CSV's `chart=` parameter and the SVG's id prefix. */
  id: string;
  title: string;
  description: string;
  /** Header of the category column of the data table and CSV. */
  categoryHeader: string;
  totalHeader: string;
  series: ChartSeries[];
  rows: ChartRow[];
}

/**
 * A number formatter that remembers what it formatted: a page formats the same few numbers
 * hundreds of times, and an Intl.NumberFormat with options is costly to build on each call.
 */
export function memoFormat(format: (n: number) => string, key: (n: number) => number = (n) => n): (n: number) => string {
  const seen = new Map<number, string>();
  return (n) => {
    const k = key(n);
    let s = seen.get(k);
    if (s === undefined) {
      s = format(k);
      seen.set(k, s);
    }
    return s;
  };
}

/** A share (0–1) as a whole percentage, remembered per percentage. */
export function memoPercent(format: (share: number) => string): (share: number) => string {
  return memoFormat(format, (s) => Math.round(s * 100) / 100);
}

/** The coverage pages' percentage: whole percents in the page's language, remembered per percentage. */
export function percentFormat(tr: { formatNumber(n: number, opts?: Intl.NumberFormatOptions): string }): (share: number) => string {
  return memoPercent((s) => tr.formatNumber(s, { style: 'percent', maximumFractionDigits: 0 }));
}

/** Fills of the series, in order: solid, diagonal hatching, dots, cross-hatching, plain white. */
const FILLS = [
  { base: '#1d70b8', ink: null, text: '#ffffff' },
  { base: '#d2e2f1', ink: '#1d70b8', pattern: 'diagonal', text: '#0b0c0c' },
  { base: '#fff4d6', ink: '#8a6d00', pattern: 'dots', text: '#0b0c0c' },
  { base: '#f3f2f1', ink: '#505a5f', pattern: 'cross', text: '#0b0c0c' },
  { base: '#ffffff', ink: null, text: '#0b0c0c' },
] as const;

export function seriesFill(index: number, prefix: string): string {
  const f = FILLS[index % FILLS.length]!;
  return 'pattern' in f && f.pattern ? `url(#${prefix}-p${index % FILLS.length})` : f.base;
}

export function ChartPatterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      {FILLS.map((f, i) =>
        'pattern' in f && f.pattern ? (
          <pattern id={`${prefix}-p${i}`} key={i} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform={f.pattern === 'diagonal' ? 'rotate(45)' : undefined}>
            <rect width="6" height="6" fill={f.base} />
            {f.pattern === 'dots' ? <circle cx="3" cy="3" r="1.2" fill={f.ink} /> : f.pattern === 'cross' ? <path d="M0 0L6 6M6 0L0 6" stroke={f.ink} stroke-width="0.8" /> : <path d="M0 3h6" stroke={f.ink} stroke-width="1.4" />}
          </pattern>
        ) : null,
      )}
    </defs>
  );
}

/** Rough width of a label in the chart's 12px font (CJK and Arabic glyphs are wider). */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2E80-\u9FFF\uAC00-\uD7AF\uFF00-\uFFEF]/.test(ch) ? 12 : /[\u0600-\u06FF]/.test(ch) ? 6.5 : 7;
  return w;
}

function ellipsis(s: string, max: number): string {
  if (textWidth(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(`${out}${ch}…`) > max) break;
    out += ch;
  }
  return `${out}…`;
}

export interface BarChartProps {
  data: ChartData;
  dir: 'ltr' | 'rtl';
  formatNumber: (n: number) => string;
  /** Minimum width of the drawing (viewBox units); wider when the category labels are long. */
  width?: number;
}

/** The chart itself: an SVG image with its accessible name and description. */
export function BarChart({ data, dir, formatNumber, width: minWidth = 760 }: BarChartProps) {
  const prefix = `chart-${data.id}`;
  const rtl = dir === 'rtl';
  const rowH = 30;
  const barH = 20;
  const top = 8;
  // Labels are written in full (the drawing widens for long ones; it is scaled to the page anyway).
  const labelW = Math.min(600, Math.max(60, ...data.rows.map((r) => textWidth(r.label) + 8)));
  const width = Math.max(minWidth, labelW + 540);
  const afterW = 150;
  const plotW = width - labelW - afterW - 12;
  const H = top + data.rows.length * rowH + 6;
  const max = Math.max(1, ...data.rows.map((r) => r.total?.value ?? r.cells.reduce((s, c) => s + c.value, 0)), ...data.rows.map((r) => r.cells.reduce((s, c) => s + c.value, 0)));
  // Positions along the bar measured from its start; mirrored on right-to-left pages.
  const start = rtl ? width - labelW - 6 : labelW + 6;
  const at = (offset: number) => (rtl ? start - offset : start + offset);
  const scale = (v: number) => (v / max) * plotW;
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${width} ${H}`} width="100%" role="img" aria-labelledby={`${prefix}-title ${prefix}-desc`} direction="ltr" class="coverage-chart">
      <title id={`${prefix}-title`}>{data.title}</title>
      <desc id={`${prefix}-desc`}>{data.description}</desc>
      <ChartPatterns prefix={prefix} />
      <g font-size="12" fill="#0b0c0c" font-family="inherit">
        <line x1={start} x2={start} y1={top - 4} y2={H - 2} stroke="#0b0c0c" stroke-width="1" />
        {data.rows.map((row, ri) => {
          const y = top + ri * rowH;
          let acc = 0;
          const overflow: { i: number; text: string }[] = [];
          const segments = row.cells.map((cell, si) => {
            const w = scale(cell.value);
            const x0 = at(acc);
            const x1 = at(acc + w);
            acc += w;
            if (cell.value <= 0) return null;
            const text = formatNumber(cell.value);
            const fits = textWidth(text) + 6 <= w;
            if (!fits) overflow.push({ i: si, text });
            const fill = FILLS[si % FILLS.length]!;
            return (
              <g key={si}>
                <rect x={Math.min(x0, x1)} y={y} width={Math.max(0.5, w)} height={barH} fill={seriesFill(si, prefix)} stroke="#0b0c0c" stroke-width="0.5" />
                {fits ? (
                  <text x={(x0 + x1) / 2} y={y + barH / 2 + 4} text-anchor="middle" fill={fill.text} paint-order="stroke" stroke={fill.text === '#ffffff' ? 'none' : '#ffffff'} stroke-width="3">
                    {text}
                  </text>
                ) : null}
              </g>
            );
          });
          // Values too wide for their segment are written after the bar, each behind a small swatch of its series.
          let cursor = acc + 6;
          const after = overflow.map((o) => {
            const sw = at(cursor);
            const swX = rtl ? sw - 10 : sw;
            const tx = at(cursor + 13);
            cursor += 13 + textWidth(o.text) + 8;
            return (
              <g key={`o${o.i}`}>
                <rect x={swX} y={y + 5} width="10" height="10" fill={seriesFill(o.i, prefix)} stroke="#0b0c0c" stroke-width="0.5" />
                <text x={tx} y={y + barH / 2 + 4} text-anchor={rtl ? 'end' : 'start'}>
                  {o.text}
                </text>
              </g>
            );
          });
          return (
            <g key={row.key}>
              <text x={rtl ? width - 4 : labelW} y={y + barH / 2 + 4} text-anchor="end">
                {ellipsis(row.label, labelW - 8)}
              </text>
              {segments}
              {after}
            </g>
          );
        })}
      </g>
    </svg>
  );
}

/** The legend of a chart: each series' pattern and name. */
export function ChartLegend({ data }: { data: ChartData }) {
  const prefix = `chart-${data.id}`;
  return (
    <ul class="compact-list" aria-label={data.title}>
      {data.series.map((s, i) => (
        <li key={s.key}>
          <svg width="28" height="18" viewBox="0 0 28 18" aria-hidden="true">
            <ChartPatterns prefix={`${prefix}-l${i}`} />
            <rect x="0.5" y="0.5" width="27" height="17" fill={seriesFill(i, `${prefix}-l${i}`)} stroke="#0b0c0c" />
          </svg>{' '}
          {s.label}
        </li>
      ))}
    </ul>
  );
}

function Linked({ cell, text }: { cell: ChartCell | undefined; text: string }) {
  if (!cell) return <>—</>;
  return cell.href && cell.value > 0 ? <a href={cell.href}>{text}</a> : <>{text}</>;
}

export function rowTotal(row: ChartRow): ChartCell {
  return row.total ?? { value: row.cells.reduce((s, c) => s + c.value, 0) };
}

/** The chart's data table: one row per category, each series' count and share, and the total. */
export function ChartTable({ data, formatNumber, formatPercent }: { data: ChartData; formatNumber: (n: number) => string; formatPercent: (share: number) => string }) {
  return (
    <Table
      caption={data.title}
      rows={data.rows}
      columns={[
        { header: data.categoryHeader, cell: (r: ChartRow) => r.label },
        ...data.series.map((s, i) => ({
          header: s.label,
          numeric: true,
          cell: (r: ChartRow) => {
            const c = r.cells[i];
            const total = rowTotal(r).value;
            return (
              <>
                <Linked cell={c} text={formatNumber(c?.value ?? 0)} />
                {total > 0 ? <span class="muted"> ({formatPercent((c?.value ?? 0) / total)})</span> : null}
              </>
            );
          },
        })),
        { header: data.totalHeader, numeric: true, cell: (r: ChartRow) => <Linked cell={rowTotal(r)} text={formatNumber(rowTotal(r).value)} /> },
      ]}
    />
  );
}

/** One chart as the dashboard shows it: heading, SVG, legend, data table and CSV download. */
export function ChartBlock({
  data,
  dir,
  formatNumber,
  formatPercent,
  csvHref,
  csvLabel,
  children,
}: {
  data: ChartData;
  dir: 'ltr' | 'rtl';
  formatNumber: (n: number) => string;
  formatPercent: (share: number) => string;
  csvHref: string;
  csvLabel: string;
  children?: ComponentChildren;
}) {
  return (
    <section aria-labelledby={`${data.id}-heading`} class="coverage-section">
      <h2 id={`${data.id}-heading`}>{data.title}</h2>
      {children}
      <BarChart data={data} dir={dir} formatNumber={formatNumber} />
      <ChartLegend data={data} />
      <ChartTable data={data} formatNumber={formatNumber} formatPercent={formatPercent} />
      <p>
        <a href={csvHref} download>
          {csvLabel}
        </a>
      </p>
    </section>
  );
}

/** A chart's data as CSV rows: category key and label, each series' count, the total, each series' share. */
export function chartCsvRows(data: ChartData): (string | number)[][] {
  return [
    ['key', data.categoryHeader, ...data.series.map((s) => s.label), data.totalHeader, ...data.series.map((s) => `${s.label} (%)`)],
    ...data.rows.map((r) => {
      const total = rowTotal(r).value;
      return [r.key, r.label, ...r.cells.map((c) => c.value), total, ...r.cells.map((c) => (total > 0 ? ((c.value / total) * 100).toFixed(1) : ''))];
    }),
  ];
}
