import { describe, expect, it } from 'vitest';
import { normaliseDigits, parseLocalizedNumber } from './digits.ts';

describe('normaliseDigits', () => {
  it('turns Arabic-Indic, Eastern Arabic-Indic and full-width digits into Latin digits', () => {
    expect(normaliseDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(normaliseDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(normaliseDigits('０１２')).toBe('012');
    expect(normaliseDigits('Form ٧ (2024)')).toBe('Form 7 (2024)');
  });
});

describe('parseLocalizedNumber', () => {
  it.each([
    ['42', 42],
    ['٠١٢٣', 123],
    ['۰۱۲', 12],
    ['١٢٫٥', 12.5],
    ['۱۲٫۵', 12.5],
    ['1,250.5', 1250.5],
    ['1.250,5', 1250.5],
    ['1,250', 1250],
    ['1.250.000', 1250000],
    ['1 250,5', 1250.5],
    ['1\u00a0250,5', 1250.5],
    ['1\u202f250,5', 1250.5],
    ["1'250.5", 1250.5],
    ['١٬٢٥٠٫٥', 1250.5],
    ['٢٥٠٬٠٠٠', 250000],
    ['  7  ', 7],
    ['.5', 0.5],
    ['0.75', 0.75],
    ['-3', -3],
    ['-1,250.5', -1250.5],
    ['\u22125', -5],
    ['+8', 8],
    ['\u200f١٢\u200f', 12],
  ])('%j → %d', (input, expected) => {
    expect(parseLocalizedNumber(input)).toBe(expected);
  });

  it('reads "1 250,5" and "1,5" with a comma decimal separator', () => {
    expect(parseLocalizedNumber('1 250,5', { decimalSeparator: ',' })).toBe(1250.5);
    expect(parseLocalizedNumber('1,5', { decimalSeparator: ',' })).toBe(1.5);
    expect(parseLocalizedNumber('1,250', { decimalSeparator: ',' })).toBe(1.25);
    expect(parseLocalizedNumber('1.250', { decimalSeparator: '.' })).toBe(1.25);
  });

  it.each(['', '   ', 'abc', '12abc', '1-2', '--1', '1.2.3,4,5', '.', ',', '-', '1e5', 'Infinity', 'NaN', '0x10', '١٢a', '½'])('rejects %j', (input) => {
    expect(parseLocalizedNumber(input)).toBeUndefined();
  });

  // Group separators must separate groups of three digits: a slip of the finger is not a number.
  it.each(['1..2', '1.2.3', '12,34,5', '1,2345.6', ',5,000'])('rejects malformed grouping %j', (input) => {
    expect(parseLocalizedNumber(input)).toBeUndefined();
  });
});
