import { describe, expect, it } from 'vitest';
import { auditCsvRow, csvCell, csvRow, neutraliseFormula } from './audit-csv.ts';

describe('CSV cells', () => {
  it('prefixes cells a spreadsheet would run as formulas with a single quote', () => {
    for (const evil of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '=HYPERLINK("http://x","y")']) {
      expect(neutraliseFormula(evil)).toBe(`'${evil}`);
    }
    for (const fine of ['1+1', 'a=b', 'أمينة', '', ' =x']) expect(neutraliseFormula(fine)).toBe(fine);
  });

  it('quotes separators, quotes and line breaks, after neutralising', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('=cmd|" /C calc"!A0')).toBe(`"'=cmd|"" /C calc""!A0"`);
    expect(csvCell('\tTAB')).toBe("'\tTAB");
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(new Date('2026-01-02T03:04:05.006Z'))).toBe('2026-01-02T03:04:05.006Z');
    expect(csvRow(['a', 'تقرير', { k: 'v' }])).toBe('a,تقرير,"{""k"":""v""}"\r\n');
  });

  it('writes an audit event in the export column order', () => {
    const row = auditCsvRow({
      id: 7,
      at: new Date('2026-01-02T03:04:05Z'),
      actorLabel: '=evil@example.org',
      actorUserId: null,
      action: 'accounts.user.invited',
      entityType: 'user',
      entityId: 'u1',
      summary: { name: '@attack' },
      ip: '192.0.2.1',
      requestId: 'r-1',
    });
    expect(row).toBe(`7,2026-01-02T03:04:05.000Z,'=evil@example.org,,accounts.user.invited,user,u1,"{""name"":""@attack""}",192.0.2.1,r-1\r\n`);
  });
});
