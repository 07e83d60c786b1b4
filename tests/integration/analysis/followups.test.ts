/**
 * Follow-ups through the real app: the candidates of a year equal hand counts of the reports
 * seeded here (the reviewer's decision wins), a letter drafted in the State's language from the
 * template, edited, sent once through the outbox to the State's focal points, marked answered and
 * closed, each change audited and version-checked; the State's next report; templates; who may
 * do what; hostile text kept as typed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import { Agent, createTestApp, type TestApp } from '../../support/app.ts';
import { auditEvents } from '../../../src/platform/audit/schema.ts';
import { outboxEmails } from '../../../src/platform/mail/schema.ts';
import { followUps, letterTemplates } from '../../../src/areas/analysis/schema.ts';
import { followUpCandidates, listFollowUps } from '../../../src/areas/analysis/followups/index.ts';
import { draftFollowUp, sendFollowUp } from '../../../src/areas/analysis/followups/followups-commands.ts';
import { agentFor } from './indicators-support.ts';
import { analysedReport, decide, disableUsers, person, sampleFormJ, stateTeam, type Person, type StateTeam } from './followups-support.ts';

let t: TestApp;
let isu: Person;
let member: Person;
let tj: StateTeam;
let co: StateTeam;
let kh: StateTeam;
const reports: Record<string, string> = {};

const tjCoverEmail = 'focal.point.tj@test.example.org';

beforeAll(async () => {
  t = await createTestApp();
  isu = await person(t, { role: 'isu_staff' });
  member = await person(t, { role: 'committee_member', committeeId: 'cooperation-assistance' });
  [tj, co, kh] = await Promise.all([stateTeam(t, 'TJ'), stateTeam(t, 'CO'), stateTeam(t, 'KH')]);
  // Tajikistan (report in Russian): C&A information, and the reviewer found nothing on G&D.
  reports.tj = await analysedReport(t, tj, { year: 2024, language: 'ru', people: [{ organisation: 'Национальный центр (тест)', name: 'Координатор', email: tjCoverEmail }, { organisation: 'Миссия (тест)', name: 'Без адреса' }] });
  await decide(t, isu, reports.tj, { 'gd.integrated': 'no', 'gd.disaggregated': 'no', 'ca.resource_plan': 'yes' });
  // Colombia (Spanish): C&A and G&D information.
  reports.co = await analysedReport(t, co, { year: 2024, language: 'es', people: [{ organisation: 'Autoridad (prueba)', name: 'Punto focal', email: 'pf.co@test.example.org' }] });
  await decide(t, isu, reports.co, { 'gd.integrated': 'yes', 'ca.resource_plan': 'yes', 'ca.south_south': 'no' });
  // Cambodia (English): C&A and G&D information, but the reviewer found no resource mobilisation plan.
  reports.kh = await analysedReport(t, kh, { year: 2024, language: 'en', people: [{ organisation: 'Authority (test)', name: 'No e-mail' }] });
  await decide(t, isu, reports.kh, { 'gd.integrated': 'yes', 'ca.resource_plan': 'no' });
  // Tajikistan and Cambodia are reached only through the cover page (Cambodia's has no e-mail).
  await disableUsers(t, tj);
  await disableUsers(t, kh);
}, 180_000);
afterAll(async () => t?.close());

const outbox = () => t.database.db.select().from(outboxEmails).where(eq(outboxEmails.kind, 'follow_up'));
const audit = (id: string) => t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), like(auditEvents.action, 'analysis.follow_up.%')));
const followUpOf = async (iso2: string) => (await t.database.db.select().from(followUps).where(eq(followUps.stateIso2, iso2)))[0]!;
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

async function draft(agent: Agent, iso2: string, gaps: string[]) {
  const page = await agent.get(`/en/analysis/follow-ups?year=2024${gaps.map((g) => `&gap=${encodeURIComponent(g)}`).join('')}&chosen=1`);
  expect(page.status).toBe(200);
  return agent.post('/en/analysis/follow-ups', { state: iso2, year: '2024', gap: gaps });
}

describe('candidates', () => {
  it('are the States with C&A but no G&D information, by hand count, the reviewer’s decision winning', async () => {
    const c = await followUpCandidates(t.database.db, 2024);
    expect(c.map((x) => x.stateIso2)).toEqual(['TJ']);
    expect(c[0]).toMatchObject({ reportId: reports.tj, cooperation: true, gender: false, gaps: ['cooperation_without_gender'], followUp: null });
    expect(c[0]!.notYes).toEqual(expect.arrayContaining(['gd.integrated', 'gd.disaggregated']));
    expect(await followUpCandidates(t.database.db, 2023)).toEqual([]);
  });

  it('include other gaps the reviewer chooses: an indicator not yes', async () => {
    const c = await followUpCandidates(t.database.db, 2024, { gaps: ['ca.resource_plan'] });
    expect(c.map((x) => [x.stateIso2, x.gaps])).toEqual([['KH', ['ca.resource_plan']]]);
    const south = await followUpCandidates(t.database.db, 2024, { gaps: ['ca.south_south'] });
    expect(south.map((x) => x.stateIso2)).toContain('CO');
    const both = await followUpCandidates(t.database.db, 2024, { gaps: ['cooperation_without_gender', 'gd.disaggregated'] });
    expect(both.find((x) => x.stateIso2 === 'TJ')?.gaps).toEqual(['cooperation_without_gender', 'gd.disaggregated']);
    expect(both.some((x) => x.stateIso2 === 'CO' && x.gaps.includes('cooperation_without_gender'))).toBe(false);
  });

  it('are listed on the page, filtered by GET without scripts', async () => {
    const a = await agentFor(t, member);
    const page = await a.get('/en/analysis/follow-ups?year=2024');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Tajikistan');
    expect(page.body).not.toMatch(/<bdi>Colombia<\/bdi>/);
    // A committee member sees the list but gets no draft button.
    expect(page.body).not.toContain('Draft letter');
    const other = await a.get('/en/analysis/follow-ups?year=2024&gap=ca.resource_plan&chosen=1');
    expect(other.body).toContain('Cambodia');
    expect(other.body).not.toContain('<bdi>Tajikistan</bdi>');
    const none = await a.get('/en/analysis/follow-ups?year=2024&chosen=1');
    expect(none.status).toBe(422);
    expect(none.body).toContain('Choose at least one gap');
    const bad = await a.get('/en/analysis/follow-ups?year=20x4&gap=nope');
    expect(bad.status).toBe(422);
  });
});

describe('a follow-up letter', () => {
  let id: string;

  it('is drafted in the State’s language with every placeholder filled, audited', async () => {
    const a = await agentFor(t, isu);
    const res = await draft(a, 'TJ', ['cooperation_without_gender']);
    expect(res.status).toBe(303);
    const f = await followUpOf('TJ');
    id = f.id;
    expect(res.location).toBe('/en/analysis/follow-ups/2024/tj?done=drafted');
    expect(f).toMatchObject({ status: 'draft', locale: 'ru', templateKey: 'cooperation_without_gender', gaps: ['cooperation_without_gender'], reportId: reports.tj, version: 1 });
    expect(f.subject).toContain('2024');
    expect(f.subject).toMatch(/гендерные/);
    expect(f.body).toContain('Таджикистан');
    expect(f.body).toContain('Комитет по укреплению сотрудничества и содействия');
    expect(f.body).toMatch(/• каким образом в сотрудничестве и содействии учитываются/);
    expect(f.body).not.toMatch(/\{(state|year|gaps|committee|reply_by)\}/);
    expect((await audit(id)).map((e) => e.action)).toEqual(['analysis.follow_up.drafted']);
    // Drafting again opens the same follow-up.
    const again = await draft(a, 'TJ', ['cooperation_without_gender']);
    expect(again.location).toBe('/en/analysis/follow-ups/2024/tj?done=exists');
    const page = await a.get(again.location!);
    expect(page.status).toBe(200);
    expect(page.body).toContain(tjCoverEmail);
    expect(page.body).toContain('One message will be queued');
  });

  it('can be drafted again in another language', async () => {
    const a = await agentFor(t, isu);
    await a.get('/en/analysis/follow-ups/2024/tj');
    const res = await a.post(`/en/analysis/follow-ups/${id}/language`, { version: '1', locale: 'ar', reply_by: '2025-06-30' });
    expect(res.status).toBe(303);
    const f = await followUpOf('TJ');
    expect(f).toMatchObject({ locale: 'ar', version: 2 });
    expect(f.body).toContain('طاجيكستان');
    expect(f.body).toMatch(/(30|٣٠) يونيو (2025|٢٠٢٥)/);
    const back = await a.post(`/en/analysis/follow-ups/${id}/language`, { version: '2', locale: 'ru', reply_by: '' });
    expect(back.status).toBe(303);
    expect((await followUpOf('TJ')).locale).toBe('ru');
    const bad = await a.post(`/en/analysis/follow-ups/${id}/language`, { version: '3', locale: 'de', reply_by: '2025-02-30' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('Choose a language from the list');
    expect(bad.body).toContain('Enter a real date');
  });

  it('keeps hostile text exactly as typed, escaped on the page', async () => {
    const a = await agentFor(t, isu);
    await a.get('/en/analysis/follow-ups/2024/tj');
    const v = (await followUpOf('TJ')).version;
    const subject = `<img src=x onerror=alert(1)> {state} {count, plural, other {#}} 'q' "dq" & &amp; ‏عربي`;
    const body = `Уважаемые коллеги,\n<script>alert("x")</script>\n{year} {gaps} {a, select, other {b}} '{'\n</textarea><b>bold</b>\n😀 & &lt; مرحبا`;
    const res = await a.post(`/en/analysis/follow-ups/${id}`, { version: String(v), subject, body });
    expect(res.status).toBe(303);
    const f = await followUpOf('TJ');
    expect(f.subject).toBe(subject);
    expect(f.body).toBe(body);
    const page = await a.get(res.location!);
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).not.toContain('<script>alert("x")');
    expect(page.body).not.toContain('</textarea><b>bold</b>');
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)>');
    expect(page.body).toContain('The letter has been saved.');
  });

  it('refuses a stale edit with a clear message, keeping what was typed', async () => {
    const a = await agentFor(t, isu);
    const b = await agentFor(t, isu);
    const f = await followUpOf('TJ');
    await a.get('/en/analysis/follow-ups/2024/tj');
    await b.get('/en/analysis/follow-ups/2024/tj');
    const first = await a.post(`/en/analysis/follow-ups/${id}`, { version: String(f.version), subject: 'Первая тема', body: 'Первый текст' });
    expect(first.status).toBe(303);
    const second = await b.post(`/en/analysis/follow-ups/${id}`, { version: String(f.version), subject: 'Вторая тема', body: 'Второй текст, который нельзя потерять' });
    expect(second.status).toBe(409);
    expect(second.body).toContain('Someone else changed this follow-up');
    expect(second.body).toContain('Второй текст, который нельзя потерять');
    expect((await followUpOf('TJ')).subject).toBe('Первая тема');
    // Sending with the version seen before the other edit is refused too, nothing queued.
    const send = await b.post(`/en/analysis/follow-ups/${id}/send`, { version: String(f.version) });
    expect(send.status).toBe(409);
    expect(await outbox()).toHaveLength(0);
  });

  it('is sent through the outbox: exactly one e-mail to the one focal point, and never twice', async () => {
    const a = await agentFor(t, isu);
    await a.get('/en/analysis/follow-ups/2024/tj');
    const f = await followUpOf('TJ');
    const res = await a.post(`/en/analysis/follow-ups/${id}/send`, { version: String(f.version) });
    expect(res.status).toBe(303);
    const mails = await outbox();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: tjCoverEmail, toName: 'Координатор', subject: 'Первая тема', textBody: 'Первый текст', locale: 'ru', kind: 'follow_up' });
    const sent = await followUpOf('TJ');
    expect(sent).toMatchObject({ status: 'sent', outboxEmailId: mails[0]!.id });
    expect(sent.sentAt).toBeInstanceOf(Date);
    const page = await a.get(res.location!);
    expect(page.body).toContain('The letter is in the outbox');
    expect(page.body).not.toContain('Save the letter');
    // The same form posted again (double click, back button), and the command with the current version.
    const twice = await a.post(`/en/analysis/follow-ups/${id}/send`, { version: String(f.version) });
    expect(twice.status).toBe(409);
    expect(twice.body).toContain('already been sent');
    await expect(sendFollowUp(t.database, isu.actor, isu.principal, { id, expectedVersion: sent.version })).rejects.toMatchObject({ code: 'analysis.followups.already_sent' });
    expect(await outbox()).toHaveLength(1);
    // Editing a sent letter is refused.
    const edit = await a.post(`/en/analysis/follow-ups/${id}`, { version: String(sent.version), subject: 'x', body: 'y' });
    expect(edit.status).toBe(409);
    expect((await followUpOf('TJ')).subject).toBe('Первая тема');
  });

  it('is marked answered with a note, then closed, each step audited', async () => {
    const a = await agentFor(t, isu);
    await a.get('/en/analysis/follow-ups/2024/tj');
    let f = await followUpOf('TJ');
    const empty = await a.post(`/en/analysis/follow-ups/${id}/answer`, { version: String(f.version), note: '   ' });
    expect(empty.status).toBe(422);
    expect(empty.body).toContain('Say how the State answered');
    const res = await a.post(`/en/analysis/follow-ups/${id}/answer`, { version: String(f.version), note: 'Note verbale of 3 May: gender data will be in the 2025 report.' });
    expect(res.status).toBe(303);
    f = await followUpOf('TJ');
    expect(f).toMatchObject({ status: 'answered', answerNote: 'Note verbale of 3 May: gender data will be in the 2025 report.' });
    const close = await a.post(`/en/analysis/follow-ups/${id}/close`, { version: String(f.version) });
    expect(close.status).toBe(303);
    f = await followUpOf('TJ');
    expect(f.status).toBe('closed');
    expect(f.closedAt).toBeInstanceOf(Date);
    const again = await a.post(`/en/analysis/follow-ups/${id}/close`, { version: String(f.version) });
    expect(again.status).toBe(409);
    expect((await audit(id)).map((e) => e.action).sort()).toEqual(
      ['analysis.follow_up.answered', 'analysis.follow_up.closed', 'analysis.follow_up.drafted', 'analysis.follow_up.edited', 'analysis.follow_up.edited', 'analysis.follow_up.redrafted', 'analysis.follow_up.redrafted', 'analysis.follow_up.sent'].sort(),
    );
    const list = await listFollowUps(t.database.db, { year: 2024 });
    expect(list.find((x) => x.id === id)).toMatchObject({ status: 'closed', stateIso2: 'TJ', gaps: ['cooperation_without_gender'], nextReport: null });
    expect(list.find((x) => x.id === id)!.sentAt).toBeInstanceOf(Date);
  });

  it('shows the State’s next report once it is submitted, and whether it now addresses G&D', async () => {
    // The users come back to submit the next report.
    await t.database.db.execute(sql`update users set disabled_at = null where state_iso2 = 'TJ'`);
    const next = await analysedReport(t, tj, { year: 2025, language: 'ru', people: [{ organisation: 'Центр (тест)', name: 'Координатор', email: tjCoverEmail }] });
    await decide(t, isu, next, { 'gd.integrated': 'yes' });
    const [f] = (await listFollowUps(t.database.db, { year: 2024 })).filter((x) => x.stateIso2 === 'TJ');
    expect(f!.nextReport).toMatchObject({ id: next, year: 2025, kind: 'annual', analysed: true, addressesGender: true });
    const a = await agentFor(t, member);
    const page = await a.get('/en/analysis/follow-ups?year=2024');
    expect(page.body).toContain(`/en/analysis/reports/${next}`);
    expect(page.body).toContain('Addresses gender and diversity');
    await t.database.db.execute(sql`update users set disabled_at = now() where state_iso2 = 'TJ'`);
  });
});

describe('after a follow-up is closed', () => {
  it('a new one can be drafted; the State’s page shows it with the earlier one below, read-only for committee members', async () => {
    const a = await agentFor(t, isu);
    const res = await draft(a, 'TJ', ['cooperation_without_gender']);
    expect(res.location).toBe('/en/analysis/follow-ups/2024/tj?done=drafted');
    const rows = await t.database.db.select().from(followUps).where(eq(followUps.stateIso2, 'TJ'));
    expect(rows.map((r) => r.status).sort()).toEqual(['closed', 'draft']);
    const m = await agentFor(t, member);
    const page = await m.get('/en/analysis/follow-ups/2024/tj');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Earlier follow-ups');
    expect(page.body).toContain('Первая тема');
    expect(page.body).not.toContain('name="subject"');
    expect(page.body).toContain('class="email-body"');
  });
});

describe('two reviewers drafting at once', () => {
  it('get one follow-up', async () => {
    await t.database.db.execute(sql`update analysis_follow_ups set status = 'closed', closed_at = now() where state_iso2 = 'TJ'`);
    const outcomes = await Promise.all([1, 2, 3].map(() => draftFollowUp(t.database, isu.actor, isu.principal, { stateIso2: 'TJ', year: 2024, gaps: ['cooperation_without_gender'] })));
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['drafted', 'exists', 'exists']);
    expect(new Set(outcomes.map((o) => o.followUp.id)).size).toBe(1);
    const open = await t.database.db.select().from(followUps).where(and(eq(followUps.stateIso2, 'TJ'), sql`${followUps.status} <> 'closed'`));
    expect(open).toHaveLength(1);
  });
});

describe('without a recipient', () => {
  it('refuses to send with a clear message and keeps the draft', async () => {
    const a = await agentFor(t, isu);
    const res = await draft(a, 'KH', ['ca.resource_plan']);
    expect(res.status).toBe(303);
    const f = await followUpOf('KH');
    expect(f).toMatchObject({ locale: 'en', templateKey: 'gaps', gaps: ['ca.resource_plan'] });
    expect(f.body).toContain('Cambodia');
    expect(f.body).toContain('• Resource mobilisation plan');
    const page = await a.get(res.location!);
    expect(page.body).toContain('This State has no focal point with an e-mail address');
    const send = await a.post(`/en/analysis/follow-ups/${f.id}/send`, { version: String(f.version) });
    expect(send.status).toBe(409);
    expect(send.body).toContain('The letter was not sent');
    expect(await followUpOf('KH')).toMatchObject({ status: 'draft', version: f.version, body: f.body });
    expect((await outbox()).filter((m) => m.toAddress.includes('kh'))).toHaveLength(0);
  });

  it('sends one message per focal point when there are several (users and cover page)', async () => {
    const a = await agentFor(t, isu);
    const res = await draft(a, 'CO', ['ca.south_south']);
    expect(res.status).toBe(303);
    const f = await followUpOf('CO');
    expect(f.locale).toBe('es');
    const before = (await outbox()).length;
    await a.get(res.location!);
    const send = await a.post(`/en/analysis/follow-ups/${f.id}/send`, { version: String(f.version) });
    expect(send.status).toBe(303);
    const mails = (await outbox()).slice(before);
    expect(mails.map((m) => m.toAddress.toLowerCase()).sort()).toEqual([co.approver.email, co.preparer.email, 'pf.co@test.example.org'].map((e) => e.toLowerCase()).sort());
  });
});

describe('letter templates', () => {
  it('are seeded for both kinds of letter in the six languages', async () => {
    const rows = await t.database.db.select().from(letterTemplates);
    expect(rows.map((r) => `${r.key}:${r.locale}`).sort()).toEqual(['cooperation_without_gender', 'gaps'].flatMap((k) => ['ar', 'en', 'es', 'fr', 'ru', 'zh'].map((l) => `${k}:${l}`)).sort());
  });

  it('are edited by ISU with a preview, unknown placeholders refused, stale edits refused', async () => {
    const a = await agentFor(t, isu);
    const page = await a.get('/en/analysis/follow-ups/templates?key=gaps&lang=fr&sample=SN');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Sénégal');
    const [row] = await t.database.db.select().from(letterTemplates).where(and(eq(letterTemplates.key, 'gaps'), eq(letterTemplates.locale, 'fr')));
    const bad = await a.post('/en/analysis/follow-ups/templates/gaps/fr', { version: String(row!.version), subject: 'Objet {etat}', body: 'Texte {count, plural, other {#}}' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('{etat}');
    expect(bad.body).toContain('Texte {count, plural, other {#}}');
    const ok = await a.post('/en/analysis/follow-ups/templates/gaps/fr', { version: String(row!.version), subject: 'Rapport {year} : {state}', body: 'Excellence,\n{state} — {gaps}\n{committee}, {reply_by}' });
    expect(ok.status).toBe(303);
    const saved = await a.get(ok.location!);
    expect(saved.body).toContain('Rapport 2');
    expect(saved.body).toContain('Sénégal');
    const stale = await a.post('/en/analysis/follow-ups/templates/gaps/fr', { version: String(row!.version), subject: 'Autre {year}', body: 'Texte perdu ? {state}' });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('Texte perdu ? {state}');
    const [after] = await t.database.db.select().from(letterTemplates).where(and(eq(letterTemplates.key, 'gaps'), eq(letterTemplates.locale, 'fr')));
    expect(after!.subject).toBe('Rapport {year} : {state}');
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'analysis.letter_template.edited'));
    expect(events).toHaveLength(1);
    expect((await a.get('/en/analysis/follow-ups/templates?key=nope&lang=fr')).status).toBe(404);
  });
});

describe('permissions', () => {
  it('committee members read; ISU and administrators act; State users and the public see nothing', async () => {
    const f = await followUpOf('KH');
    const m = await agentFor(t, member);
    expect((await m.get('/en/analysis/follow-ups')).status).toBe(200);
    const one = await m.get('/en/analysis/follow-ups/2024/kh');
    expect(one.status).toBe(200);
    expect(one.body).not.toContain('Send the letter');
    expect((await m.post(`/en/analysis/follow-ups/${f.id}/send`, { version: String(f.version) })).status).toBe(403);
    expect((await m.post('/en/analysis/follow-ups', { state: 'TJ', year: '2024', gap: 'cooperation_without_gender' })).status).toBe(403);
    expect((await m.get('/en/analysis/follow-ups/templates')).status).toBe(403);
    expect((await m.post('/en/analysis/follow-ups/templates/gaps/en', { version: '1', subject: 'x {year}', body: 'y' })).status).toBe(403);

    const admin = await person(t, { role: 'admin' });
    const ad = await agentFor(t, admin);
    expect((await ad.get('/en/analysis/follow-ups/templates')).status).toBe(200);

    const stateUser = await person(t, { role: 'state_preparer', stateIso2: 'KH' });
    const s = await agentFor(t, stateUser);
    expect((await s.get('/en/analysis/follow-ups')).status).toBe(403);
    expect((await s.get('/en/analysis/follow-ups/2024/kh')).status).toBe(403);

    const anon = new Agent(t.app);
    const res = await anon.get('/en/analysis/follow-ups/2024/kh');
    expect(res.status).toBe(303);
    expect(res.location).toMatch(/^\/en\/login\?returnTo=/);
    expect(csrfOf('')).toBe('');
  });

  it('unknown ids are 404, malformed posts never 500', async () => {
    const a = await agentFor(t, isu);
    await a.get('/en/analysis/follow-ups');
    expect((await a.get('/en/analysis/follow-ups/2024/zz')).status).toBe(404);
    expect((await a.get('/en/analysis/follow-ups/20x4/tj')).status).toBe(404);
    expect((await a.get('/en/analysis/follow-ups/2024/tjk')).status).toBe(404);
    // A State without a follow-up: its page says so (and offers the draft when it has gaps).
    const none = await a.get('/en/analysis/follow-ups/2023/sn');
    expect(none.status).toBe(200);
    expect(none.body).toContain('There is no follow-up for this State and reporting year.');
    const co = await a.get('/en/analysis/follow-ups/2024/co');
    expect(co.status).toBe(200);
    expect((await a.post('/en/analysis/follow-ups/not-a-uuid/send', { version: '1' })).status).toBe(404);
    expect((await a.post('/en/analysis/follow-ups', { state: 'ZZ', year: '2024', gap: 'cooperation_without_gender' })).status).toBe(404);
    expect((await a.post('/en/analysis/follow-ups', { state: 'TJ', year: '2024', gap: 'bogus' })).status).toBe(400);
    const f = await followUpOf('KH');
    expect((await a.post(`/en/analysis/follow-ups/${f.id}/send`, { version: 'abc' })).status).toBe(400);
    expect((await a.post(`/en/analysis/follow-ups/${f.id}`, { version: String(f.version), subject: 'x'.repeat(400), body: '' })).status).toBe(422);
  });
});
