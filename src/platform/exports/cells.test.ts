import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { neutraliseFormula, restoreFormulaText } from './cells.ts';
import { sheetName } from './xlsx.ts';
import { csvDocument } from './csv.ts';

describe('formula neutralisation', () => {
  it('quotes text a spreadsheet would run as a formula', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    for (const s of ['plain', '1-2', 'a=b', '', "'quoted"]) expect(neutraliseFormula(s)).toBe(s);
    expect(neutraliseFormula("'=x")).toBe("''=x");
  });

  it('is undone exactly by restoreFormulaText, for any text', () => {
    fc.assert(fc.property(fc.string(), (s) => restoreFormulaText(neutraliseFormula(s)) === s));
    fc.assert(fc.property(fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'"), fc.string(), (a, b) => !/^[=+\-@\t\r]/.test(neutraliseFormula(a + b))));
  });

  it('applies to CSV cells, which start with a BOM and end lines with CRLF', () => {
    expect(csvDocument([['=A1', 3, null, '"q"']])).toBe('\uFEFF\'=A1,3,,"""q"""\r\n');
  });
});

describe('sheet names', () => {
  it('are valid, at most 31 characters and unique', () => {
    const taken = new Set<string>();
    const first = sheetName('C - Location: of [mined] areas/zones?', taken);
    const second = sheetName('C - Location: of [mined] areas/zones?', taken);
    expect(first).toBe('C - Location of mined areas zon');
    expect(second).toMatch(/^C - Location of mined areas? ?\(2\)$/);
    for (const n of [first, second]) expect(n.length).toBeLessThanOrEqual(31);
    expect([...sheetName('ي - '.repeat(20), taken)].length).toBeLessThanOrEqual(31);
    expect(sheetName("''", taken)).toBe('Sheet');
  });
});
