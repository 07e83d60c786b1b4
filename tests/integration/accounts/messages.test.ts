/** The accounts catalogues: every key in all six languages, valid ICU, nothing left in English. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALES, intlTag } from '../../../src/platform/i18n/locales.ts';

const dir = new URL('../../../src/areas/accounts/messages/', import.meta.url);
const load = (l: string) => JSON.parse(readFileSync(new URL(`${l}.json`, dir), 'utf8')) as Record<string, string>;
const en = load('en');

/** Strings that are the same in every language (names, codes, formats). */
const SAME_EVERYWHERE = new Set<string>([]);

describe('accounts messages', () => {
  for (const locale of LOCALES) {
    it(`${locale}: has every key, parses as ICU and renders plurals`, () => {
      const cat = load(locale);
      expect(Object.keys(cat).sort()).toEqual(Object.keys(en).sort());
      for (const [key, message] of Object.entries(cat)) {
        const mf = new IntlMessageFormat(message, intlTag(locale), undefined, { ignoreTag: true });
        const out = String(mf.format({ count: 3, date: '1 May', state: 'X', name: 'N', inviter: 'I', role: 'R', link: 'L', expires: 'E', platform: 'P' }));
        expect(out.length, key).toBeGreaterThan(0);
        if (locale !== 'en' && !SAME_EVERYWHERE.has(key) && en[key]!.length > 12) expect(message, `${locale} ${key} is English`).not.toBe(en[key]);
      }
      for (const n of [0, 1, 2, 3, 5, 11, 21, 100]) {
        for (const key of ['accounts.sessions.count', 'accounts.users.count', 'accounts.totp.codes_left']) {
          const out = String(new IntlMessageFormat(cat[key]!, intlTag(locale)).format({ count: n }));
          expect(out, `${locale} ${key} ${n}`).not.toMatch(/[{}]/);
        }
      }
    });
  }
});
