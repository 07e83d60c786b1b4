/**
 * Hostile values for the input sweep (fast-check arbitraries): the strings, numbers, JSON shapes
 * and raw request bodies a careless client or an attacker sends. Each family is named so a
 * failure's counterexample says what kind of input it was.
 */
import fc from 'fast-check';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));

/** C0 and C1 controls, DEL and NUL. */
export const CONTROL = [...range(0x00, 0x1f), '\u007f', ...range(0x80, 0x9f)];
/** Characters that reorder or hide text: bidi embeddings/overrides/isolates, marks, zero-width characters, BOM. */
export const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
export const LINE_BREAKS = ['\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\u000b', '\u000c'];
export const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', 'a\ud83d', '\ude00b'];

export const SQL = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  "\\'; select pg_sleep(1); --",
  '1; select 1',
  '$$; select 1; $$',
  "E'\\x00'",
  '%',
  '_',
  '\\',
  "''",
  '" OR ""="',
  'NULL',
  'null',
  'undefined',
  '1 UNION SELECT password_hash FROM users',
];
export const HTML = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</textarea><script>alert(1)</script>',
  '</title><b>x',
  '<!--',
  ']]>',
  '&amp;&lt;&#0;&#x202e;',
  'javascript:alert(1)',
  '<a href="//evil.example">x</a>',
  '{{constructor.constructor("alert(1)")()}}',
  '${7*7}',
];
export const FORMULA = ['=HYPERLINK("http://evil.example","click")', '=1+1', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', "'=1+1", '=cmd|\' /C calc\'!A0', '＝1+1'];
export const ICU = ['{', '}', '{}', '#', "'", "''", "'{'", '{0}', '{name}', '{count, plural, one {#} other {# #}}', '{x, select, other {y}}', '<b>x</b>', '{{', '}}'];
/** Digits of other scripts, alone and with separators. */
export const DIGITS = ['٠١٢٣٤٥٦٧٨٩', '۰۱۲۳۴۵۶۷۸۹', '０１２３４５６７８９', '०१२३४५६७८९', '১২৩', '๑๒๓', '١٬٢٣٤٫٥', '۱۲۳٫۴', '１，２３４', '−5', '٣', '۷', '５', '७', '1 234,5', '1\u202f234', '1\u00a0234'];
export const NUMBERS = [
  '0',
  '-0',
  '-1',
  '-1000000',
  '0.5',
  '-0.5',
  '1.5',
  '1e3',
  '1e309',
  '-1e309',
  '1e-400',
  '9007199254740993',
  '99999999999999999999999999999',
  '1000000000001',
  '2147483648',
  '-2147483649',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '0b1',
  '1_000',
  '1,2,3',
  '1..2',
  '.5',
  '5.',
  '+5',
  '--5',
  ' 5 ',
];
export const IDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-4000-8000-000000000000',
  '00000000-0000-4000-8000-00000000000G',
  '{00000000-0000-4000-8000-000000000000}',
  '0',
  '-1',
  '1e9',
  '..',
  '../../etc/passwd',
  '%2e%2e',
  'a'.repeat(300),
];
export const NUL = ['\u0000', 'a\u0000b', '\u0000\u0000', 'x\u0000'];
export const PLAIN = ['', ' ', '   ', 'ok', 'Plain text', 'Déminage', 'إزالة الألغام', '排雷', 'Разминирование', 'מוקשים', '👩🏽‍🚒🧨', 'e\u0301', 'ﬁ', 'İı', 'ß'];

/** Every hostile family, for the report of a failure. */
export const FAMILIES = { CONTROL, BIDI, LINE_BREAKS, LONE_SURROGATES, SQL, HTML, FORMULA, ICU, DIGITS, NUMBERS, IDS, NUL, PLAIN };

const atom = fc.oneof(
  fc.constantFrom(...SQL),
  fc.constantFrom(...HTML),
  fc.constantFrom(...FORMULA),
  fc.constantFrom(...ICU),
  fc.constantFrom(...DIGITS),
  fc.constantFrom(...NUMBERS),
  fc.constantFrom(...NUL),
  fc.constantFrom(...PLAIN),
  fc.constantFrom(...CONTROL),
  fc.constantFrom(...BIDI),
  fc.constantFrom(...LINE_BREAKS),
  fc.constantFrom(...LONE_SURROGATES),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

/** A huge string: past every field limit, up to beyond the 1 MB body limit. */
export const hugeString = fc
  .tuple(fc.constantFrom(201, 501, 2_001, 5_001, 20_001, 200_000, 1_100_000), fc.constantFrom('x', 'é', '٣', '\u202e', '<', '=', '中', '😀'))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));

/** A short hostile string: one to four atoms joined. */
export const hostileText = fc.array(atom, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));

/** Any hostile string, short ones much more often than huge ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof({ arbitrary: hostileText, weight: 12 }, { arbitrary: hugeString, weight: 1 });

/** A form value: one string, or the same key several times (duplicated keys arrive as an array). */
export const formValue: fc.Arbitrary<string | string[]> = fc.oneof(
  { arbitrary: hostileString, weight: 8 },
  { arbitrary: fc.array(hostileText, { minLength: 2, maxLength: 4 }), weight: 1 },
);

/** Field names that are not in the form: prototype keys, array-like and absurd paths. */
export const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '_csrf[]', '_version[]', '', ' ', '.', 's.', 's..', 's.__proto__.x', 's.a.b.99999.c', 's.a.b.-1.c', '_action', 'keep.__proto__', 'explain.', 'comment.'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
);

/** JSON numbers that are valid JSON but hostile as counts or versions. */
export const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 0.5, -0.5, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e21, 1e-7),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, with hostile leaves; `depth` bounds the nesting. */
export function hostileJson(depth = 3): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));
  if (depth <= 0) return leaf;
  const inner = hostileJson(depth - 1);
  return fc.oneof(
    { arbitrary: leaf, weight: 6 },
    { arbitrary: fc.array(inner, { maxLength: 4 }), weight: 1 },
    { arbitrary: fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 8 })), inner, { maxKeys: 4 }), weight: 1 },
  );
}

/** Nested arrays and objects `n` deep, as JSON text (JSON.stringify would recurse as deep). */
export function deepJsonText(n: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(n)}1${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
}

/** Byte sequences that are not UTF-8: stray continuation bytes, overlong forms, surrogates, cut-off sequences. */
export const INVALID_UTF8: Buffer[] = [
  Buffer.from([0xff]),
  Buffer.from([0xfe, 0xff]),
  Buffer.from([0x80]),
  Buffer.from([0xc0, 0x80]), // overlong NUL
  Buffer.from([0xc0, 0xaf]), // overlong '/'
  Buffer.from([0xe0, 0x80, 0xaf]),
  Buffer.from([0xed, 0xa0, 0x80]), // UTF-8-encoded surrogate
  Buffer.from([0xf4, 0x90, 0x80, 0x80]), // above U+10FFFF
  Buffer.from([0xe2, 0x82]), // cut off
  Buffer.from([0xf0, 0x9f, 0x98]),
  Buffer.from([0x00]),
];
export const invalidUtf8 = fc.constantFrom(...INVALID_UTF8);

/** Percent-encodes every byte of a buffer (how a form post carries raw bytes). */
export function percentBytes(b: Buffer): string {
  return [...b].map((x) => `%${x.toString(16).padStart(2, '0').toUpperCase()}`).join('');
}
