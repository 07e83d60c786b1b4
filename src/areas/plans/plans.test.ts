import { describe, expect, it } from 'vitest';
import { displayText, emptyText, groupActionIds, missingLocales, moveWithin, nextIndicatorId, normaliseThemes, parseActionId, sectionIdFor, translationStatus } from './plans.ts';

const full = { ar: 'أ', zh: '中', en: 'E', fr: 'F', ru: 'Р', es: 'S' };

describe('action ids', () => {
  it('parses OAP-42 in any letter case and refuses everything else', () => {
    expect(parseActionId('OAP-42')).toEqual({ id: 'OAP-42', code: 'OAP', number: 42 });
    expect(parseActionId('sraap-7')).toEqual({ id: 'SRAAP-7', code: 'SRAAP', number: 7 });
    for (const bad of ['OAP-0', 'OAP-042', 'OAP-1000', '42', 'OAP42', 'OAP-4a', '-42', 'OAP-', 'A-B-1', ' OAP-42']) expect(parseActionId(bad), bad).toBeUndefined();
  });

  it('groups ids by plan, numbers ascending and without repeats', () => {
    expect(groupActionIds(['OAP-47', 'OAP-45', 'SRAAP-31', 'OAP-45', 'junk'])).toEqual([
      { code: 'OAP', numbers: [45, 47], ids: ['OAP-45', 'OAP-47'] },
      { code: 'SRAAP', numbers: [31], ids: ['SRAAP-31'] },
    ]);
  });

  it('gives the next indicator id after the highest one', () => {
    expect(nextIndicatorId('OAP-42', [])).toBe('OAP-42.1');
    expect(nextIndicatorId('OAP-42', ['OAP-42.1', 'OAP-42.3', 'OAP-4.9', 'OAP-42.x'])).toBe('OAP-42.4');
  });

  it('gives a section a free id even when its number was used by a renumbered section', () => {
    expect(sectionIdFor('oslo-2019', 'X', new Set())).toBe('oslo-2019.X');
    expect(sectionIdFor('oslo-2019', 'X', new Set(['oslo-2019.X', 'oslo-2019.X-2']))).toBe('oslo-2019.X-3');
  });
});

describe('texts in six languages', () => {
  it('shows the page’s language, else English, else any, and says which', () => {
    expect(displayText(full, 'ar')).toEqual({ text: 'أ', lang: 'ar' });
    expect(displayText({ ...full, ar: '  ' }, 'ar')).toEqual({ text: 'E', lang: 'en' });
    expect(displayText({ ...emptyText(), ru: 'Р' }, 'fr')).toEqual({ text: 'Р', lang: 'ru' });
    expect(displayText(full, 'qps')).toEqual({ text: 'E', lang: 'en' });
    expect(displayText(emptyText(), 'en')).toBeUndefined();
    expect(displayText(null, 'en')).toBeUndefined();
  });

  it('finds the missing languages; an optional text nobody wrote misses nothing', () => {
    expect(missingLocales({ ...full, zh: '', es: ' ' })).toEqual(['zh', 'es']);
    expect(missingLocales(emptyText(), { optional: true })).toEqual([]);
    expect(missingLocales(null, { optional: true })).toEqual([]);
    expect(missingLocales({ ...emptyText(), en: 'E' }, { optional: true })).toEqual(['ar', 'zh', 'fr', 'ru', 'es']);
  });

  it('counts the texts missing each language', () => {
    const status = translationStatus([
      { kind: 'plan-title', ownerId: 'p', text: full, optional: false },
      { kind: 'action-title', ownerId: 'OAP-1', text: { ...full, ar: '' }, optional: false },
      { kind: 'action-summary', ownerId: 'OAP-1', text: null, optional: true },
      { kind: 'indicator-title', ownerId: 'OAP-1.1', text: { ...emptyText(), en: 'E' }, optional: false },
    ]);
    expect(status.total).toBe(3);
    expect(status.gaps.map((g) => g.ownerId)).toEqual(['OAP-1', 'OAP-1.1']);
    expect(status.missingByLocale).toEqual({ ar: 2, zh: 1, en: 0, fr: 1, ru: 1, es: 1 });
  });
});

describe('themes', () => {
  it('keeps known themes in their order, then others, once each', () => {
    expect(normaliseThemes(['to-verify', 'custom', 'cooperation', 'gender', 'cooperation'])).toEqual(['gender', 'cooperation', 'to-verify', 'custom']);
  });
});

describe('moving an item', () => {
  const items = (orders: number[]) => orders.map((sortOrder, i) => ({ id: `i${i}`, sortOrder, version: 1 }));

  it('swaps the sort orders of the item and its neighbour', () => {
    const list = items([10, 20, 30]);
    expect(moveWithin(list, 'i1', 'up').map((c) => [c.item.id, c.sortOrder])).toEqual([
      ['i1', 10],
      ['i0', 20],
    ]);
    expect(moveWithin(list, 'i1', 'down').map((c) => [c.item.id, c.sortOrder])).toEqual([
      ['i1', 30],
      ['i2', 20],
    ]);
  });

  it('renumbers when the two are tied, so a move always changes the order', () => {
    const changes = moveWithin(items([1, 1, 1]), 'i2', 'up');
    const order = new Map([['i0', 1], ['i1', 1], ['i2', 1]]);
    for (const c of changes) order.set(c.item.id, c.sortOrder);
    expect([...order].sort((a, b) => a[1] - b[1]).map(([id]) => id)).toEqual(['i0', 'i2', 'i1']);
  });

  it('does nothing at the ends or for an unknown item', () => {
    const list = items([1, 2]);
    expect(moveWithin(list, 'i0', 'up')).toEqual([]);
    expect(moveWithin(list, 'i1', 'down')).toEqual([]);
    expect(moveWithin(list, 'nope', 'up')).toEqual([]);
  });
});
