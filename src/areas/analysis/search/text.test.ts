import { describe, expect, it } from 'vitest';
import { checkQuery, languageOf, MARK_END, MARK_START, matchesFromHeadline, prepare, snippetParts } from './text.ts';

describe('prepare', () => {
  it('folds accents and Arabic letter forms and diacritics, keeping offsets to the original', () => {
    const p = prepare('Coopération');
    expect(p.text).toBe('cooperation');
    const a = prepare('المُساعَدَة');
    expect(a.text).toBe('مساعده');
    // Every unit of the prepared text points into the original.
    expect(a.starts[0]).toBeGreaterThanOrEqual(0);
    expect(a.ends[a.ends.length - 1]).toBe('المُساعَدَة'.length);
  });

  it('drops an attached Arabic article with its conjunction and preposition', () => {
    expect(prepare('والمساعدة للنساء بالتعاون').text).toBe('مساعده نساء تعاون');
    // Short words keep their letters.
    expect(prepare('الى').text).toBe('الي');
  });

  it('cuts Chinese into words separated by spaces', () => {
    const p = prepare('提供了排雷援助');
    expect(p.text.split(' ').length).toBeGreaterThan(1);
    expect(p.text.replace(/ /g, '')).toBe('提供了排雷援助');
    // Inserted spaces stand for nothing in the original.
    const i = p.text.indexOf(' ');
    expect(p.starts[i]).toBe(p.ends[i]);
  });

  it('turns control and bidi characters into spaces', () => {
    expect(prepare('a\u0000b\u202ec\u2066d').text).toBe('a b c d');
  });
});

describe('languageOf', () => {
  it('uses the report language unless the script says otherwise', () => {
    expect(languageOf('La coopération internationale', 'fr')).toBe('fr');
    expect(languageOf('التعاون الدولي', 'en')).toBe('ar');
    expect(languageOf('国际合作', 'en')).toBe('zh');
    expect(languageOf('Международное сотрудничество', 'es')).toBe('ru');
    expect(languageOf('International cooperation', 'ru')).toBe('en');
    expect(languageOf('2023', 'es')).toBe('es');
  });
});

describe('checkQuery', () => {
  it('refuses empty, too long and word-less queries', () => {
    expect(checkQuery('')).toEqual({ ok: false, reason: 'empty' });
    expect(checkQuery(' \u202e\u0000 ')).toEqual({ ok: false, reason: 'empty' });
    expect(checkQuery('a'.repeat(201))).toEqual({ ok: false, reason: 'too_long' });
    expect(checkQuery('" - ) ( | & ! <->')).toEqual({ ok: false, reason: 'no_words' });
    expect(checkQuery('"Mine Clearance" -Victim')).toEqual({ ok: true, query: '"mine clearance" -victim' });
  });
});

describe('highlighting', () => {
  it('maps ts_headline marks back to the original text', () => {
    const original = 'La Coopération et l’assistance';
    const p = prepare(original);
    const marked = p.text.replace('cooperation', `${MARK_START}cooperation${MARK_END}`);
    const ranges = matchesFromHeadline(marked, p)!;
    expect(ranges.map((r) => original.slice(r.start, r.end))).toEqual(['Coopération']);
  });

  it('refuses a marked text that is not the prepared text', () => {
    const p = prepare('abc');
    expect(matchesFromHeadline(`x${MARK_START}bc${MARK_END}`, p)).toBeUndefined();
    expect(matchesFromHeadline(`${MARK_START}abc`, p)).toBeUndefined();
  });

  it('cuts a snippet around the first match with the matches marked', () => {
    const text = `${'word '.repeat(100)}target ${'tail '.repeat(100)}`;
    const start = text.indexOf('target');
    const parts = snippetParts(text, [{ start, end: start + 6 }], 120);
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(parts.find((p) => p.mark)?.text).toBe('target');
    expect(parts[parts.length - 1]).toEqual({ text: '…', mark: false });
    expect(parts.map((p) => p.text).join('').length).toBeLessThan(130);
  });
});
