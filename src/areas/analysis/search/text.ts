/**
 * Text preparation for the narrative search: the same steps for what is indexed and for what is
 * searched, so both meet in the same form. Pure functions; no database.
 *
 *  1. The detector's `normalise` (NFKC, lower case, Latin accents folded, Arabic letter forms and
 *     diacritics folded, ё → е), with control characters (including bidi controls) turned into
 *     spaces.
 *  2. Arabic words lose an attached definite article with its conjunction and preposition
 *     ("والمساعدة" → "مساعده", "للنساء" → "نساء"): PostgreSQL's Arabic stemmer stems a definite
 *     word differently from the bare word (it keeps the ة/ه of a definite noun), so both sides
 *     are given the bare word and stem it the same way.
 *  3. Chinese (Han) runs are cut into words with Intl.Segmenter and the words separated by spaces,
 *     since the 'simple' configuration only splits on spaces and punctuation.
 *
 * Every UTF-16 unit of the prepared text remembers the span of the original text it came from, so
 * matches found in the prepared text are highlighted at the right place in the original.
 */
import { normalise } from '../detector/normalise.ts';

export const SEARCH_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type SearchLanguage = (typeof SEARCH_LANGUAGES)[number];

/** The PostgreSQL text search configuration wanted for each language ('simple' for Chinese). */
export const WANTED_CONFIG: Record<SearchLanguage, string> = { ar: 'arabic', zh: 'simple', en: 'english', fr: 'french', ru: 'russian', es: 'spanish' };

export interface PreparedText {
  text: string;
  /** For each UTF-16 unit of `text`: the span of the original text it stands for. */
  starts: number[];
  ends: number[];
}

// C0/C1 controls, bidi embeddings/overrides/isolates and marks, zero-width characters, lone surrogates.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes characters that have no place in a search (controls, bidi controls, lone surrogates). */
export function stripControls(s: string): string {
  return s.replace(CONTROL, ' ');
}

const HAN_RUN = /[\p{Script=Han}\u3005\u3007]+/gu;
const ARABIC_WORD = /[\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u06d5\u06fa-\u06ff]+/g;
/** و/ف, then ب/ك/ل, then ال — or لل — at the start of a word, when at least 3 letters remain. */
const ARABIC_ARTICLE = /^(?:[وف]?[بكل]?ال|[وف]?لل)(?=[\u0621-\u064a]{3})/;

let segmenter: Intl.Segmenter | undefined;
function segmentHan(run: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(run)].map((s) => s.segment);
}

/**
 * The text as it is indexed and searched. Apply to report text and to queries alike (the query's
 * websearch syntax — quotes, "or", a leading "-" — is kept: only letters change).
 */
export function prepare(input: string): PreparedText {
  const n = normalise(input);
  // Controls become spaces (one unit for one unit: offsets stay as they are).
  const base = n.text.replace(CONTROL, ' ');
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const copy = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      starts.push(n.starts[i]!);
      ends.push(n.ends[i]!);
    }
    text += base.slice(from, to);
  };
  /** A space that stands for nothing in the original (between Chinese words). */
  const space = (at: number) => {
    const pos = at < base.length ? n.starts[at]! : (n.ends[base.length - 1] ?? 0);
    starts.push(pos);
    ends.push(pos);
    text += ' ';
  };
  // Pieces to rewrite, in order: Arabic articles to drop, Han runs to segment.
  const edits: { start: number; end: number; kind: 'drop' | 'han'; run?: string }[] = [];
  for (const m of base.matchAll(ARABIC_WORD)) {
    const a = ARABIC_ARTICLE.exec(m[0]);
    if (a) edits.push({ start: m.index, end: m.index + a[0].length, kind: 'drop' });
  }
  for (const m of base.matchAll(HAN_RUN)) edits.push({ start: m.index, end: m.index + m[0].length, kind: 'han', run: m[0] });
  edits.sort((a, b) => a.start - b.start);
  let at = 0;
  for (const e of edits) {
    copy(at, e.start);
    if (e.kind === 'drop') {
      // The word's first kept letter stands for the article too, so a match marks the whole word.
      if (e.end < base.length) n.starts[e.end] = n.starts[e.start]!;
    } else {
      const words = segmentHan(e.run!);
      let p = e.start;
      // Spaces around the run too, so "援助Mine" becomes "援助 mine".
      if (p > 0 && !/\s/.test(base[p - 1]!)) space(p);
      words.forEach((w, i) => {
        if (i > 0) space(p);
        copy(p, p + w.length);
        p += w.length;
      });
      if (e.end < base.length && !/\s/.test(base[e.end]!)) space(e.end);
    }
    at = e.end;
  }
  copy(at, base.length);
  return { text, starts, ends };
}

/* ---------------------------------------------------------------- language of a text */

const SCRIPTS: { lang: SearchLanguage | 'latin'; re: RegExp }[] = [
  { lang: 'ar', re: /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/g },
  { lang: 'zh', re: /\p{Script=Han}/gu },
  { lang: 'ru', re: /[\u0400-\u052f]/g },
  { lang: 'latin', re: /\p{Script=Latin}/gu },
];
const LATIN_LANGS = new Set<string>(['en', 'fr', 'es']);

/**
 * The language a text is indexed in: the report's language of submission, unless the text is
 * plainly written in another script (an Arabic narrative in an English report is Arabic). Latin
 * text in a report in a non-Latin language is read as English.
 */
export function languageOf(text: string, reportLanguage: string): SearchLanguage {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  let best: SearchLanguage | 'latin' | undefined;
  let bestCount = 0;
  for (const s of SCRIPTS) {
    const c = sample.match(s.re)?.length ?? 0;
    if (c > bestCount) {
      best = s.lang;
      bestCount = c;
    }
  }
  const report = (SEARCH_LANGUAGES as readonly string[]).includes(reportLanguage) ? (reportLanguage as SearchLanguage) : 'en';
  if (!best) return report;
  if (best === 'latin') return LATIN_LANGS.has(report) ? report : 'en';
  return best;
}

/* ---------------------------------------------------------------- queries */

export const MAX_QUERY_LENGTH = 200;

export type QueryCheck = { ok: true; query: string } | { ok: false; reason: 'empty' | 'too_long' | 'no_words' };

/**
 * Checks what was typed in the search box: not empty, not too long, and with at least one word
 * (a query of operators and punctuation only finds nothing). Returns the prepared query.
 */
export function checkQuery(raw: string | undefined): QueryCheck {
  const q = stripControls(raw ?? '').trim();
  if (!q) return { ok: false, reason: 'empty' };
  if ([...q].length > MAX_QUERY_LENGTH) return { ok: false, reason: 'too_long' };
  const prepared = prepare(q).text.replace(/\s+/g, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(prepared)) return { ok: false, reason: 'no_words' };
  return { ok: true, query: prepared };
}

/* ---------------------------------------------------------------- highlighting */

export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

export interface Range {
  start: number;
  end: number;
}

/**
 * The matches in the original text, from the prepared text marked by ts_headline (the marks are
 * control characters that the prepared text cannot contain). Undefined when the marked text is not
 * the prepared text with marks (then nothing is highlighted rather than the wrong words).
 */
export function matchesFromHeadline(marked: string, prepared: PreparedText): Range[] | undefined {
  const out: Range[] = [];
  let pos = 0;
  let open = -1;
  for (let i = 0; i < marked.length; i++) {
    const ch = marked[i]!;
    if (ch === MARK_START) {
      if (open >= 0) return undefined;
      open = pos;
    } else if (ch === MARK_END) {
      if (open < 0) return undefined;
      if (pos > open) out.push({ start: prepared.starts[open]!, end: prepared.ends[pos - 1]! });
      open = -1;
    } else {
      if (prepared.text[pos] !== ch) return undefined;
      pos++;
    }
  }
  if (pos !== prepared.text.length || open >= 0) return undefined;
  return mergeRanges(out);
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** A piece of a snippet: plain text, or a match to highlight. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

/**
 * About `max` characters of the original text around its first match (cut on spaces, "…" where
 * shortened), as plain and marked parts. Without matches: the start of the text.
 */
export function snippetParts(text: string, matches: Range[], max = 280): SnippetPart[] {
  const first = matches[0];
  let s = 0;
  let e = Math.min(text.length, max);
  if (first) {
    s = Math.max(0, first.start - Math.floor(max / 3));
    e = Math.min(text.length, s + max);
    s = Math.max(0, Math.min(s, e - max));
  }
  // Cut on white space, not inside a word (Chinese has none: cut anywhere).
  if (s > 0) {
    let c = s;
    while (c < (first?.start ?? s) && c - s < 30 && !/\s/.test(text[c - 1]!)) c++;
    if (c - s < 30 && c <= (first?.start ?? c)) s = c;
  }
  if (e < text.length) {
    let c = e;
    while (c > (first?.end ?? 0) && e - c < 30 && !/\s/.test(text[c]!)) c--;
    if (e - c < 30 && c > (first?.end ?? 0)) e = c;
  }
  // Never cut a surrogate pair.
  if (s > 0 && /[\udc00-\udfff]/.test(text[s]!)) s--;
  if (e < text.length && /[\udc00-\udfff]/.test(text[e]!)) e++;
  const parts: SnippetPart[] = [];
  const push = (t: string, mark: boolean) => {
    if (t) parts.push({ text: t, mark });
  };
  if (s > 0) push('…', false);
  let at = s;
  for (const m of matches) {
    if (m.end <= s || m.start >= e) continue;
    const ms = Math.max(m.start, s);
    const me = Math.min(m.end, e);
    push(text.slice(at, ms), false);
    push(text.slice(ms, me), true);
    at = me;
  }
  push(text.slice(at, e).replace(/\s+$/, ''), false);
  if (e < text.length) push('…', false);
  return parts;
}
