/**
 * Text normalisation for the narrative detector, shared by term lists and report text so both
 * are compared in the same form. Pure functions; no database.
 *
 *  - Unicode compatibility forms are folded (NFKC: full-width digits and punctuation, ligatures,
 *    Arabic presentation forms) and everything is lower-cased.
 *  - Latin (and Greek) letters lose their accents: "coopération" → "cooperation", "sólo" → "solo".
 *  - Arabic: diacritics (harakat, shadda, sukun, superscript alef) and tatweel are removed; the
 *    alef forms أ إ آ ٱ become ا, ى becomes ي, ة becomes ه, ؤ → و, ئ → ي; Persian ی ک are read as ي ك;
 *    Arabic-Indic digits become 0–9.
 *  - Cyrillic keeps its letters (й stays й) except ё → е.
 *  - Chinese (and Japanese) characters are kept as they are and each one is a token of its own:
 *    matching works on characters, with no word boundaries.
 *
 * Every character of the normalised text remembers the span of the original text it came from,
 * so a hit found in the normalised text is highlighted at the right place in the original.
 */

export interface NormalisedText {
  /** The normalised text. */
  text: string;
  /** For each UTF-16 unit of `text`: start and end offsets in the original text. */
  starts: number[];
  ends: number[];
}

const ARABIC_LETTER_MAP: Record<string, string> = {
  'ة': 'ه',
  'ى': 'ي',
  'ٱ': 'ا',
  'ی': 'ي',
  'ک': 'ك',
  'ـ': '',
};
const ARABIC_INDIC_ZERO = 0x0660;
const EASTERN_ARABIC_INDIC_ZERO = 0x06f0;
const DASHES = /[\u2010-\u2015\u2212\u30fc\ufe58\ufe63\uff0d]/;
const QUOTES = /[\u2018\u2019\u201b\u02bc\u0060\u00b4]/;

const isCyrillic = (ch: string) => {
  const c = ch.codePointAt(0)!;
  return c >= 0x0400 && c <= 0x052f;
};

function foldChar(ch: string): string {
  if (isCyrillic(ch)) return ch === 'ё' ? 'е' : ch;
  const mapped = ARABIC_LETTER_MAP[ch];
  if (mapped !== undefined) return mapped;
  const code = ch.codePointAt(0)!;
  if (code >= ARABIC_INDIC_ZERO && code <= ARABIC_INDIC_ZERO + 9) return String(code - ARABIC_INDIC_ZERO);
  if (code >= EASTERN_ARABIC_INDIC_ZERO && code <= EASTERN_ARABIC_INDIC_ZERO + 9) return String(code - EASTERN_ARABIC_INDIC_ZERO);
  if (DASHES.test(ch)) return '-';
  if (QUOTES.test(ch)) return "'";
  // Decompose and drop combining marks: Latin accents, Arabic hamza carriers and harakat.
  const stripped = ch.normalize('NFD').replace(/\p{M}/gu, '');
  return stripped.length === 1 ? (ARABIC_LETTER_MAP[stripped] ?? stripped) : stripped;
}

/** A base character with the combining marks that follow it (so "e" + U+0301 folds like "é"). */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;

export function normalise(input: string): NormalisedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of input.matchAll(CLUSTER)) {
    const start = m.index;
    const end = start + m[0].length;
    // Plain ASCII (most of English, French and Spanish text) needs only lower-casing.
    if (m[0].length === 1 && m[0].charCodeAt(0) < 0x80) {
      text += m[0].toLowerCase();
      starts.push(start);
      ends.push(end);
      continue;
    }
    const composed = m[0].normalize('NFC').normalize('NFKC').toLowerCase();
    let out = '';
    for (const ch of composed) out += foldChar(ch);
    for (let i = 0; i < out.length; i++) {
      starts.push(start);
      ends.push(end);
    }
    text += out;
  }
  return { text, starts, ends };
}

/** The normalised form of a text, without offsets (term lists, search keys). */
export function normaliseText(input: string): string {
  return normalise(input).text;
}

/* ---------------------------------------------------------------- tokens */

export interface Token {
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  text: string;
  /** A Chinese or Japanese character: one token per character. */
  han: boolean;
  arabic: boolean;
}

const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const ARABIC = /[\u0600-\u06ff]/;

/**
 * Splits normalised text into tokens: runs of letters and digits (words), and each Chinese or
 * Japanese character on its own. Apostrophes and hyphens separate words ("n'existe" → n, existe).
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (HAN.test(ch)) {
      tokens.push({ start: i, end: i + ch.length, text: ch, han: true, arabic: false });
      i += ch.length;
      continue;
    }
    if (!WORD_CHAR.test(ch)) {
      i += ch.length;
      continue;
    }
    let j = i;
    while (j < text.length) {
      const c = String.fromCodePoint(text.codePointAt(j)!);
      if (!WORD_CHAR.test(c) || HAN.test(c)) break;
      j += c.length;
    }
    const word = text.slice(i, j);
    tokens.push({ start: i, end: j, text: word, han: false, arabic: ARABIC.test(word) });
    i = j;
  }
  return tokens;
}

/* ---------------------------------------------------------------- Arabic clitics */

/**
 * The forms an Arabic word may stand for once its attached particles are taken off: the
 * conjunctions و / ف, the prepositions ب / ك / ل and the article ال (لل = ل + ال). "والمنصه" can
 * be "المنصه" or "منصه"; the word itself is always one of its forms.
 */
export function arabicForms(word: string): string[] {
  const forms = new Set<string>([word]);
  const add = (w: string) => {
    if (w.length >= 2) forms.add(w);
  };
  for (const p1 of ['', 'و', 'ف']) {
    if (!word.startsWith(p1)) continue;
    const w1 = word.slice(p1.length);
    if (w1.startsWith('لل') && w1.length > 3) add(w1.slice(2));
    for (const p2 of ['', 'ب', 'ك', 'ل']) {
      if (!w1.startsWith(p2)) continue;
      const w2 = w1.slice(p2.length);
      add(w2);
      if (w2.startsWith('ال') && w2.length > 3) add(w2.slice(2));
    }
  }
  return [...forms];
}

/**
 * The forms of a word of a term: like arabicForms, so "النساء والفتيات" written in a term list
 * matches "نساء وفتيات" and "للنساء والفتيات" in a report. A term word and a report word match
 * when they share a form.
 */
export function arabicTermForms(word: string): string[] {
  return arabicForms(word);
}
