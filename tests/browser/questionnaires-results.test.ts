/**
 * Questionnaire results in Chromium, in English and Arabic, on the seeded demo survey (the
 * Committee's 2023 questionnaire): the demo ISU officer sees the response counts and a chart with
 * its data table equal to hand counts of the demo answers, finds an Arabic answer on the free-text
 * page, downloads the XLSX export (read back with the project's reader) and every results page is
 * axe clean.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadCatalogues, createTranslators } from '../../src/platform/i18n/messages.ts';
import { readXlsx } from '../../src/platform/exports/xlsx.ts';
import { DEMO_CA_SURVEY_ID } from '../../src/areas/questionnaires/demo/index.ts';
import { CA_SURVEY_RESPONDENTS } from '../../src/areas/questionnaires/demo/demo-questionnaires.ts';
import { axeCheck, clickAndWait, DEMO, htmlLangDir, signIn, useBrowser } from '../support/browser.ts';

const tr = createTranslators(loadCatalogues());
const browser = useBrowser();

/** Hand counts of the demo answers. */
const submitted = CA_SURVEY_RESPONDENTS.filter((r) => r.response?.status === 'submitted');
const finalValues = (r: (typeof submitted)[number]) => r.response!.change?.values ?? r.response!.values;
const integratedYes = submitted.filter((r) => finalValues(r).gender?.integrated === true).length;
const integratedNo = submitted.filter((r) => finalValues(r).gender?.integrated === false).length;
const iraq = CA_SURVEY_RESPONDENTS.find((r) => r.iso2 === 'IQ')!;
const iraqChallenges = String(iraq.response!.values.coordination!.challenges);

describe.each(['en', 'ar'] as const)('questionnaire results (%s)', (locale) => {
  it('shows the demo answers as a chart with its table, finds an Arabic answer, and is axe clean', async () => {
    const t = tr(locale);
    const n = (x: number) => t.formatNumber(x);
    const base = `/${locale}/questionnaires/${DEMO_CA_SURVEY_ID}/results`;
    const s = await browser.session({ name: `questionnaire-results-${locale}`, javaScript: true });
    await signIn(s, locale, DEMO.isu);
    await s.goto(base);
    expect(await htmlLangDir(s.page)).toEqual({ lang: locale, dir: locale === 'ar' ? 'rtl' : 'ltr' });
    expect(await s.page.locator('main p.lead').innerText()).toBe(t.t('questionnaires.results.counted_submitted', { count: submitted.length }));

    // The gender question's chart: an image with a name, and its table with the hand counts.
    const chart = s.page.locator('svg[role="img"][aria-labelledby^="chart-q-gender-integrated-title"]');
    await expect(chart.count()).resolves.toBe(1);
    const table = s.page.locator('section[aria-labelledby="h-gender-integrated"] table');
    const yesRow = table.locator('tbody tr', { hasText: t.t('questionnaires.results.yes') });
    expect((await yesRow.locator('td').nth(1).innerText()).trim().startsWith(n(integratedYes))).toBe(true);
    const noRow = table.locator('tbody tr', { hasText: t.t('questionnaires.results.no') }).last();
    expect((await noRow.locator('td').nth(1).innerText()).trim().startsWith(n(integratedNo))).toBe(true);
    await axeCheck(s.page, `results ${locale}`);
    await s.step('results summary');

    // Free-text answers: an Arabic search finds Iraq's answer, shown in Arabic.
    await s.goto(`${base}/answers`);
    await s.page.fill('#f-q', 'التمويل الدولي');
    await clickAndWait(s, 'form.filters button[type=submit]');
    const answer = s.page.locator('main .thread__body[lang="ar"]', { hasText: 'التمويل الدولي' });
    expect(await answer.first().innerText()).toBe(iraqChallenges);
    await axeCheck(s.page, `free-text answers ${locale}`);
    await s.step('free-text search');

    // Side by side for one State.
    await s.goto(`${base}/states/iq`);
    expect(await s.page.locator('section[aria-labelledby="side-answers"] .thread__body[lang="ar"]', { hasText: 'التمويل الدولي' }).count()).toBe(1);
    // Iraq's demo reports are analysed: its indicators stand next to its answers.
    expect(await s.page.locator('section[aria-labelledby="side-indicators"] table tbody tr').count()).toBeGreaterThan(0);
    await axeCheck(s.page, `state side by side ${locale}`);

    if (locale === 'en') {
      // The XLSX, labels in Arabic, as the browser downloads it.
      await s.goto(base);
      await s.page.selectOption('#export-lang', 'ar');
      const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.click('form[action$="/export.xlsx"] button[type=submit]')]);
      const sheets = await readXlsx(await readFile((await download.path())!));
      const responses = sheets.find((x) => x.name === tr('ar').t('questionnaires.results.export.sheet_responses'))!;
      const col = (code: string) => responses.rows[0]!.indexOf(code);
      const iq = responses.rows.find((r) => r[0] === 'mine_action_director:IQ')!;
      expect(iq[col('coordination.challenges')]).toBe(iraqChallenges);
      expect(iq[col('gender.integrated.label')]).toBe('نعم');
      expect(responses.rows.filter((r) => r[col('status')] === tr('ar').t('questionnaires.results.status.submitted'))).toHaveLength(submitted.length);
      expect(sheets.map((x) => x.name)).toContain('coordination.meetings');
    }
  });
});
