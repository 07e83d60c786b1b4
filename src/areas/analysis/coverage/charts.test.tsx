import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { BarChart, chartCsvRows, memoPercent, type ChartData } from './charts.tsx';

const data: ChartData = {
  id: 'demo',
  title: 'Reports with C&A information',
  description: 'Three of four reports',
  categoryHeader: 'Region',
  totalHeader: 'Reports',
  series: [
    { key: 'yes', label: 'With' },
    { key: 'no', label: 'Without' },
  ],
  rows: [
    { key: 'africa', label: 'Africa', cells: [{ value: 300 }, { value: 1 }], total: { value: 301 } },
    { key: 'europe', label: 'Europe', cells: [{ value: 0 }, { value: 0 }] },
  ],
};

const fmt = (n: number) => String(n);

describe('BarChart', () => {
  it('is an image with a name and a description, and writes every value as text', () => {
    const svg = renderToString(<BarChart data={data} dir="ltr" formatNumber={fmt} />);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="chart-demo-title chart-demo-desc"');
    expect(svg).toContain('<title id="chart-demo-title">Reports with C&amp;A information</title>');
    expect(svg).toContain('<desc id="chart-demo-desc">Three of four reports</desc>');
    expect(svg).toMatch(/>300<\/text>/);
    // The narrow segment's value is written after the bar, behind a swatch of its pattern.
    expect(svg).toMatch(/>1<\/text>/);
    expect(svg).toContain('url(#chart-demo-p1)');
    expect(svg).toContain('<pattern id="chart-demo-p1"');
  });

  it('mirrors the bars on right-to-left pages', () => {
    const axis = (dir: 'ltr' | 'rtl') => Number(/<line x1="([\d.]+)"/.exec(renderToString(<BarChart data={data} dir={dir} formatNumber={fmt} />))![1]);
    expect(axis('ltr')).toBeLessThan(380);
    expect(axis('rtl')).toBeGreaterThan(380);
  });
});

describe('chartCsvRows', () => {
  it('gives counts, totals and shares per category', () => {
    expect(chartCsvRows(data)).toEqual([
      ['key', 'Region', 'With', 'Without', 'Reports', 'With (%)', 'Without (%)'],
      ['africa', 'Africa', 300, 1, 301, '99.7', '0.3'],
      ['europe', 'Europe', 0, 0, 0, '', ''],
    ]);
  });
});

describe('memoPercent', () => {
  it('formats each whole percentage once', () => {
    let calls = 0;
    const pct = memoPercent((s) => {
      calls++;
      return `${Math.round(s * 100)}%`;
    });
    expect([pct(0.5), pct(0.5001), pct(0.25)]).toEqual(['50%', '50%', '25%']);
    expect(calls).toBe(2);
  });
});
