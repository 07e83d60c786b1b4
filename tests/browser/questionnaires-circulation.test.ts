/**
 * Circulating a questionnaire in Chromium, in Arabic and English: an ISU officer sets the closing
 * date and reminders, invites a mine action director of Senegal in French, confirms circulation
 * despite the languages still missing, and the invitation e-mail's personal link opens the
 * questionnaire in French for someone not signed in; once the link is revoked it says so. Axe
 * checks every page.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { loadCatalogues, createTranslators } from '../../src/platform/i18n/messages.ts';
import { outboxEmails } from '../../src/platform/mail/schema.ts';
import { questionnaireInvitations, questionnaires } from '../../src/areas/questionnaires/schema.ts';
import { axeCheck, clickAndWait, DEMO, htmlLangDir, signIn, useBrowser } from '../support/browser.ts';
import { createQuestionnaire } from '../support/questionnaires.ts';

const tr = createTranslators(loadCatalogues());
const browser = useBrowser();

describe.each(['ar', 'en'] as const)('circulating a questionnaire (%s)', (locale) => {
  it('ISU sets the dates, invites a director, circulates, and the e-mailed link opens, then is revoked', async () => {
    const title = { en: `Cooperation survey (${locale})`, fr: `Enquête sur la coopération (${locale})`, ar: `استبيان التعاون (${locale})` };
    const { questionnaireId } = await createQuestionnaire(browser.app.database, { circulated: false, title });
    const email = `director.${locale}@demo.example.org`;
    const s = await browser.session({ name: `circulation-${locale}` });
    await signIn(s, locale, DEMO.isu);

    const base = `/${locale}/questionnaires/${questionnaireId}/circulation`;
    await s.goto(base);
    expect(await htmlLangDir(s.page)).toEqual({ lang: locale, dir: locale === 'ar' ? 'rtl' : 'ltr' });
    await axeCheck(s.page, `circulation ${locale}`);
    await s.step('circulation');

    // Dates and reminders.
    await clickAndWait(s, `main a[href="${base}/settings"]`);
    const closes = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await s.page.fill('#f-closesOn', closes);
    await s.page.fill('#f-reminderEveryDays', '7');
    await axeCheck(s.page, `settings ${locale}`);
    await clickAndWait(s, `form[action="${base}/settings"] button[type=submit]`);
    expect(s.path().startsWith(base)).toBe(true);
    const [row] = await browser.app.database.db.select().from(questionnaires).where(eq(questionnaires.id, questionnaireId));
    expect(row!.reminderEveryDays).toBe(7);

    // One person, answering in French for Senegal.
    await clickAndWait(s, `main a[href="${base}/invitations/new"]`);
    await s.page.selectOption('#f-audience', 'mine_action_director');
    await s.page.selectOption('#f-stateIso2', 'SN');
    await s.page.fill('#f-name', 'Moussa Demo');
    await s.page.fill('#f-email', email);
    await s.page.selectOption('#f-locale', 'fr');
    await axeCheck(s.page, `invite ${locale}`);
    await clickAndWait(s, `form[action="${base}/invitations/new"] button[type=submit]`);
    expect(await s.page.locator('main').innerText()).toContain('Moussa Demo');

    // Circulate: Chinese, Russian and Spanish are missing, which must be confirmed.
    await clickAndWait(s, `main a[href="${base}/circulate"]`);
    await axeCheck(s.page, `circulate ${locale}`);
    await s.page.check('input[name="confirm"]');
    await clickAndWait(s, `form[action="${base}/circulate"] button[type=submit]`);
    const [circulated] = await browser.app.database.db.select().from(questionnaires).where(eq(questionnaires.id, questionnaireId));
    expect(circulated!.circulatedAt).not.toBeNull();
    await s.step('circulated');

    // The invitation e-mail, in French, with the personal link.
    const [mail] = await browser.app.database.db.select().from(outboxEmails).where(and(eq(outboxEmails.toAddress, email)));
    expect(mail!.locale).toBe('fr');
    const path = /https?:\/\/[^/\s]+(\/fr\/answer\/[A-Za-z0-9_-]+)/.exec(mail!.textBody)?.[1];
    expect(path).toBeTruthy();
    const visitor = await browser.session({ name: `circulation-visitor-${locale}` });
    const opened = await visitor.goto(path!);
    expect(opened.status()).toBe(200);
    expect(await visitor.page.locator('main').innerText()).toContain(title.fr);
    await visitor.close();

    // Revoked: the same link now says so.
    const [inv] = await browser.app.database.db.select().from(questionnaireInvitations).where(eq(questionnaireInvitations.email, email));
    await s.goto(`${base}/invitations/${inv!.id}`);
    await axeCheck(s.page, `invitation ${locale}`);
    await clickAndWait(s, `form[action="${base}/invitations/${inv!.id}/revoke"] button[type=submit]`);
    const again = await browser.session({ name: `circulation-revoked-${locale}` });
    again.allowErrorDocuments(410);
    const refused = await again.goto(path!);
    expect(refused.status()).toBe(410);
    expect(await again.page.locator('h1').innerText()).not.toContain(title.fr);
    expect(await again.page.locator('main').innerText()).toContain(tr('fr').t('questionnaires.answering.link.revoked_title'));
    await again.close();
    expect(s.problems).toEqual([]);
    await s.close();
  }, 180_000);
});
