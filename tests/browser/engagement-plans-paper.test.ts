/**
 * The Committee's own records in Chromium, in Arabic and English: an ISU officer opens the 2023
 * gender & diversity action plan (ten workstreams), adds an item in the page's language and links
 * evidence to it by pasting an address; reads Senegal's internal page; opens the Committee's 2023
 * paper on its activities and priorities, written from the demo records, and downloads it as DOCX
 * and PDF in Arabic and English. Axe checks every page.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { loadCatalogues, createTranslators } from '../../src/platform/i18n/messages.ts';
import { workPlanItems, workPlans } from '../../src/areas/engagement/schema.ts';
import { axeCheck, clickAndWait, DEMO, htmlLangDir, signIn, useBrowser } from '../support/browser.ts';
import { docxParts, pdfText, squash } from '../integration/analysis/paper-support.ts';

const tr = createTranslators(loadCatalogues());
const browser = useBrowser();
const itemTitle: Record<string, string> = { ar: 'عرض نتائج الاستبيان على منسقي المسائل الجنسانية', en: 'Present the questionnaire results to the gender focal points' };

describe.each(['ar', 'en'] as const)('work plans, the internal State page and the committee paper (%s)', (locale) => {
  it('ISU adds a plan item with evidence, reads Senegal before a meeting and downloads the 2023 paper', async () => {
    const t = tr(locale);
    const s = await browser.session({ name: `engagement-${locale}` });
    await signIn(s, locale, DEMO.isu);

    // The plans, and the 2023 gender & diversity action plan of the demo data.
    await s.goto(`/${locale}/work-plans?year=2023`);
    expect(await htmlLangDir(s.page)).toEqual({ lang: locale, dir: locale === 'ar' ? 'rtl' : 'ltr' });
    await axeCheck(s.page, `work plans ${locale}`);
    const [plan] = await browser.app.database.db
      .select()
      .from(workPlans)
      .where(and(eq(workPlans.year, 2023), eq(workPlans.kind, 'gender_action_plan')));
    await clickAndWait(s, `main a[href="/${locale}/work-plans/${plan!.id}"]`);
    expect(await s.page.locator('main table').first().locator('tbody tr').count()).toBeGreaterThanOrEqual(10);
    await axeCheck(s.page, `gender plan ${locale}`);
    await s.step('plan');

    // A new item, written in the page's language.
    await s.page.fill('#f-title', itemTitle[locale]!);
    await s.page.fill('#f-owner_label', locale === 'ar' ? 'جهة التنسيق الجنسانية' : 'Gender focal point');
    await s.page.fill('#f-due', '2023-11-20');
    await s.page.fill('#f-actions', 'OAP-45, OAP-47');
    await clickAndWait(s, 'form[action$="/items"] button[type=submit]');
    expect(await s.page.locator('.banner--success').innerText()).toContain(t.t('engagement.plans.flash.item_added'));
    const item = (await browser.app.database.db.select().from(workPlanItems).where(eq(workPlanItems.planId, plan!.id))).find((i) => i.title[locale] === itemTitle[locale]);
    expect(item!.title[locale]).toBe(itemTitle[locale]);
    expect(item!.actionIds).toEqual(['OAP-45', 'OAP-47']);

    // Evidence: the address of the 2023 observations paper, pasted.
    await clickAndWait(s, `main a[href="/${locale}/work-plans/${plan!.id}/items/${item!.id}"]`);
    await s.page.fill('#f-address', `${browser.app.baseUrl}/${locale}/analysis/papers/2023`);
    await clickAndWait(s, 'form[action$="/links"] button[type=submit]');
    expect(await s.page.locator('.banner--success').innerText()).toContain(t.t('engagement.items.flash.linked'));
    expect(await s.page.locator(`#evidence a[href="/${locale}/analysis/papers/2023"]`).count()).toBe(1);
    await axeCheck(s.page, `plan item ${locale}`);
    await s.step('item');

    // Senegal before a meeting.
    await s.goto(`/${locale}/states/sn`);
    await clickAndWait(s, `main a[href="/${locale}/states/sn/internal"]`);
    expect(await s.page.locator('h1').innerText()).toBe(t.t('states.internal.title', { state: locale === 'ar' ? 'السنغال' : 'Senegal' }));
    expect(await s.page.locator('#state-contacts').count()).toBe(1);
    expect(await s.page.locator('#state-engagement').count()).toBe(1);
    await axeCheck(s.page, `internal state page ${locale}`);
    await s.step('internal');

    // The Committee's 2023 paper, written from the demo records.
    await s.goto(`/${locale}/committee-papers`);
    await axeCheck(s.page, `committee papers ${locale}`);
    const base = `/${locale}/committee-papers/cooperation-assistance/2023`;
    await clickAndWait(s, `main a[href="${base}"]`);
    const gender = await s.page.locator('#texts-form textarea[name="s_gender"]').inputValue();
    expect(gender).toContain(itemTitle[locale]);
    expect(await s.page.locator('#texts-form textarea[name="s_introduction"]').inputValue()).toContain(locale === 'ar' ? 'تايلاند' : 'Thailand');
    await axeCheck(s.page, `committee paper ${locale}`);
    await s.step('paper');

    for (const lang of ['ar', 'en'] as const) {
      const title = squash(tr(lang).t('engagement.paper.section.activities'));
      const docx = await s.context.request.get(s.url(`${base}.docx?lang=${lang}`));
      expect(docx.status()).toBe(200);
      const { document } = docxParts(Buffer.from(await docx.body()));
      expect(squash(document.replace(/<[^>]+>/g, ''))).toContain(title);
      if (lang === 'ar') expect(document).toContain('<w:bidi/>');
      const pdf = await s.context.request.get(s.url(`${base}.pdf?lang=${lang}`));
      expect(pdf.status()).toBe(200);
      expect(squash(pdfText(Buffer.from(await pdf.body())))).toContain(title);
    }
    expect(s.problems).toEqual([]);
    await s.close();
  }, 180_000);
});
