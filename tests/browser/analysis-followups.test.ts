/**
 * A follow-up letter in Chromium, in Arabic and English: the reviewer has found no gender and
 * diversity information in a demo report that gives cooperation and assistance information (the
 * reviewer's decisions are recorded first, as ISU would on the indicator page). An ISU officer
 * opens the follow-ups of the year, drafts the letter for that State (drafted in the State's
 * language from the template), edits and sends it, finds it in the e-mail outbox and tracked as
 * sent, and marks it answered with a note. axe is clean on every follow-up page.
 */
import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { loadCatalogues, createTranslators } from '../../src/platform/i18n/messages.ts';
import { outboxEmails } from '../../src/platform/mail/schema.ts';
import { followUps, reportIndicators } from '../../src/areas/analysis/schema.ts';
import { decideIndicator } from '../../src/areas/analysis/index.ts';
import { loadPrincipal } from '../../src/areas/accounts/index.ts';
import { users } from '../../src/areas/accounts/schema.ts';
import { axeCheck, clickAndWait, DEMO, htmlLangDir, signIn, useBrowser } from '../support/browser.ts';

const tr = createTranslators(loadCatalogues());
const browser = useBrowser();

interface Variant {
  locale: 'ar' | 'en';
  state: string;
  stateName: string;
  /** The language of submission on the demo report's cover page. */
  letterLocale: string;
  year: number;
}

describe.each<Variant>([
  { locale: 'ar', state: 'IQ', stateName: 'العراق', letterLocale: 'ar', year: 2023 },
  { locale: 'en', state: 'KH', stateName: 'Cambodia', letterLocale: 'en', year: 2023 },
])('a follow-up letter ($locale)', ({ locale, state, stateName, letterLocale, year }) => {
  it('ISU drafts, edits and sends the letter for a State with C&A but no G&D information, then marks it answered', async () => {
    const t = tr(locale);
    const db = browser.app.database;
    const [report] = await db.query<{ id: string }>(`select id::text as id from reports where state_iso2 = $1 and year = $2 and kind = 'annual'`, [state, year]);
    expect(report, `the demo report of ${state} ${year}`).toBeTruthy();
    // The reviewer's decisions: nothing on gender and diversity in this report.
    const [isuUser] = await db.db.select().from(users).where(eq(users.email, DEMO.isu));
    const isu = (await loadPrincipal(db.db, isuUser!.id, { demoMode: true }))!;
    for (const indicatorId of ['gd.integrated', 'gd.disaggregated']) {
      const [row] = await db.db.select().from(reportIndicators).where(and(eq(reportIndicators.reportId, report!.id), eq(reportIndicators.indicatorId, indicatorId)));
      await decideIndicator(db, { userId: isuUser!.id, label: DEMO.isu }, isu, { reportId: report!.id, indicatorId, decision: 'no', note: 'Nothing on gender and diversity in this report.', expectedVersion: row!.version });
    }

    const s = await browser.session({ name: `followups-${locale}`, javaScript: true });
    await signIn(s, locale, DEMO.isu);

    await s.goto(`/${locale}/analysis/follow-ups?year=${year}`);
    expect(await htmlLangDir(s.page)).toEqual({ lang: locale, dir: locale === 'ar' ? 'rtl' : 'ltr' });
    expect(await s.page.locator('h1').innerText()).toBe(t.t('analysis.followups.title'));
    const candidates = s.page.locator('main table').first();
    expect(await candidates.innerText()).toContain(stateName);
    await axeCheck(s.page, `follow-ups ${locale}`);
    await s.step('candidates');

    await clickAndWait(s, `main form[action="/${locale}/analysis/follow-ups"]:has(input[name=state][value=${state}]) button[type=submit]`);
    const [f] = await db.db.select().from(followUps).where(eq(followUps.stateIso2, state));
    expect(f).toMatchObject({ status: 'draft', locale: letterLocale, reportId: report!.id, gaps: ['cooperation_without_gender'] });
    const page = `/${locale}/analysis/follow-ups/${year}/${state.toLowerCase()}`;
    expect(s.path()).toBe(`${page}?done=drafted`);
    expect(await s.page.locator('.banner--success').innerText()).toContain(t.t('analysis.followups.flash.drafted'));
    const body = await s.page.locator('#f-body').inputValue();
    expect(body).toContain(stateName);
    expect(body).not.toMatch(/\{(state|year|gaps|committee|reply_by)\}/);
    await axeCheck(s.page, `drafted ${locale}`);
    await s.step('drafted');

    const addition = locale === 'ar' ? 'ونرحب بأي أمثلة عملية في هذا الشأن.' : 'Practical examples would be most welcome.';
    await s.page.fill('#f-body', `${body}\n\n${addition}`);
    await clickAndWait(s, `main form[action="/${locale}/analysis/follow-ups/${f!.id}"] button[type=submit]`);
    expect(await s.page.locator('.banner--success').innerText()).toContain(t.t('analysis.followups.flash.saved'));
    expect(await s.page.locator('#f-body').inputValue()).toContain(addition);
    await s.step('edited');

    await clickAndWait(s, `main form[action$="/${f!.id}/send"] button[type=submit]`);
    expect(await s.page.locator('.banner--success').innerText()).toContain(t.t('analysis.followups.flash.sent'));
    expect(await s.page.locator('main .tag').first().innerText()).toBe(t.t('analysis.followups.status.sent'));
    expect(await s.page.locator('main .email-body').innerText()).toContain(addition);
    await axeCheck(s.page, `sent ${locale}`);
    await s.step('sent');

    const sent = await db.db.select().from(outboxEmails).where(and(eq(outboxEmails.kind, 'follow_up'), sql`${outboxEmails.dedupeKey} like ${`follow_up:${f!.id}:%`}`));
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((m) => m.textBody.endsWith(addition) && m.locale === letterLocale)).toBe(true);
    await s.goto(`/${locale}/admin/outbox`);
    expect(await s.page.locator('main').innerText()).toContain(sent[0]!.subject);
    await s.step('outbox');

    await s.goto(page);
    const note = locale === 'ar' ? 'ردّت البعثة الدائمة بمذكرة شفوية في 3 أيار/مايو.' : 'The permanent mission answered by note verbale on 3 May.';
    await s.page.fill('#f-note', note);
    await clickAndWait(s, `main form[action$="/${f!.id}/answer"] button[type=submit]`);
    expect(await s.page.locator('.banner--success').innerText()).toContain(t.t('analysis.followups.flash.answered'));
    expect(await s.page.locator('main').innerText()).toContain(note);
    await axeCheck(s.page, `answered ${locale}`);
    await s.step('answered');

    await s.goto(`/${locale}/analysis/follow-ups?year=${year}`);
    const list = s.page.locator('main table').nth(1);
    expect(await list.innerText()).toContain(stateName);
    expect(await list.innerText()).toContain(t.t('analysis.followups.status.answered'));
    await s.step('tracked');

    // The templates the letter came from, with a preview for a sample State.
    await s.goto(`/${locale}/analysis/follow-ups/templates?key=cooperation_without_gender&lang=${letterLocale}&sample=${state}`);
    expect(await s.page.locator('h1').innerText()).toBe(t.t('analysis.followups.templates.title'));
    expect(await s.page.locator('main .email-body').innerText()).toContain(stateName);
    await axeCheck(s.page, `templates ${locale}`);
    await s.step('templates');

    const [after] = await db.db.select().from(followUps).where(eq(followUps.id, f!.id));
    expect(after).toMatchObject({ status: 'answered', answerNote: note });
    expect(after!.sentAt).toBeInstanceOf(Date);
  });
});
