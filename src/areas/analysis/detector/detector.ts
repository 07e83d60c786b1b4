/**
 * The narrative detector: finds the terms and phrases of each indicator in a text, in any of the
 * six languages, and decides for each hit whether a negation cancels it. Transparent by design:
 * every rule is here or in the term lists ISU edits, and every hit is returned with its place in
 * the text, the term that matched and, when cancelled, the cue that cancelled it.
 *
 * Matching (after normalise.ts: case, accents, Arabic letter forms and diacritics, ё → е):
 *  - a term is a sequence of words matched on consecutive whole words; a word ending in `*`
 *    matches any word that begins with it ("platform*" → platforms); `~` stands for up to
 *    GAP_WORDS words within the sentence ("received ~ from"); `#` stands for a number
 *    ("# women ~ # men");
 *  - Arabic words also match with attached particles (و ف ب ك ل and the article ال);
 *  - Chinese terms match on characters, with no word boundaries.
 *
 * Negation: a cue of the same indicator (any language) cancels a hit when
 *  - it comes before the hit, ending at most NEGATION_WINDOW words before it ("no national
 *    platform", "has not yet established a platform"); or
 *  - it is written with a leading "…" and starts at most AFTER_WINDOW words after the hit
 *    ("platform … does not exist", "平台尚未建立");
 * and nothing between them ends the clause: sentence or clause punctuation (. ; : , ، ؛ ? ! 。，；)
 * or a contrasting word (SCOPE_BREAKERS: "but", "although", "mais", "pero", "но", "لكن", "但是"…).
 * Chinese characters count as half a word in these windows. Phrases that look like negations but
 * are not ("not only", "لا تزال", "无偿", PSEUDO_NEGATIONS) never cancel anything.
 * A cancelled hit is kept as evidence (shown to the reviewer) but does not count.
 */
import { arabicForms, arabicTermForms, normalise, tokenize, type Token } from './normalise.ts';

export const NEGATION_WINDOW = 6;
export const AFTER_WINDOW = 5;
/** Most words a "~" in a term stands for. */
export const GAP_WORDS = 4;
export const AFTER_MARK = /^\s*(…|\.\.\.)\s*/;

/** Words that end the reach of a negation, like punctuation does. */
export const SCOPE_BREAKERS: Record<string, string[]> = {
  en: ['but', 'although', 'though', 'however', 'whereas', 'while', 'because', 'since'],
  fr: ['mais', 'cependant', 'toutefois', 'bien que', 'alors que', 'tandis que', 'néanmoins', 'car', 'parce que'],
  es: ['pero', 'sin embargo', 'aunque', 'mientras que', 'no obstante', 'porque', 'ya que'],
  ru: ['но', 'однако', 'хотя', 'тогда как', 'потому что', 'так как'],
  ar: ['لكن', 'غير أن', 'إلا أن', 'بينما', 'رغم', 'مع أن', 'لأن'],
  zh: ['但', '但是', '然而', '不过', '虽然', '尽管', '因为'],
};

/** Phrases that contain a negation word without negating. */
export const PSEUDO_NEGATIONS: Record<string, string[]> = {
  en: ['not only', 'no later than', 'no less than', 'not least', 'no doubt'],
  fr: ['non seulement', 'pas seulement', 'sans doute', 'sans délai'],
  es: ['no solo', 'no solamente', 'no obstante', 'sin embargo', 'sin duda', 'no menos de'],
  ru: ['не только', 'не менее', 'не позднее', 'без сомнения'],
  ar: ['لا سيما', 'لا تزال', 'لا يزال', 'ما زال', 'ما زالت', 'لا زال', 'ليس فقط', 'لا يقل عن', 'دون تأخير'],
  zh: ['不仅', '不但', '不断', '不同', '不少', '无偿', '无论', '无人', '未来'],
};

export interface TermInput {
  indicatorId: string;
  locale: string;
  kind: 'term' | 'negation';
  phrase: string;
}

type WordPattern =
  | { gap: false; number?: false; text: string; prefix: boolean; arabic: boolean; forms: string[] }
  | { gap: false; number: true }
  | { gap: true };

export interface CompiledPhrase {
  phrase: string;
  locale: string;
  words: WordPattern[];
  /** Negation cues only: the cue follows the term ("… does not exist"). */
  after: boolean;
}

export interface CompiledIndicator {
  indicatorId: string;
  terms: CompiledPhrase[];
  before: CompiledPhrase[];
  after: CompiledPhrase[];
}

export interface CompiledLists {
  indicators: CompiledIndicator[];
  breakers: CompiledPhrase[];
  pseudo: CompiledPhrase[];
}

/**
 * A phrase as a list of word patterns; undefined when nothing is left to match. `~` stands for
 * up to GAP_WORDS words ("received ~ from"), `#` for a number ("# women ~ # men"); a word
 * ending in `*` is a prefix.
 */
export function compilePhrase(phrase: string, locale: string): CompiledPhrase | undefined {
  const after = AFTER_MARK.test(phrase);
  const body = phrase.replace(AFTER_MARK, '');
  const words: WordPattern[] = [];
  for (const part of body.split(/([~#])/)) {
    if (part === '~') {
      if (words.length && !words[words.length - 1]!.gap) words.push({ gap: true });
      continue;
    }
    if (part === '#') {
      words.push({ gap: false, number: true });
      continue;
    }
    const n = normalise(part).text;
    for (const t of tokenize(n)) {
      const prefix = n[t.end] === '*';
      // Shared forms of two letters ("ان" from both "لأن" and "الآن") say nothing: a short form
      // counts only when it is the whole term word.
      const forms = t.arabic ? arabicTermForms(t.text).filter((f) => f === t.text || f.length >= 3) : [];
      words.push({ gap: false, text: t.text, prefix, arabic: t.arabic, forms });
    }
  }
  while (words.length && words[words.length - 1]!.gap) words.pop();
  if (!words.some((w) => !w.gap && !w.number)) return undefined;
  return { phrase, locale, words, after };
}

export function compileLists(terms: TermInput[]): CompiledLists {
  const byIndicator = new Map<string, CompiledIndicator>();
  // The same phrase listed for several indicators (most negation cues) is compiled once, so its
  // matches in a text are found once.
  const compiled = new Map<string, CompiledPhrase | undefined>();
  for (const t of terms) {
    let ind = byIndicator.get(t.indicatorId);
    if (!ind) byIndicator.set(t.indicatorId, (ind = { indicatorId: t.indicatorId, terms: [], before: [], after: [] }));
    const key = `${t.locale}\u0000${t.phrase}`;
    if (!compiled.has(key)) compiled.set(key, compilePhrase(t.phrase, t.locale));
    const c = compiled.get(key);
    if (!c) continue;
    if (t.kind === 'term') ind.terms.push(c);
    else (c.after ? ind.after : ind.before).push(c);
  }
  const fixed = (lists: Record<string, string[]>) =>
    Object.entries(lists).flatMap(([locale, phrases]) => phrases.map((p) => compilePhrase(p, locale)).filter((c): c is CompiledPhrase => !!c));
  return { indicators: [...byIndicator.values()], breakers: fixed(SCOPE_BREAKERS), pseudo: fixed(PSEUDO_NEGATIONS) };
}

/* ---------------------------------------------------------------- matching */

interface PreparedToken extends Token {
  /** Arabic words: the forms without attached particles. */
  forms?: Set<string>;
}

function wordMatches(p: Extract<WordPattern, { gap: false }>, t: PreparedToken): boolean {
  // A number, also with an attached Arabic conjunction ("و10").
  if (p.number) return /^[وف]?\d+$/.test(t.text);
  if (p.arabic && t.arabic) {
    if (!p.prefix) return p.forms.some((f) => t.forms!.has(f));
    for (const f of t.forms!) if (p.forms.some((pf) => f.startsWith(pf))) return true;
    return false;
  }
  return p.prefix ? t.text.startsWith(p.text) : t.text === p.text;
}

const weight = (t: Token) => (t.han ? 0.5 : 1);

/** The end (exclusive token index) of the shortest match of `words` starting at token i, or -1. */
function matchFrom(p: PreparedText, words: WordPattern[], w: number, i: number): number {
  if (w === words.length) return i;
  const word = words[w]!;
  if (word.gap) {
    let used = 0;
    for (let k = i; k <= p.tokens.length; k++) {
      if (k > i) {
        used += weight(p.tokens[k - 1]!);
        if (used > GAP_WORDS) break;
      }
      // A gap never spans the end of a sentence (it may span a comma: "14 men, 3 women").
      if (k > i && k < p.tokens.length && p.sentence[k]) break;
      const end = matchFrom(p, words, w + 1, k);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (i >= p.tokens.length || !wordMatches(word, p.tokens[i]!)) return -1;
  if (w > 0 && p.sentence[i] && words[w - 1]!.gap) return -1;
  return matchFrom(p, words, w + 1, i + 1);
}

/** Every [start, end) token span where the phrase matches (computed once per text and phrase). */
function findAll(p: PreparedText, phrase: CompiledPhrase): { start: number; end: number }[] {
  const known = p.matches.get(phrase);
  if (known) return known;
  const out: { start: number; end: number }[] = [];
  const first = phrase.words[0]!;
  // A match can only start where a token has the first word's text (or its first two letters,
  // for prefixes and Arabic forms).
  let starts: Iterable<number>;
  if (first.gap || first.number) starts = p.tokens.keys();
  else if (!first.prefix && !first.arabic) starts = p.index.get(first.text) ?? [];
  else {
    const heads = new Set((first.arabic ? first.forms : [first.text]).map((f) => f.slice(0, 2)));
    const set = new Set<number>();
    for (const h of heads) for (const i of p.byHead.get(h) ?? []) set.add(i);
    starts = [...set].sort((a, b) => a - b);
  }
  for (const i of starts) {
    const end = matchFrom(p, phrase.words, 0, i);
    if (end > i) out.push({ start: i, end });
  }
  p.matches.set(phrase, out);
  return out;
}

const CLAUSE_PUNCT = /[.!?;:,،؛؟。！？；：\n\r()[\]{}«»"“”„|•]/;
const SENTENCE_PUNCT = /[.!?;؛؟。！？；\n\r]/;

/** Whether the text between two tokens ends a clause (or, with `sentence`, a sentence). */
function gapBreaks(text: string, a: Token, b: Token, punct = CLAUSE_PUNCT): boolean {
  const gap = text.slice(a.end, b.start);
  if (!punct.test(gap)) return false;
  // Decimal and thousands separators: "6.3", "3,1", "35.000".
  if ((gap === '.' || gap === ',') && /^\d+$/.test(a.text) && /^\d+$/.test(b.text)) return false;
  return true;
}

export interface Hit {
  indicatorId: string;
  /** The term as listed, and its language. */
  term: string;
  locale: string;
  /** Offsets of the hit in the original text. */
  start: number;
  end: number;
  negated: boolean;
  /** The negation cue that cancelled the hit. */
  cue?: string;
}

export interface PreparedText {
  original: string;
  normalised: ReturnType<typeof normalise>;
  tokens: PreparedToken[];
  /** boundary[k]: a clause ends between token k-1 and token k. */
  boundary: boolean[];
  /** sentence[k]: a sentence ends between token k-1 and token k. */
  sentence: boolean[];
  /** Tokens that belong to a pseudo-negation ("not only") and so are no negation. */
  pseudo: boolean[];
  /** Token positions by token text. */
  index: Map<string, number[]>;
  /** Token positions by the first two letters of the token (and of its Arabic forms). */
  byHead: Map<string, number[]>;
  /** Matches already found in this text, per phrase. */
  matches: Map<CompiledPhrase, { start: number; end: number }[]>;
}

export function prepareText(text: string, lists: CompiledLists): PreparedText {
  const normalised = normalise(text);
  const tokens: PreparedToken[] = tokenize(normalised.text).map((t) => (t.arabic ? { ...t, forms: new Set(arabicForms(t.text)) } : t));
  const index = new Map<string, number[]>();
  const byHead = new Map<string, number[]>();
  const put = (m: Map<string, number[]>, k: string, i: number) => {
    const list = m.get(k);
    if (!list) m.set(k, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  tokens.forEach((t, i) => {
    put(index, t.text, i);
    for (const h of new Set([t.text, ...(t.forms ?? [])].map((f) => f.slice(0, 2)))) put(byHead, h, i);
  });
  const p: PreparedText = { original: text, normalised, tokens, boundary: [], sentence: [], pseudo: tokens.map(() => false), index, byHead, matches: new Map() };
  p.sentence = tokens.map((t, k) => (k === 0 ? true : gapBreaks(normalised.text, tokens[k - 1]!, t, SENTENCE_PUNCT)));
  p.boundary = tokens.map((t, k) => (k === 0 ? true : gapBreaks(normalised.text, tokens[k - 1]!, t)));
  for (const b of lists.breakers) for (const m of findAll(p, b)) p.boundary[m.start] = true;
  for (const ps of lists.pseudo) for (const m of findAll(p, ps)) for (let k = m.start; k < m.end; k++) p.pseudo[k] = true;
  return p;
}

/** Whether a clause boundary lies between token positions a < b (boundaries after a, up to b). */
function breaksBetween(p: PreparedText, a: number, b: number): boolean {
  for (let k = a + 1; k <= b; k++) if (p.boundary[k]) return true;
  return false;
}

function negationFor(p: PreparedText, ind: CompiledIndicator, start: number, end: number): string | undefined {
  const { tokens } = p;
  for (const cue of ind.before) {
    for (const m of findAll(p, cue)) {
      // Far-away cues are out of reach (a token weighs at least half a word).
      if (m.end > start || start - m.end > NEGATION_WINDOW * 2 || p.pseudo[m.start]) continue;
      let distance = 0;
      for (let k = m.end; k < start; k++) distance += weight(tokens[k]!);
      if (distance > NEGATION_WINDOW) continue;
      if (breaksBetween(p, m.end - 1, start)) continue;
      return cue.phrase;
    }
  }
  for (const cue of ind.after) {
    for (const m of findAll(p, cue)) {
      if (m.start < end || m.start - end > AFTER_WINDOW * 2 || p.pseudo[m.start]) continue;
      let distance = 0;
      for (let k = end; k < m.start; k++) distance += weight(tokens[k]!);
      if (distance > AFTER_WINDOW) continue;
      if (breaksBetween(p, end - 1, m.start)) continue;
      return cue.phrase;
    }
  }
  return undefined;
}

/**
 * Every hit of every indicator in a text. Where terms of one indicator overlap, the longest
 * (then the first) is kept, so "national mine action platform" is one hit, not three.
 */
export function detect(text: string, lists: CompiledLists, opts: { indicatorIds?: string[] } = {}): Hit[] {
  if (!text.trim()) return [];
  const p = prepareText(text, lists);
  const { tokens, normalised } = p;
  const hits: Hit[] = [];
  for (const ind of lists.indicators) {
    if (opts.indicatorIds && !opts.indicatorIds.includes(ind.indicatorId)) continue;
    const spans: { start: number; end: number; term: CompiledPhrase }[] = [];
    for (const term of ind.terms) for (const m of findAll(p, term)) spans.push({ ...m, term });
    spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept: typeof spans = [];
    for (const s of spans) if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
    kept.sort((a, b) => a.start - b.start);
    for (const s of kept) {
      const cue = negationFor(p, ind, s.start, s.end);
      const first = tokens[s.start]!;
      const last = tokens[s.end - 1]!;
      hits.push({
        indicatorId: ind.indicatorId,
        term: s.term.phrase,
        locale: s.term.locale,
        start: normalised.starts[first.start]!,
        end: normalised.ends[last.end - 1]!,
        negated: cue !== undefined,
        ...(cue !== undefined ? { cue } : {}),
      });
    }
  }
  return hits;
}

/** Whether a text gives counted (not negated) evidence for the indicator. */
export function hasEvidence(text: string, lists: CompiledLists, indicatorId: string): boolean {
  return detect(text, lists, { indicatorIds: [indicatorId] }).some((h) => !h.negated);
}

/* ---------------------------------------------------------------- snippets */

export interface Snippet {
  snippet: string;
  /** The hit within the snippet. */
  start: number;
  end: number;
}

const SENTENCE_END = /[.!?。！？؟\n]/;

/**
 * The text around a hit, for the reviewer: the sentence that holds it, cut to about `max`
 * characters on word boundaries with "…" where shortened. Offsets are those of the hit in the
 * returned snippet.
 */
export function snippetAround(text: string, start: number, end: number, max = 240): Snippet {
  let s = start;
  while (s > 0 && !SENTENCE_END.test(text[s - 1]!)) s--;
  while (s < start && /\s/.test(text[s]!)) s++;
  let e = end;
  while (e < text.length && !SENTENCE_END.test(text[e]!)) e++;
  if (e < text.length) e++;
  const room = Math.max(0, max - (end - start));
  let lead = '';
  let tail = '';
  if (start - s > room / 2) {
    let cut = start - Math.floor(room / 2);
    while (cut < start && !/\s/.test(text[cut - 1]!)) cut++;
    s = cut;
    lead = '…';
  }
  if (e - end > room / 2) {
    let cut = end + Math.ceil(room / 2);
    while (cut > end && !/\s/.test(text[cut]!)) cut--;
    e = cut;
    tail = '…';
  }
  const body = text.slice(s, e).replace(/\s+$/, '');
  return { snippet: `${lead}${body}${tail}`, start: lead.length + (start - s), end: lead.length + (end - s) };
}
