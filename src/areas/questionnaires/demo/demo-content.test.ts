import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../platform/i18n/locales.ts';
import { readSubmission } from '../../../platform/forms/values.ts';
import { validateFields } from '../../../platform/forms/validate.ts';
import { contentProblems, contentSchema, hiddenAnswers, toFormDef, translationStatus } from '../content.ts';
import { CA_SURVEY_CONTENT, CA_SURVEY_DESCRIPTION, CA_SURVEY_TITLE, PLATFORMS_CONTENT, PLATFORMS_DESCRIPTION, PLATFORMS_TITLE } from './demo-content.ts';
import { CA_SURVEY_RESPONDENTS, PLATFORMS_RESPONDENTS } from './demo-questionnaires.ts';

const plans = [
  { name: '2023 survey', content: CA_SURVEY_CONTENT, title: CA_SURVEY_TITLE, description: CA_SURVEY_DESCRIPTION, respondents: CA_SURVEY_RESPONDENTS },
  { name: 'open follow-up', content: PLATFORMS_CONTENT, title: PLATFORMS_TITLE, description: PLATFORMS_DESCRIPTION, respondents: PLATFORMS_RESPONDENTS },
];

describe('demo questionnaires', () => {
  for (const p of plans) {
    it(`${p.name}: valid content, written in all six languages`, () => {
      expect(contentSchema.safeParse(p.content).success).toBe(true);
      expect(contentProblems(p.content)).toEqual([]);
      for (const s of translationStatus(p.content, { title: p.title, description: p.description })) expect({ locale: s.locale, missing: s.missing }).toEqual({ locale: s.locale, missing: [] });
    });

    it(`${p.name}: every demo answer is one the form engine accepts, none to a hidden question`, () => {
      const def = toFormDef(p.content, { id: 'demo', title: p.title });
      for (const r of p.respondents) {
        for (const values of [r.response?.values, r.response?.change?.values]) {
          if (!values) continue;
          // Read back as the JSON API would: what the seed stores must be what answering would store.
          const parsed = readSubmission(def, values, { json: true });
          expect(parsed.issues, `${r.iso2}`).toEqual([]);
          expect(hiddenAnswers(def, values), r.iso2).toEqual([]);
          if (r.response?.status === 'submitted') expect(validateFields(def, values, { forms: {} }).filter((i) => i.severity === 'error'), r.iso2).toEqual([]);
        }
      }
    });
  }

  it('the 2023 survey has submitted answers from at least 8 States in at least 4 languages, one in progress and one late change', () => {
    const submitted = CA_SURVEY_RESPONDENTS.filter((r) => r.response?.status === 'submitted');
    expect(new Set(submitted.map((r) => r.iso2)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(submitted.map((r) => r.locale)).size).toBeGreaterThanOrEqual(4);
    expect(CA_SURVEY_RESPONDENTS.some((r) => r.response?.status === 'in_progress')).toBe(true);
    expect(CA_SURVEY_RESPONDENTS.some((r) => r.response?.change)).toBe(true);
    expect(new Set(CA_SURVEY_RESPONDENTS.map((r) => r.email.toLowerCase())).size).toBe(CA_SURVEY_RESPONDENTS.length);
    for (const r of [...CA_SURVEY_RESPONDENTS, ...PLATFORMS_RESPONDENTS]) {
      expect(r.email).toMatch(/@demo\.example\.org$/);
      expect(r.name).toMatch(/demo/i);
      expect(LOCALES).toContain(r.locale);
    }
  });
});
