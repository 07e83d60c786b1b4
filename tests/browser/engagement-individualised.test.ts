/**
 * The individualised approach in the browser: the demo ISU user records Cambodia's interest, fills
 * its profile from its latest Article 7 report, links the meeting, writes the final report in
 * English and Arabic and publishes it; then a visitor who is not signed in reaches it from
 * Cambodia's public page and reads it in English and, through the language switcher, in Arabic.
 * Every page is checked with axe and screenshotted.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogues, createTranslators } from '../../src/platform/i18n/messages.ts';
import { meetingParticipants, meetings } from '../../src/areas/engagement/schema.ts';
import { seedDemoNationalPlatforms } from '../../src/areas/engagement/platforms/index.ts';
import { axeCheck, clickAndWait, DEMO, htmlLangDir, signIn, useBrowser } from '../support/browser.ts';

const tr = createTranslators(loadCatalogues());
const en = tr('en');
const ar = tr('ar');

const browser = useBrowser();

const FINAL_EN = 'Cambodia presented the mine action challenges that remain and its plan to finish by its Article 5 deadline. (Browser test.)';
const FINAL_AR = 'عرضت كمبوديا التحديات المتبقية في الأعمال المتعلقة بالألغام وخطتها للإنجاز قبل موعدها النهائي بموجب المادة 5. (اختبار المتصفح.)';

describe('individualised approach, from interest to the public final report', () => {
  it('takes Cambodia through preparation, meeting and final report to its public page, in English and Arabic', async () => {
    // The meeting where Cambodia presents (the meetings pages are tested on their own).
    const db = browser.app.database.db;
    const [m] = await db
      .insert(meetings)
      .values({ kind: 'individualised_approach', title: { en: 'Individualised approach: Cambodia (browser test)' }, startsAt: new Date('2024-06-19T12:00:00Z'), endsAt: new Date('2024-06-19T13:30:00Z'), confidentiality: 'platform', committeeIds: ['cooperation-assistance'], status: 'held' })
      .returning();
    await db.insert(meetingParticipants).values({ meetingId: m!.id, kind: 'state', stateIso2: 'KH', role: 'presenter' });

    const s = await browser.session({ name: 'individualised-approach-isu' });
    await signIn(s, 'en', DEMO.isu);
    await s.goto('/en/individualised-approach');
    expect(await s.page.locator('h1').innerText()).toBe(en.t('engagement.individualised.list_title'));
    await axeCheck(s.page, '/en/individualised-approach');
    await s.page.selectOption('#f-state', 'KH');
    await s.page.fill('#f-interest_on', '2024-03-01');
    await s.page.fill('#f-intended_event', 'Intersessional meetings, June 2024');
    await clickAndWait(s, 'main form[method=post][action="/en/individualised-approach"] button[type=submit]');
    expect(s.path()).toMatch(/^\/en\/individualised-approach\/[0-9a-f-]{36}\?flash=created$/);
    const record = s.path().split('?')[0]!;
    expect(await s.page.locator('h1').innerText()).toContain(en.t('engagement.individualised.record_title', { state: 'Cambodia' }));
    await s.step('interest recorded');
    await axeCheck(s.page, 'record page');

    // Preparation: the profile filled from the report, each figure with its source.
    await s.page.selectOption('#f-to', 'preparation');
    await clickAndWait(s, `main form[action="${record}/status"] button[type=submit]`);
    await clickAndWait(s, `main a[href="${record}/profile"]`);
    await axeCheck(s.page, 'profile page');
    await clickAndWait(s, `main form[action="${record}/profile/prefill"] button[type=submit]`);
    expect(await s.page.locator('.banner--success').innerText()).toContain(en.t('engagement.individualised.flash.prefilled'));
    const figures = s.page.locator('#profile ~ .table-wrap').first();
    expect(await figures.innerText()).toContain(en.t('engagement.individualised.figure_source.C'));
    await s.step('profile prefilled');

    // The meeting, then the summary step.
    await clickAndWait(s, `main a[href="${record}/meeting"]`);
    await s.page.check(`input[name=meeting][value="${m!.id}"]`);
    await axeCheck(s.page, 'meeting page');
    await clickAndWait(s, `main form[action="${record}/meeting"] button[type=submit]`);
    for (const to of ['meeting', 'summary']) {
      await s.page.selectOption('#f-to', to);
      await clickAndWait(s, `main form[action="${record}/status"] button[type=submit]`);
    }
    expect(await s.page.locator('main').innerText()).toContain('Individualised approach: Cambodia (browser test)');

    // The final report in English and Arabic, then publication.
    await clickAndWait(s, `main a[href="${record}/final-report"]`);
    expect(await s.page.locator('#f-text-ar').getAttribute('lang')).toBe('ar');
    await s.page.fill('#f-text-en', FINAL_EN);
    await s.page.fill('#f-text-ar', FINAL_AR);
    await axeCheck(s.page, 'final report page');
    await s.step('final report written');
    await clickAndWait(s, `main form[action="${record}/final-report"] button[type=submit]`);
    await clickAndWait(s, `main form[action="${record}/publish"] button[type=submit]`);
    expect(await s.page.locator('.banner--success').innerText()).toContain(en.t('engagement.individualised.flash.published'));
    await s.step('published');

    // A visitor reaches it from Cambodia's public page.
    const v = await browser.session({ name: 'individualised-approach-visitor' });
    await v.goto('/en/states/kh');
    const id = record.split('/').pop()!;
    await clickAndWait(v, `main a[href="/en/states/kh/individualised-approach/${id}"]`);
    expect(await htmlLangDir(v.page)).toEqual({ lang: 'en', dir: 'ltr' });
    expect(await v.page.locator('h1').innerText()).toBe(en.t('engagement.individualised.public_title', { state: 'Cambodia' }));
    expect(await v.page.locator('main .narrative').innerText()).toBe(FINAL_EN);
    await v.step('public page, English');
    await axeCheck(v.page, 'public final report, English');
    await clickAndWait(v, '.language-switcher a[hreflang="ar"]');
    expect(await htmlLangDir(v.page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await v.page.locator('h1').innerText()).toContain(ar.t('engagement.individualised.public_crumb'));
    expect(await v.page.locator('main .narrative').getAttribute('lang')).toBe('ar');
    expect(await v.page.locator('main .narrative').innerText()).toBe(FINAL_AR);
    await v.step('public page, Arabic');
    await axeCheck(v.page, 'public final report, Arabic');
  });

  it.each([
    ['ar', 'منظمة تجريبية للناجين', '٣'],
    ['en', 'Survivors network (demo)', '3'],
  ] as const)('shows the national platforms and a member added through the plain form (%s)', async (locale, organisation, women) => {
    await seedDemoNationalPlatforms(browser.app.database);
    const s = await browser.session({ name: `national-platforms-isu-${locale}` });
    await signIn(s, locale, DEMO.isu);
    await s.goto(`/${locale}/national-platforms`);
    expect(await htmlLangDir(s.page)).toEqual({ lang: locale, dir: locale === 'ar' ? 'rtl' : 'ltr' });
    await axeCheck(s.page, `/${locale}/national-platforms`);
    await clickAndWait(s, `main a[href="/${locale}/national-platforms/kh"]`);
    await s.page.fill('#f-organisation', organisation);
    await s.page.selectOption('#f-kind', 'survivors');
    await s.page.fill('#f-women', women);
    await s.page.fill('#f-men', '2');
    await clickAndWait(s, `main form[action="/${locale}/national-platforms/kh/members"] button[type=submit]`);
    expect(s.path()).toBe(`/${locale}/national-platforms/kh?flash=member_added`);
    expect(await s.page.locator('main').innerText()).toContain(organisation);
    await s.step(`member added, ${locale}`);
    await axeCheck(s.page, `/${locale}/national-platforms/kh`);
  });
});
