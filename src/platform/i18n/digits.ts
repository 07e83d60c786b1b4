/**
 * Numbers typed by users: Latin, Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) digits, with the
 * separators of any of the six locales, are normalised to a plain JavaScript number.
 */
const ARABIC_INDIC = 0x0660;
const EASTERN_ARABIC_INDIC = 0x06f0;
const FULLWIDTH = 0xff10;

export function normaliseDigits(input: string): string {
  let out = '';
  for (const ch of input) {
    const c = ch.codePointAt(0)!;
    if (c >= ARABIC_INDIC && c <= ARABIC_INDIC + 9) out += String(c - ARABIC_INDIC);
    else if (c >= EASTERN_ARABIC_INDIC && c <= EASTERN_ARABIC_INDIC + 9) out += String(c - EASTERN_ARABIC_INDIC);
    else if (c >= FULLWIDTH && c <= FULLWIDTH + 9) out += String(c - FULLWIDTH);
    else out += ch;
  }
  return out;
}

/**
 * Parses a localised number. Group separators (comma, dot, space, NBSP, narrow NBSP, apostrophe,
 * Arabic thousands separator ٬) are removed; the decimal separator is `.`, `,` or Arabic `٫`.
 * When both `.` and `,` occur, the last one is the decimal separator. A lone `,` or `.` followed by
 * exactly three digits is read as a group separator for integers ("1,250" = 1250; "1.250" = 1250)
 * unless the locale writes decimals with that character and `preferDecimal` is set.
 * Returns undefined for anything that is not a number.
 */
export function parseLocalizedNumber(raw: string, opts: { decimalSeparator?: '.' | ',' } = {}): number | undefined {
  let s = normaliseDigits(raw)
    .trim()
    .replace(/[\u00a0\u202f\u2009\s'’_]/g, '')
    .replace(/\u066c/g, ',') // Arabic thousands separator → treated as a group separator below
    .replace(/\u066b/g, '.') // Arabic decimal separator
    .replace(/^\u2212/, '-') // minus sign
    .replace(/^[\u200e\u200f\u061c]+|[\u200e\u200f\u061c]+$/g, '');
  s = s.replace(/[\u200e\u200f\u061c]/g, '');
  if (!/^[-+]?[0-9.,]+$/.test(s)) return undefined;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimal: '.' | ',' | undefined;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const count = s.split(sep).length - 1;
    const after = s.length - s.lastIndexOf(sep) - 1;
    if (count > 1) decimal = undefined; // 1.250.000 → groups
    else if (after === 3 && opts.decimalSeparator !== sep) decimal = undefined; // 1,250 → 1250
    else decimal = sep;
  }
  // Group separators must separate real groups: 1,250,000 (thousands) or 1,00,000 (lakh).
  const sign = /^[-+]/.test(s) ? s[0] : '';
  const unsigned = sign ? s.slice(1) : s;
  const integerPart = decimal ? unsigned.slice(0, unsigned.lastIndexOf(decimal)) : unsigned;
  const groupChar = decimal === '.' ? ',' : decimal === ',' ? '.' : integerPart.includes(',') ? ',' : '.';
  if (integerPart.includes(groupChar)) {
    const g = groupChar === '.' ? '\\.' : ',';
    const thousands = new RegExp(`^\\d{1,3}(${g}\\d{3})+$`);
    const lakh = new RegExp(`^\\d{1,2}(${g}\\d{2})*${g}\\d{3}$`);
    if (!thousands.test(integerPart) && !lakh.test(integerPart)) return undefined;
  }
  let normalised = s;
  if (decimal) {
    const group = decimal === '.' ? ',' : '.';
    normalised = s.split(group).join('');
    normalised = normalised.replace(decimal, '.');
    if ((normalised.match(/\./g) ?? []).length > 1) return undefined;
  } else {
    normalised = s.replace(/[.,]/g, '');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalised)) return undefined;
  const n = Number(normalised);
  return Number.isFinite(n) ? n : undefined;
}
