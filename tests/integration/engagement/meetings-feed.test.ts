/**
 * The personal iCalendar feed through the real app, parsed with ical.js (an RFC 5545 parser that is
 * not our code): the address shown on the feed page, events with their times in the venue's time
 * zone, whole days as dates, folding and escaping read back exactly, cancelled meetings, only the
 * meetings the owner may read now (re-checked on every fetch), a new address replacing the old one,
 * a disabled owner's feed gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { users } from '../../../src/areas/accounts/schema.ts';
import { calendarFeeds, meetings } from '../../../src/areas/engagement/schema.ts';
import { sha256Hex } from '../../../src/platform/auth/crypto.ts';

let t: TestApp;
let member: Agent;
let memberId: string;
let isu: Agent;

const LONG_TITLE = 'Bilateral meeting: Senegal, Chad; follow-up of the 2023 commitments \\ with a very long title that must be folded — اجتماع ثنائي مع السنغال';

async function record(agent: Agent, form: Record<string, string | string[]>) {
  await agent.get('/en/meetings/new');
  const res = await agent.post('/en/meetings', {
    kind: 'bilateral',
    start_time: '10:00',
    end_time: '11:30',
    time_zone: 'Europe/Zurich',
    committees: ['cooperation-assistance'],
    confidentiality: 'committee',
    status: 'planned',
    ...form,
  });
  expect(res.status, res.body.slice(0, 1500)).toBe(303);
  return /meetings\/([0-9a-f-]{36})/.exec(res.location!)![1]!;
}

/** The feed address shown on the page (the page is the only place it is given). */
async function feedPath(agent: Agent): Promise<string> {
  const page = await agent.get('/en/calendar/feed');
  expect(page.headers['cache-control']).toBe('no-store');
  const m = /id="f-feed" type="text" readonly="" value="([^"]+)"|value="([^"]+\.ics)"/.exec(page.body);
  const address = m![1] ?? m![2]!;
  expect(address.startsWith(`${t.config.baseUrl}/calendar/`)).toBe(true);
  return new URL(address).pathname;
}

function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return comp.getAllSubcomponents('vevent').map((v) => ({ raw: v, event: new ICAL.Event(v) }));
}

beforeAll(async () => {
  t = await createTestApp();
  const m = await createUser(t.database, { role: 'committee_member', committeeId: 'cooperation-assistance', locale: 'fr' });
  memberId = m.id;
  member = new Agent(t.app);
  expect((await member.signIn(m.email)).status).toBe(303);
  const i = await createUser(t.database, { role: 'isu_staff' });
  isu = new Agent(t.app);
  expect((await isu.signIn(i.email)).status).toBe(303);
}, 120_000);
afterAll(async () => t?.close());

describe('the feed page', () => {
  it('creates a personal address on request, shows it again, and needs a signed-in user', async () => {
    expect((await new Agent(t.app).get('/en/calendar/feed')).status).toBe(303);
    const empty = await member.get('/en/calendar/feed');
    expect(empty.body).toContain('Create my calendar address');
    const created = await member.post('/en/calendar/feed');
    expect(created.location).toBe('/en/calendar/feed?flash=created');
    const first = await feedPath(member);
    expect(await feedPath(member)).toBe(first);
    // The database keeps the hash of the token, never the token.
    const [row] = await t.database.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, memberId));
    const token = /\/calendar\/([^.]+)\.ics$/.exec(first)![1]!;
    expect(row!.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);
  });
});

describe('the feed', () => {
  let timed: string;
  let allDay: string;
  let cancelled: string;
  let secret: string;

  beforeAll(async () => {
    timed = await record(member, { title: LONG_TITLE, start_date: '2025-06-21', place: 'Geneva, Palais des Nations; Room XVIII' });
    allDay = await record(member, { kind: 'msp', title: 'Twenty-Second Meeting of the States Parties', all_day: 'on', start_date: '2025-12-01', end_date: '2025-12-05', confidentiality: 'public' });
    cancelled = await record(member, { title: 'Cancelled meeting', start_date: '2025-02-03', time_zone: 'Asia/Phnom_Penh', start_time: '09:00', end_time: '10:00' });
    const [c] = await t.database.db.select().from(meetings).where(eq(meetings.id, cancelled));
    await member.get(`/en/meetings/${cancelled}/edit`);
    expect((await member.post(`/en/meetings/${cancelled}`, { kind: 'bilateral', title: 'Cancelled meeting', start_date: '2025-02-03', start_time: '09:00', end_time: '10:00', time_zone: 'Asia/Phnom_Penh', committees: ['cooperation-assistance'], confidentiality: 'committee', status: 'cancelled', version: String(c!.version) })).status).toBe(303);
    secret = await record(isu, { title: 'Talks the member may not read', start_date: '2025-06-22', committees: ['article5'] });
  });

  it('is an RFC 5545 calendar that a real parser reads: times, dates, folding, escaping, status, sequence', async () => {
    const path = await feedPath(member);
    const res = await new Agent(t.app).get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // CRLF everywhere, no line longer than 75 octets.
    expect(res.body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of res.body.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(res.body).toMatch(/\r\n [^\r\n]/);

    const events = parse(res.body);
    const byUid = new Map(events.map((e) => [e.event.uid, e]));
    expect(events).toHaveLength(3);
    expect(res.body).not.toContain('Talks the member may not read');

    const m1 = byUid.get(`meeting-${timed}@localhost`)!;
    expect(m1.event.summary).toBe(LONG_TITLE);
    expect(m1.event.location).toBe('Geneva, Palais des Nations; Room XVIII');
    expect(m1.event.startDate.toJSDate().toISOString()).toBe('2025-06-21T08:00:00.000Z');
    expect(m1.event.endDate.toJSDate().toISOString()).toBe('2025-06-21T09:30:00.000Z');
    expect(m1.event.startDate.zone?.tzid).toBe('Europe/Zurich');
    // The owner's language (French) for the kind, and the meeting's address.
    expect(m1.event.description).toContain('Réunion bilatérale');
    expect(m1.event.description).toContain(`${t.config.baseUrl}/fr/meetings/${timed}`);
    expect(m1.raw.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(m1.raw.getFirstPropertyValue('dtstamp')).toBeTruthy();

    const m2 = byUid.get(`meeting-${allDay}@localhost`)!;
    expect(m2.event.startDate.isDate).toBe(true);
    expect(m2.event.startDate.toString()).toBe('2025-12-01');
    expect(m2.event.endDate.toString()).toBe('2025-12-06');

    const m3 = byUid.get(`meeting-${cancelled}@localhost`)!;
    expect(m3.raw.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(m3.event.sequence).toBe(1);
    expect(m3.event.startDate.toJSDate().toISOString()).toBe('2025-02-03T02:00:00.000Z');
    expect(m3.event.startDate.zone?.tzid).toBe('Asia/Phnom_Penh');
  });

  it('re-checks what the owner may read on every fetch', async () => {
    const path = await feedPath(member);
    await t.database.db.update(meetings).set({ confidentiality: 'participants' }).where(eq(meetings.id, timed));
    const res = await new Agent(t.app).get(path);
    expect(res.body).not.toContain(`meeting-${timed}`);
    expect(parse(res.body)).toHaveLength(2);
    await t.database.db.update(meetings).set({ committeeIds: ['article5', 'cooperation-assistance'] }).where(eq(meetings.id, secret));
    expect(parse((await new Agent(t.app).get(path)).body).map((e) => e.event.summary)).toContain('Talks the member may not read');
  });

  it('stops working when replaced, and for a disabled owner; unknown and malformed addresses are not found', async () => {
    const old = await feedPath(member);
    await member.get('/en/calendar/feed');
    expect((await member.post('/en/calendar/feed')).location).toBe('/en/calendar/feed?flash=renewed');
    const fresh = await feedPath(member);
    expect(fresh).not.toBe(old);
    expect((await new Agent(t.app).get(old)).status).toBe(404);
    expect((await new Agent(t.app).get(fresh)).status).toBe(200);
    expect((await new Agent(t.app).get('/calendar/short.ics')).status).toBe(404);
    expect((await new Agent(t.app).get(`/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await new Agent(t.app).get(fresh.replace('.ics', '.txt'))).status).toBe(404);
    await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, memberId));
    const gone = await new Agent(t.app).get(fresh);
    expect(gone.status).toBe(404);
    expect(gone.body).not.toContain('Talks the member may not read');
  });
});
