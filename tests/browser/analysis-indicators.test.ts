/**
 * The indicators of a report in Chromium, in Arabic and English, with and without JavaScript: an
 * ISU officer opens the year's reports, goes to one demo report (analysed at seed time), confirms
 * one indicator, tries to override another without a note (refused with the error summary), then
 * overrides it with a note; the page shows both values, the database holds both decisions and the
 * audit log records them. Each variant works on a report of its own.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { loadCatalogues, createTranslators } from '../../src/platform/i18n/messages.ts';
import { auditEvents } from '../../src/platform/audit/schema.ts';
import { reportIndicators } from '../../src/areas/analysis/schema.ts';
import { indicatorDefinition } from '../../src/areas/analysis/index.ts';
import { axeCheck, clickAndWait, DEMO, htmlLangDir, signIn, useBrowser } from '../support/browser.ts';

const tr = createTranslators(loadCatalogues());
const browser = useBrowser();

interface Variant {
  locale: 'ar' | 'en';
  js: boolean;
  state: string;
  year: number;
}

const fieldSuffix = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '-');

describe.each<Variant>([
  { locale: 'ar', js: true, state: 'SN', year: 2023 },
  { locale: 'en', js: true, state: 'KH', year: 2023 },
  { locale: 'ar', js: false, state: 'CO', year: 2023 },
  { locale: 'en', js: false, state: 'BA', year: 2023 },
])('reviewing indicators ($locale, JavaScript $js)', ({ locale, js, state, year }) => {
  it('ISU confirms one indicator and overrides another with a note', async () => {
    const t = tr(locale);
    const db = browser.app.database;
    const [report] = await db.query<{ id: string }>(`select id::text as id from reports where state_iso2 = $1 and year = $2 and kind = 'annual'`, [state, year]);
    expect(report, `the demo report of ${state} ${year}`).toBeTruthy();
    const rows = await db.db.select().from(reportIndicators).where(eq(reportIndicators.reportId, report!.id));
    // The indicators to review: one whose automatic value is confirmed, one that is overridden.
    const confirm = rows.find((r) => r.indicatorId === 'ca.assistance_received' && r.autoValue !== 'unknown')!;
    const override = rows.find((r) => r.indicatorId === 'gd.integrated')!;
    expect(confirm).toBeTruthy();
    expect(override).toBeTruthy();
    const overrideTo = override.autoValue === 'yes' ? 'no' : 'yes';
    const title = (id: string) => indicatorDefinition(id)!.title[locale];

    const s = await browser.session({ name: `indicators-${locale}-${js ? 'js' : 'nojs'}`, javaScript: js });
    s.allowErrorDocuments(422);
    await signIn(s, locale, DEMO.isu);

    await s.goto(`/${locale}/analysis/reports?year=${year}`);
    expect(await htmlLangDir(s.page)).toEqual({ lang: locale, dir: locale === 'ar' ? 'rtl' : 'ltr' });
    expect(await s.page.locator('h1').innerText()).toBe(t.t('analysis.reports.title'));
    if (js) await axeCheck(s.page, `indicators list ${locale}`);
    await s.step('reports of the year');
    await clickAndWait(s, `main a[href="/${locale}/analysis/reports/${report!.id}"]`);
    expect(s.path()).toBe(`/${locale}/analysis/reports/${report!.id}`);
    expect(await s.page.locator('main mark').count()).toBeGreaterThan(0);
    if (js) await axeCheck(s.page, `report indicators ${locale}`);
    await s.step('report indicators');

    // Confirm: the automatic value, chosen as the decision.
    const c = fieldSuffix(confirm.indicatorId);
    await s.page.check(`#f-decision-${c}${confirm.autoValue === 'yes' ? '' : '-1'}`);
    await clickAndWait(s, `form[action$="/indicators/${confirm.indicatorId}"] button[type=submit]`);
    expect(await s.page.locator('.banner--success').innerText()).toContain(t.t('analysis.report.decided_confirmed', { indicator: title(confirm.indicatorId) }));
    await s.step('confirmed');

    // Override without a note: refused, the error summary links to the note.
    const o = fieldSuffix(override.indicatorId);
    await s.page.check(`#f-decision-${o}${overrideTo === 'yes' ? '' : '-1'}`);
    await clickAndWait(s, `form[action$="/indicators/${override.indicatorId}"] button[type=submit]`);
    const summary = s.page.locator('.error-summary');
    expect(await summary.innerText()).toContain(t.t('errors.analysis.decision.note_required'));
    expect(await summary.locator(`a[href="#f-note-${o}"]`).isVisible()).toBe(true);
    if (js) expect(await s.page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    if (js) await axeCheck(s.page, `override refused ${locale}`);
    await s.step('note required');

    // With a note it goes through; both values are shown.
    const note = locale === 'ar' ? 'راجعت وحدة دعم التنفيذ التقرير كاملاً ومرفقاته.' : 'Checked by the ISU against the whole report and its annexes.';
    await s.page.check(`#f-decision-${o}${overrideTo === 'yes' ? '' : '-1'}`);
    await s.page.fill(`#f-note-${o}`, note);
    await clickAndWait(s, `form[action$="/indicators/${override.indicatorId}"] button[type=submit]`);
    expect(await s.page.locator('.banner--success').innerText()).toContain(t.t('analysis.report.decided_overridden', { indicator: title(override.indicatorId) }));
    const section = s.page.locator(`#indicator-${o}`);
    const sectionText = await section.innerText();
    expect(sectionText).toContain(t.t('analysis.report.differs', { auto: t.t(`analysis.value.${override.autoValue}`), decision: t.t(`analysis.value.${overrideTo}`) }));
    expect(sectionText).toContain(note);
    if (js) await axeCheck(s.page, `overridden ${locale}`);
    await section.scrollIntoViewIfNeeded();
    await s.step('overridden indicator', { fullPage: false });

    const after = await db.db.select().from(reportIndicators).where(eq(reportIndicators.reportId, report!.id));
    expect(after.find((r) => r.indicatorId === confirm.indicatorId)).toMatchObject({ decision: confirm.autoValue, autoValue: confirm.autoValue });
    expect(after.find((r) => r.indicatorId === override.indicatorId)).toMatchObject({ decision: overrideTo, decisionNote: note, autoValue: override.autoValue });
    for (const [action, id] of [
      ['analysis.indicator.confirmed', confirm.indicatorId],
      ['analysis.indicator.overridden', override.indicatorId],
    ] as const) {
      const events = await db.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, `${report!.id}:${id}`)));
      expect(events, action).toHaveLength(1);
    }
  });
});
