/**
 * Meetings in the browser, in English and in Arabic: the demo ISU officer records a bilateral
 * meeting with a State taking part and two follow-up actions (one owned by a platform user), finds
 * it in the calendar, and imports the personal calendar feed (fetched from the address the page
 * gives, parsed with ical.js). Axe checks the list, meeting and calendar pages.
 */
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { loadCatalogues, createTranslators } from '../../src/platform/i18n/messages.ts';
import { axeCheck, clickAndWait, DEMO, htmlLangDir, signIn, useBrowser, type Session } from '../support/browser.ts';

const tr = createTranslators(loadCatalogues());
const browser = useBrowser();

/** A day `days` from now (the meeting is upcoming, so its follow-ups are due soon). */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

async function recordBilateral(s: Session, locale: 'en' | 'ar', o: { title: string; date: string; state: string; followUps: [string, string] }) {
  const t = tr(locale).t;
  await s.goto(`/${locale}/meetings`);
  expect(await s.page.locator('h1').innerText()).toBe(t('engagement.meetings.list_title'));
  if (locale === 'en') await axeCheck(s.page, `/${locale}/meetings`);
  await clickAndWait(s, `main a[href="/${locale}/meetings/new"]`);
  await s.page.selectOption('#f-kind', 'bilateral');
  await s.page.fill('#f-title', o.title);
  await s.page.fill('#f-start_date', o.date);
  await s.page.fill('#f-start_time', '10:00');
  await s.page.fill('#f-end_time', '11:30');
  await s.page.fill('#f-place', 'Genève / Geneva');
  await s.page.check('main input[name="committees"][value="cooperation-assistance"]');
  await s.page.check('#f-with_presidency');
  await s.page.check('main input[name="confidentiality"][value="committee"]');
  await s.page.fill('#f-gender_questions', locale === 'ar' ? 'كيف تُستشار النساء في المسح؟' : 'How are women consulted in survey teams?');
  await s.step(`${locale} meeting form`);
  await clickAndWait(s, 'main form button[type=submit]');
  expect(s.path()).toMatch(new RegExp(`^/${locale}/meetings/[0-9a-f-]{36}\\?flash=recorded$`));
  expect(await s.page.locator('h1').innerText()).toContain(o.title);
  const meetingPath = s.path().split('?')[0]!;

  // A State taking part.
  await s.page.selectOption('#f-state', o.state);
  await clickAndWait(s, 'main form:has(#f-state) button[type=submit]');
  expect(await s.page.locator('.banner--success').innerText()).toContain(t('engagement.meetings.flash.participant_added'));

  // Two follow-up actions, the first owned by a platform user.
  await s.page.selectOption('#f-kind', 'follow_up');
  await s.page.fill('#f-text', o.followUps[0]);
  await s.page.selectOption('#f-owner', { label: 'Demo Committee Member' });
  await s.page.fill('#f-due', dayFromNow(30));
  await clickAndWait(s, 'main form:has(#f-text) button[type=submit]');
  await s.page.selectOption('#f-kind', 'follow_up');
  await s.page.fill('#f-text', o.followUps[1]);
  await s.page.fill('#f-owner_label', locale === 'ar' ? 'وحدة دعم التنفيذ' : 'ISU');
  await s.page.fill('#f-due', dayFromNow(40));
  await clickAndWait(s, 'main form:has(#f-text) button[type=submit]');
  const actions = s.page.locator('#actions ~ .table-wrap, section:has(#actions) table');
  expect(await actions.first().innerText()).toContain(o.followUps[0]);
  expect(await actions.first().innerText()).toContain(o.followUps[1]);
  expect(await actions.first().innerText()).toContain('Demo Committee Member');
  await s.step(`${locale} meeting with participant and follow-ups`);
  if (locale === 'en') await axeCheck(s.page, `/${locale}/meetings/:id`);
  return meetingPath;
}

async function checkCalendarAndFeed(s: Session, locale: 'en' | 'ar', o: { title: string; date: string; followUps: [string, string] }) {
  const t = tr(locale).t;
  await s.goto(`/${locale}/calendar?month=${o.date.slice(0, 7)}`);
  const main = s.page.locator('main');
  expect(await main.innerText()).toContain(o.title);
  expect(await s.page.locator(`#day-${o.date}`).innerText()).toContain(o.title);
  // The follow-ups due within the coming weeks.
  await s.goto(`/${locale}/calendar`);
  expect(await s.page.locator('section:has(#due-actions)').innerText()).toContain(o.followUps[0]);
  await s.step(`${locale} calendar`);
  await axeCheck(s.page, `/${locale}/calendar`);

  await clickAndWait(s, `main a[href="/${locale}/calendar/feed"]`);
  await clickAndWait(s, 'main form button[type=submit]');
  // Created the first time, replaced when the same demo account comes back (the other language's test).
  const banner = await s.page.locator('.banner--success').innerText();
  expect([t('engagement.calendar.flash.created'), t('engagement.calendar.flash.renewed')].some((m) => banner.includes(m))).toBe(true);
  const address = await s.page.locator('#f-feed').inputValue();
  expect(address).toMatch(/\/calendar\/[A-Za-z0-9_-]{40,64}\.ics$/);
  // The page gives the configured public address; the test server listens elsewhere, same path.
  const res = await fetch(s.url(new URL(address).pathname));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  const comp = new ICAL.Component(ICAL.parse(await res.text()));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const event = comp
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v))
    .find((e) => e.summary === o.title);
  expect(event).toBeDefined();
  expect(event!.startDate.zone?.tzid).toBe('Europe/Zurich');
  expect(event!.startDate.hour).toBe(10);
  expect(event!.endDate.minute).toBe(30);
  expect(event!.location).toBe('Genève / Geneva');
}

describe('recording a bilateral meeting and importing the calendar', () => {
  it('in English', async () => {
    const s = await browser.session({ name: 'meetings-en' });
    await s.goto('/en/login');
    await signIn(s, 'en', DEMO.isu);
    const o = { title: 'Bilateral meeting with Senegal, follow-up of 2023', date: dayFromNow(14), state: 'SN', followUps: ['Send the written observations to Senegal', 'Share the reporting guide on gender and diversity'] as [string, string] };
    await recordBilateral(s, 'en', o);
    await checkCalendarAndFeed(s, 'en', o);
  });

  it('in Arabic, right to left', async () => {
    const s = await browser.session({ name: 'meetings-ar' });
    await s.goto('/ar/login');
    await signIn(s, 'ar', DEMO.isu);
    const o = { title: 'اجتماع ثنائي مع العراق', date: dayFromNow(16), state: 'IQ', followUps: ['إرسال الملاحظات المكتوبة إلى العراق', 'مشاركة دليل الإبلاغ بشأن النوع الاجتماعي'] as [string, string] };
    await recordBilateral(s, 'ar', o);
    expect(await htmlLangDir(s.page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await checkCalendarAndFeed(s, 'ar', o);
  });
});
