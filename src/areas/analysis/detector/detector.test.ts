import { describe, expect, it } from 'vitest';
import { compileLists, detect, snippetAround, type TermInput } from './detector.ts';
import { seedTermRows } from './seed-terms.ts';

const lists = compileLists(seedTermRows());
const counted = (text: string, id: string) => detect(text, lists, { indicatorIds: [id] }).filter((h) => !h.negated);
const negated = (text: string, id: string) => detect(text, lists, { indicatorIds: [id] }).filter((h) => h.negated);

describe('detector', () => {
  it('finds a term on whole words and returns its place in the original text', () => {
    const text = 'The National Mine Action Platform met twice.';
    const [hit] = counted(text, 'ca.national_platform');
    expect(text.slice(hit!.start, hit!.end)).toBe('National Mine Action Platform');
    expect(hit!.term).toBe('national mine action platform');
    expect(hit!.locale).toBe('en');
  });

  it('does not match inside a word (general ≠ gender)', () => {
    expect(counted('The general survey was completed.', 'gd.integrated')).toEqual([]);
  });

  it('cancels a hit with a negation before it, within the clause only', () => {
    expect(negated('There is no national platform.', 'ca.national_platform')).toHaveLength(1);
    expect(counted('There is no national platform.', 'ca.national_platform')).toEqual([]);
    expect(counted('No platform exists for donors, but the national platform of operators met.', 'ca.national_platform')).toHaveLength(1);
    expect(counted('Although no national platform exists yet, the resource mobilisation plan was adopted.', 'ca.resource_plan')).toHaveLength(1);
  });

  it('cancels a hit with a negation after it when the cue is written with "…"', () => {
    expect(negated('A resource mobilization plan has not yet been developed.', 'ca.resource_plan')).toHaveLength(1);
    expect(negated('Национальная платформа для диалога с донорами пока не создана.', 'ca.national_platform')).toHaveLength(1);
    expect(negated('我国的国家平台尚未建立。', 'ca.national_platform')).toHaveLength(1);
  });

  it('handles negation in the six languages', () => {
    expect(negated('لا توجد منصة وطنية للحوار حتى الآن.', 'ca.national_platform')).toHaveLength(1);
    expect(negated('我国尚未建立国家排雷行动平台。', 'ca.national_platform')).toHaveLength(1);
    expect(negated('Il n’existe pas encore de plateforme nationale.', 'ca.national_platform')).toHaveLength(1);
    expect(negated('No existe una plataforma nacional de coordinación.', 'ca.national_platform')).toHaveLength(1);
    expect(negated('Данные пока не приводятся в разбивке по полу.', 'gd.disaggregated')).toHaveLength(1);
  });

  it('ignores phrases that only look like negations', () => {
    expect(counted('The national platform not only brings together ministries but also survivors.', 'ca.national_platform')).toHaveLength(1);
    expect(counted('لا تزال هناك حاجة إلى تمويل.', 'ca.needs')).toHaveLength(1);
  });

  it('matches Arabic words with attached particles and letter-form variants', () => {
    expect(counted('عقدت المنصـــة الوطنيّة اجتماعين.', 'ca.national_platform')).toHaveLength(1);
    expect(counted('البيانات مُصنَّفة حسب الجنس والعمر.', 'gd.disaggregated').length).toBeGreaterThan(0);
  });

  it('matches Chinese on characters without word boundaries', () => {
    expect(counted('我国与其他受影响国家开展南南合作。', 'ca.south_south')).toHaveLength(1);
  });

  it('supports prefixes, gaps and numbers in terms', () => {
    const custom = compileLists([
      { indicatorId: 'x', locale: 'en', kind: 'term', phrase: 'platform*' },
      { indicatorId: 'y', locale: 'en', kind: 'term', phrase: 'received ~ from' },
      { indicatorId: 'z', locale: 'en', kind: 'term', phrase: '# women ~ # men' },
    ] satisfies TermInput[]);
    expect(detect('Two platforms met.', custom).map((h) => h.indicatorId)).toEqual(['x']);
    expect(detect('We received USD 4.2 million from Japan.', custom).map((h) => h.indicatorId)).toEqual(['y']);
    expect(detect('We received help. From then on', custom)).toEqual([]);
    expect(detect('Casualties: 3 women, 14 men.', custom).map((h) => h.indicatorId)).toEqual(['z']);
  });

  it('keeps the longest of overlapping terms', () => {
    const hits = counted('The national mine action platform met.', 'ca.national_platform');
    expect(hits).toHaveLength(1);
  });
});

describe('snippetAround', () => {
  it('returns the sentence around a hit with the offsets of the hit', () => {
    const text = 'First sentence. The national platform met twice in 2023. Last one.';
    const start = text.indexOf('national platform');
    const s = snippetAround(text, start, start + 'national platform'.length);
    expect(s.snippet).toBe('The national platform met twice in 2023.');
    expect(s.snippet.slice(s.start, s.end)).toBe('national platform');
  });

  it('shortens long sentences on word boundaries', () => {
    const text = `${'word '.repeat(200)}national platform ${'more '.repeat(200)}`;
    const start = text.indexOf('national platform');
    const s = snippetAround(text, start, start + 17, 120);
    expect(s.snippet.length).toBeLessThan(140);
    expect(s.snippet.startsWith('…')).toBe(true);
    expect(s.snippet.endsWith('…')).toBe(true);
    expect(s.snippet.slice(s.start, s.end)).toBe('national platform');
  });
});
