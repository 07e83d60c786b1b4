/**
 * Meetings through the real app: recording a meeting (times in the venue's time zone, dates in the
 * wrong order refused), its participants (none → it cannot be marked held), documents (oversized
 * and disguised files refused, downloads never rendered), outcomes and follow-up actions (owners
 * must be active; a disabled owner stays, marked; reviews at a later meeting), evidence links,
 * stale edits with the typed text kept; confidentiality answered as not found everywhere, with no
 * title in the page, the list, the calendar or the feed; the calendar month; every change audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { auditEvents } from '../../../src/platform/audit/schema.ts';
import { users } from '../../../src/areas/accounts/schema.ts';
import { evidenceLinks, meetingActions, meetingDocuments, meetingParticipants, meetings } from '../../../src/areas/engagement/schema.ts';
import { seedDemoMeetings, demoMeetingId } from '../../../src/areas/engagement/meetings/index.ts';

let t: TestApp;
let isu: Agent;
let member: Agent;
let otherMember: Agent;
let preparerIq: Agent;
let memberId: string;
let disabledId: string;
let laterDisabledId: string;

async function agentAs(role: 'isu_staff' | 'committee_member' | 'state_preparer', extra: { committeeId?: string; stateIso2?: string; name?: string } = {}) {
  const u = await createUser(t.database, { role, ...extra });
  const a = new Agent(t.app);
  expect((await a.signIn(u.email)).status).toBe(303);
  return { agent: a, user: u };
}

const audits = (prefix: string) => t.database.db.select().from(auditEvents).where(like(auditEvents.action, `${prefix}%`));
const idFrom = (location: string | undefined) => /meetings\/([0-9a-f-]{36})/.exec(location ?? '')![1]!;

const baseMeeting = {
  kind: 'bilateral',
  title: 'Bilateral meeting with Chad',
  start_date: '2025-03-10',
  start_time: '10:00',
  end_date: '',
  end_time: '11:30',
  time_zone: 'Europe/Zurich',
  place: 'Geneva',
  committees: ['cooperation-assistance', 'article5'],
  with_presidency: 'on',
  confidentiality: 'committee',
  status: 'planned',
  agenda: 'Progress and challenges',
  notes: '',
  gender_questions: 'How are women consulted?',
};

async function record(agent: Agent, overrides: Record<string, string | string[]> = {}) {
  await agent.get('/en/meetings/new');
  const res = await agent.post('/en/meetings', { ...baseMeeting, ...overrides });
  expect(res.status, res.body.slice(0, 2000)).toBe(303);
  return idFrom(res.location);
}

/** Posts a multipart form like a browser uploading a file, with the agent's cookies and CSRF token. */
async function upload(agent: Agent, url: string, file: { name: string; data: Buffer; type?: string } | undefined, fields: Record<string, string> = {}) {
  const boundary = '----meetingsTestBoundary' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries({ _csrf: agent.lastCsrf ?? '', ...fields })) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/pdf'}\r\n\r\n`), file.data, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const cookie = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await t.app.inject({ method: 'POST', url, payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie } });
  return { status: res.statusCode, body: res.body, location: res.headers.location as string | undefined };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

beforeAll(async () => {
  t = await createTestApp({ UPLOAD_LIMIT: String(64 * 1024) });
  isu = (await agentAs('isu_staff')).agent;
  const m = await agentAs('committee_member', { committeeId: 'cooperation-assistance', name: 'Active Member' });
  member = m.agent;
  memberId = m.user.id;
  otherMember = (await agentAs('committee_member', { committeeId: 'victim-assistance' })).agent;
  preparerIq = (await agentAs('state_preparer', { stateIso2: 'IQ' })).agent;
  const disabled = await createUser(t.database, { role: 'committee_member', committeeId: 'cooperation-assistance', name: 'Former Member' });
  await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));
  disabledId = disabled.id;
  laterDisabledId = (await createUser(t.database, { role: 'isu_staff', name: 'Leaving Officer' })).id;
}, 120_000);
afterAll(async () => t?.close());

describe('who may see meetings', () => {
  it('sends anonymous readers to sign in and refuses State users the list', async () => {
    const anon = await new Agent(t.app).get('/en/meetings');
    expect(anon.status).toBe(303);
    expect(anon.location).toMatch(/^\/en\/login\?returnTo=/);
    expect((await preparerIq.get('/en/meetings')).status).toBe(403);
    expect((await preparerIq.get('/en/meetings/new')).status).toBe(403);
    expect((await member.get('/en/meetings')).status).toBe(200);
  });
});

describe('recording a meeting', () => {
  it('refuses dates in the wrong order, an unknown time zone and a missing title, keeping what was typed', async () => {
    await member.get('/en/meetings/new');
    const wrong = await member.post('/en/meetings', { ...baseMeeting, end_date: '2025-03-09' });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toContain('The meeting ends before it starts');
    expect(wrong.body).toContain('value="Bilateral meeting with Chad"');
    expect(wrong.body).toContain('How are women consulted?');
    const earlyEnd = await member.post('/en/meetings', { ...baseMeeting, end_time: '09:00' });
    expect(earlyEnd.status).toBe(422);
    expect(earlyEnd.body).toContain('The meeting ends before it starts');
    const allDayWrong = await member.post('/en/meetings', { ...baseMeeting, all_day: 'on', start_date: '2025-11-24', end_date: '2025-11-20' });
    expect(allDayWrong.body).toContain('The meeting ends before it starts');
    const tz = await member.post('/en/meetings', { ...baseMeeting, time_zone: 'Mars/Olympus_Mons' });
    expect(tz.status).toBe(422);
    expect(tz.body).toContain('Enter a known time zone name');
    const missing = await member.post('/en/meetings', { ...baseMeeting, title: '  ', start_date: '2025-02-30' });
    expect(missing.status).toBe(422);
    expect(missing.body).toContain('Enter the meeting’s title.');
    expect(missing.body).toContain('Enter a real date as YYYY-MM-DD.');
    const other = await member.post('/en/meetings', { ...baseMeeting, committees: ['victim-assistance'] });
    expect(other.status).toBe(422);
    expect(other.body).toContain('Tick your own committee');
    const bogus = await member.post('/en/meetings', { ...baseMeeting, kind: 'party', confidentiality: 'secret' });
    expect(bogus.status).toBe(422);
    expect(bogus.body).toContain('Choose the kind of meeting.');
    expect(await t.database.db.select().from(meetings)).toHaveLength(0);
  });

  it('keeps times written in the venue’s time zone as instants, and whole days as local midnights', async () => {
    const id = await record(member, { start_time: '١٠:٠٠' });
    const [m] = await t.database.db.select().from(meetings).where(eq(meetings.id, id));
    expect(m!.startsAt.toISOString()).toBe('2025-03-10T09:00:00.000Z');
    expect(m!.endsAt.toISOString()).toBe('2025-03-10T10:30:00.000Z');
    expect(m!.title).toEqual({ en: 'Bilateral meeting with Chad' });
    expect(m!.committeeIds).toEqual(['cooperation-assistance', 'article5']);
    const page = await member.get(`/en/meetings/${id}?flash=recorded`);
    expect(page.body).toContain('The meeting has been recorded');
    expect(page.body).toContain('Europe/Zurich');
    const dakar = await record(member, { title: 'Regional workshop', kind: 'workshop', all_day: 'on', start_date: '2025-06-02', end_date: '2025-06-04', time_zone: 'africa/dakar' });
    const [w] = await t.database.db.select().from(meetings).where(eq(meetings.id, dakar));
    expect([w!.allDay, w!.timeZone, w!.startsAt.toISOString(), w!.endsAt.toISOString()]).toEqual([true, 'Africa/Dakar', '2025-06-02T00:00:00.000Z', '2025-06-04T00:00:00.000Z']);
    expect((await audits('engagement.meeting.recorded')).length).toBeGreaterThanOrEqual(2);
  });

  it('cannot be recorded or marked held with no participants; a State participant makes it possible', async () => {
    await member.get('/en/meetings/new');
    const held = await member.post('/en/meetings', { ...baseMeeting, status: 'held' });
    expect(held.status).toBe(422);
    expect(held.body).toContain('A meeting with no participants cannot be marked held');
    const id = await record(member, { title: 'Meeting to hold' });
    const [m] = await t.database.db.select().from(meetings).where(eq(meetings.id, id));
    await member.get(`/en/meetings/${id}/edit`);
    const refused = await member.post(`/en/meetings/${id}`, { ...baseMeeting, title: 'Meeting to hold', status: 'held', version: String(m!.version) });
    expect(refused.status).toBe(422);
    expect(refused.body).toContain('A meeting with no participants cannot be marked held');
    await member.get(`/en/meetings/${id}`);
    const noState = await member.post(`/en/meetings/${id}/participants`, { kind: 'state', state: '', role: 'presenter' });
    expect(noState.status).toBe(422);
    expect(noState.body).toContain('Choose the State.');
    const unknown = await member.post(`/en/meetings/${id}/participants`, { kind: 'state', state: 'QQ', role: 'presenter' });
    expect(unknown.body).toContain('Choose a State from the list.');
    expect((await member.post(`/en/meetings/${id}/participants`, { kind: 'state', state: 'TD', role: 'presenter' })).status).toBe(303);
    const twice = await member.post(`/en/meetings/${id}/participants`, { kind: 'state', state: 'TD', role: 'participant' });
    expect(twice.body).toContain('This participant is already listed.');
    const disabledPerson = await member.post(`/en/meetings/${id}/participants`, { kind: 'person', user: disabledId, role: 'participant' });
    expect(disabledPerson.body).toContain('account is disabled');
    expect((await member.post(`/en/meetings/${id}/participants`, { kind: 'person', name: 'Awa Ndiaye', role: 'observer' })).status).toBe(303);
    await member.get(`/en/meetings/${id}/edit`);
    const ok = await member.post(`/en/meetings/${id}`, { ...baseMeeting, title: 'Meeting to hold', status: 'held', version: String(m!.version) });
    expect(ok.status).toBe(303);
    expect((await audits('engagement.meeting.marked_held')).length).toBe(1);
    // The only participant of a held meeting stays until another is added.
    const parts = await t.database.db.select().from(meetingParticipants).where(eq(meetingParticipants.meetingId, id));
    await member.get(`/en/meetings/${id}`);
    expect((await member.post(`/en/meetings/${id}/participants/${parts.find((p) => p.kind === 'person')!.id}/delete`)).status).toBe(303);
    const last = await member.post(`/en/meetings/${id}/participants/${parts.find((p) => p.kind === 'state')!.id}/delete`);
    expect(last.status).toBe(409);
    expect(last.body).toContain('This is the only participant of a meeting marked held');
  });

  it('edits the title in another language and keeps the English one; a stale edit keeps the typed text', async () => {
    const id = await record(member, { title: 'Meeting in two languages' });
    const [m] = await t.database.db.select().from(meetings).where(eq(meetings.id, id));
    await member.get(`/fr/meetings/${id}/edit`);
    expect((await member.post(`/fr/meetings/${id}`, { ...baseMeeting, title: 'Réunion en deux langues', version: String(m!.version) })).status).toBe(303);
    const [after] = await t.database.db.select().from(meetings).where(eq(meetings.id, id));
    expect(after!.title).toEqual({ en: 'Meeting in two languages', fr: 'Réunion en deux langues' });
    const stale = await member.post(`/fr/meetings/${id}`, { ...baseMeeting, title: 'Texte tapé trop tard', version: String(m!.version) });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('value="Texte tapé trop tard"');
    const [unchanged] = await t.database.db.select().from(meetings).where(eq(meetings.id, id));
    expect(unchanged!.title.fr).toBe('Réunion en deux langues');
    // Another committee's member may read a meeting open to the platform, but not edit it.
    expect((await otherMember.get(`/en/meetings/${id}/edit`)).status).toBe(404);
  });
});

describe('outcomes and follow-up actions', () => {
  let id: string;
  let laterId: string;
  beforeAll(async () => {
    id = await record(member, { title: 'Meeting with follow-ups', start_date: '2025-04-01' });
    laterId = await record(member, { title: 'Later meeting', start_date: '2025-05-01' });
  });

  it('refuses a follow-up assigned to a disabled user, an unknown user, unreadable or unknown actions', async () => {
    await member.get(`/en/meetings/${id}`);
    const disabled = await member.post(`/en/meetings/${id}/actions`, { kind: 'follow_up', text: 'Send the observations', owner: disabledId, due: '2025-04-15', status: 'open' });
    expect(disabled.status).toBe(422);
    expect(disabled.body).toContain('a follow-up must be assigned to an active user');
    expect(disabled.body).toContain('Send the observations');
    const unknown = await member.post(`/en/meetings/${id}/actions`, { kind: 'follow_up', text: 'Send the observations', owner: '00000000-0000-4000-8000-000000000000', status: 'open' });
    expect(unknown.body).toContain('Choose an owner from the list.');
    const unreadable = await member.post(`/en/meetings/${id}/actions`, { kind: 'follow_up', text: 'Send', status: 'open', actions: 'gender' });
    expect(unreadable.body).toContain('could not be read as action numbers: gender');
    const missingAction = await member.post(`/en/meetings/${id}/actions`, { kind: 'follow_up', text: 'Send', status: 'open', actions: 'OAP-999' });
    expect(missingAction.body).toContain('does not exist in the action plans');
    const noText = await member.post(`/en/meetings/${id}/actions`, { kind: 'follow_up', text: '', status: 'open' });
    expect(noText.body).toContain('Enter what was decided or is to be done.');
    expect(await t.database.db.select().from(meetingActions).where(eq(meetingActions.meetingId, id))).toHaveLength(0);
  });

  it('records two follow-ups (one with an owner), marks one done, keeps an owner disabled later marked, and reviews one at a later meeting', async () => {
    await member.get(`/en/meetings/${id}`);
    expect((await member.post(`/en/meetings/${id}/actions`, { kind: 'follow_up', text: 'Send the observations', owner: laterDisabledId, due: '2025-04-15', status: 'open', actions: 'oap 45; OAP-47' })).status).toBe(303);
    expect((await member.post(`/en/meetings/${id}/actions`, { kind: 'commitment', text: 'Update the resource mobilisation plan', owner_label: 'Delegation of Chad', state: 'TD', due: '2025-09-30', status: 'open' })).status).toBe(303);
    const rows = await t.database.db.select().from(meetingActions).where(eq(meetingActions.meetingId, id)).orderBy(meetingActions.position);
    expect(rows.map((r) => [r.kind, r.ownerUserId, r.ownerLabel, r.stateIso2, r.actionIds])).toEqual([
      ['follow_up', laterDisabledId, null, null, ['OAP-45', 'OAP-47']],
      ['commitment', null, 'Delegation of Chad', 'TD', []],
    ]);
    const [first, second] = rows;

    await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, laterDisabledId));
    const page = await member.get(`/en/meetings/${id}`);
    expect(page.body).toContain('Leaving Officer');
    expect(page.body).toContain('account disabled');
    // Saving the action with its (now disabled) owner unchanged is allowed.
    await member.get(`/en/meetings/${id}/actions/${first!.id}`);
    const kept = await member.post(`/en/meetings/${id}/actions/${first!.id}`, { version: String(first!.version), kind: 'follow_up', text: 'Send the written observations', owner: laterDisabledId, due: '2025-04-15', status: 'in_progress', actions: 'OAP-45' });
    expect(kept.status).toBe(303);
    const stale = await member.post(`/en/meetings/${id}/actions/${first!.id}`, { version: String(first!.version), kind: 'follow_up', text: 'Typed too late', owner: laterDisabledId, status: 'open' });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('Typed too late');

    const done = await member.post(`/en/meetings/${id}/actions/${second!.id}/done`, { version: String(second!.version) });
    expect(done.status).toBe(303);
    const [doneRow] = await t.database.db.select().from(meetingActions).where(eq(meetingActions.id, second!.id));
    expect([doneRow!.status, doneRow!.doneAt !== null]).toEqual(['done', true]);

    const [current] = await t.database.db.select().from(meetingActions).where(eq(meetingActions.id, first!.id));
    const actionPage = await member.get(`/en/meetings/${id}/actions/${first!.id}`);
    expect(actionPage.body).toContain('Later meeting');
    const earlier = await member.post(`/en/meetings/${laterId}/actions`, { kind: 'follow_up', text: 'x', status: 'open' });
    expect(earlier.status).toBe(303);
    const notLater = await member.post(`/en/meetings/${id}/actions/${first!.id}/review`, { version: String(current!.version), later: id, note: 'Same meeting', status: 'open' });
    expect(notLater.status).toBe(422);
    expect(notLater.body).toContain('Choose a meeting held after this one.');
    const reviewed = await member.post(`/en/meetings/${id}/actions/${first!.id}/review`, { version: String(current!.version), later: laterId, note: 'Observations sent; answer expected.', status: 'done' });
    expect(reviewed.status).toBe(303);
    const laterPage = await member.get(`/en/meetings/${laterId}`);
    expect(laterPage.body).toContain('Follow-up of earlier meetings reviewed here');
    expect(laterPage.body).toContain('Observations sent; answer expected.');
    expect((await audits('engagement.meeting_action.')).map((a) => a.action).sort()).toEqual(expect.arrayContaining(['engagement.meeting_action.added', 'engagement.meeting_action.done', 'engagement.meeting_action.reviewed', 'engagement.meeting_action.updated']));
  });

  it('links evidence by pasting an address, refusing its own address', async () => {
    await member.get(`/en/meetings/${id}`);
    const self = await member.post(`/en/meetings/${id}/links`, { address: `/en/meetings/${id}` });
    expect(self.status).toBe(422);
    const bad = await member.post(`/en/meetings/${id}/links`, { address: 'not an address' });
    expect(bad.status).toBe(422);
    expect((await member.post(`/en/meetings/${id}/links`, { address: `${t.config.baseUrl}/en/meetings/${laterId}` })).location).toContain('flash=linked');
    expect((await member.post(`/en/meetings/${id}/links`, { address: `/fr/meetings/${laterId}` })).location).toContain('flash=already_linked');
    const page = await member.get(`/en/meetings/${id}`);
    expect(page.body).toContain(`href="/en/meetings/${laterId}"`);
    const [link] = await t.database.db.select().from(evidenceLinks).where(and(eq(evidenceLinks.sourceType, 'meeting'), eq(evidenceLinks.sourceId, id)));
    expect((await member.post(`/en/meetings/${id}/links/${link!.id}/delete`)).status).toBe(303);
  });
});

describe('documents', () => {
  let id: string;
  beforeAll(async () => {
    id = await record(member, { title: 'Meeting with documents' });
  });

  it('refuses an oversized document and a disguised one with clear messages, storing nothing', async () => {
    await member.get(`/en/meetings/${id}`);
    const big = await upload(member, `/en/meetings/${id}/documents`, { name: 'big.pdf', data: Buffer.concat([PDF, Buffer.alloc(70 * 1024, 0x20)]) }, { title: 'Big', kind: 'report' });
    expect(big.status).toBe(413);
    expect(big.body).toContain('The file must be smaller than');
    const disguised = await upload(member, `/en/meetings/${id}/documents`, { name: 'agenda.pdf', data: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]) }, { title: 'Agenda', kind: 'agenda' });
    expect(disguised.status).toBe(415);
    expect(disguised.body).toContain('whatever its name says');
    const none = await upload(member, `/en/meetings/${id}/documents`, undefined, { title: 'Nothing' });
    expect(none.status).toBe(422);
    expect(await t.database.db.select().from(meetingDocuments).where(eq(meetingDocuments.meetingId, id))).toHaveLength(0);
  });

  it('stores a real document and serves it as a download that is never rendered, to readers only', async () => {
    await member.get(`/en/meetings/${id}`);
    const ok = await upload(member, `/en/meetings/${id}/documents`, { name: 'agenda.pdf', data: PDF }, { title: 'Agenda of the meeting', kind: 'agenda' });
    expect(ok.status).toBe(303);
    const [doc] = await t.database.db.select().from(meetingDocuments).where(eq(meetingDocuments.meetingId, id));
    const res = await member.get(`/en/meetings/${id}/documents/${doc!.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment;/);
    expect((await member.get(`/en/meetings/${id}/documents/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await preparerIq.get(`/en/meetings/${id}/documents/${doc!.id}`)).status).toBe(404);
    await member.get(`/en/meetings/${id}`);
    expect((await member.post(`/en/meetings/${id}/documents/${doc!.id}/delete`)).status).toBe(303);
    expect((await audits('engagement.meeting_document.')).map((a) => a.action)).toEqual(expect.arrayContaining(['engagement.meeting_document.added', 'engagement.meeting_document.removed']));
  });
});

describe('confidentiality', () => {
  const SECRET = 'Confidential talks with Iraq';
  let secretId: string;
  let docId: string;
  let actionId: string;
  beforeAll(async () => {
    secretId = await record(isu, { title: SECRET, confidentiality: 'participants', committees: ['cooperation-assistance'], start_date: '2025-07-08' });
    await isu.get(`/en/meetings/${secretId}`);
    expect((await isu.post(`/en/meetings/${secretId}/participants`, { kind: 'state', state: 'IQ', role: 'presenter' })).status).toBe(303);
    expect((await upload(isu, `/en/meetings/${secretId}/documents`, { name: 'notes.pdf', data: PDF }, { title: 'Notes' })).status).toBe(303);
    expect((await isu.post(`/en/meetings/${secretId}/actions`, { kind: 'follow_up', text: 'Secret follow-up', due: '2025-07-20', status: 'open' })).status).toBe(303);
    docId = (await t.database.db.select().from(meetingDocuments).where(eq(meetingDocuments.meetingId, secretId)))[0]!.id;
    actionId = (await t.database.db.select().from(meetingActions).where(eq(meetingActions.meetingId, secretId)))[0]!.id;
  });

  it('answers not found to someone outside it on every route, with no title anywhere', async () => {
    for (const path of [`/en/meetings/${secretId}`, `/en/meetings/${secretId}/edit`, `/en/meetings/${secretId}/documents/${docId}`, `/en/meetings/${secretId}/actions/${actionId}`]) {
      const res = await member.get(path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain(SECRET);
    }
    await member.get('/en/meetings');
    const post = await member.post(`/en/meetings/${secretId}/actions`, { kind: 'outcome', text: 'x', status: 'open' });
    expect(post.status).toBe(404);
    const list = await member.get('/en/meetings');
    expect(list.body).not.toContain(SECRET);
    const calendar = await member.get('/en/calendar?month=2025-07');
    expect(calendar.body).not.toContain(SECRET);
    expect(calendar.body).not.toContain('Secret follow-up');
    // An unknown id and a hidden one answer alike.
    const unknown = await member.get('/en/meetings/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    const anon = await new Agent(t.app).get(`/en/meetings/${secretId}`);
    expect(anon.status).toBe(303);
    // A link to it from a meeting the member may read shows no title.
    const open = await record(isu, { title: 'Open meeting linking a secret one', committees: ['cooperation-assistance'] });
    await isu.get(`/en/meetings/${open}`);
    await isu.post(`/en/meetings/${open}/links`, { address: `/en/meetings/${secretId}` });
    const linking = await member.get(`/en/meetings/${open}`);
    expect(linking.status).toBe(200);
    expect(linking.body).not.toContain(SECRET);
    expect(linking.body).toContain('A meeting you may not read');
  });

  it('is readable by the ISU and by the participating State’s users', async () => {
    expect((await isu.get(`/en/meetings/${secretId}`)).body).toContain(SECRET);
    const own = await preparerIq.get(`/en/meetings/${secretId}`);
    expect(own.status).toBe(200);
    expect(own.body).toContain(SECRET);
    expect((await preparerIq.get('/en/calendar?month=2025-07')).body).toContain(SECRET);
    expect((await preparerIq.get(`/en/meetings/${secretId}/documents/${docId}`)).status).toBe(200);
    // Reading is not editing.
    expect((await preparerIq.get(`/en/meetings/${secretId}/edit`)).status).toBe(403);
  });
});

describe('the calendar', () => {
  it('lists a month’s meetings day by day, with links to the months around it, and the follow-ups due', async () => {
    const id = await record(member, { title: 'Three-day conference', kind: 'msp', all_day: 'on', start_date: '2025-08-30', end_date: '2025-09-01', confidentiality: 'platform' });
    const aug = await member.get('/en/calendar?month=2025-08');
    expect(aug.status).toBe(200);
    expect(aug.body).toContain('Three-day conference');
    expect(aug.body).toContain('id="day-2025-08-30"');
    expect(aug.body).toContain('href="/en/calendar?month=2025-07"');
    expect(aug.body).toContain('href="/en/calendar?month=2025-09"');
    const sep = await member.get('/en/calendar?month=2025-09');
    expect(sep.body).toContain('id="day-2025-09-01"');
    expect(sep.body).toContain(`/en/meetings/${id}`);
    const ar = await member.get('/ar/calendar?month=2025-08');
    expect(ar.body).toContain('dir="rtl"');
    expect((await member.get('/en/calendar?month=garbage')).status).toBe(200);
    // Repeated or odd parameters are ignored, never an error.
    expect((await member.get('/en/calendar?month=2025-08&month=2025-09')).status).toBe(200);
    expect((await member.get('/en/meetings?year=2023&year=2024&kind=x&state[]=IQ&when=soon')).status).toBe(200);
    await member.get(`/en/meetings/${id}`);
    const soon = new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10);
    await member.post(`/en/meetings/${id}/actions`, { kind: 'follow_up', text: 'Book the rooms soon', due: soon, status: 'open' });
    const now = await member.get('/en/calendar');
    expect(now.body).toContain('Book the rooms soon');
    expect((await new Agent(t.app).get('/en/calendar')).status).toBe(303);
  });
});

describe('demo meetings', () => {
  it('seeds the 2023 year once, with stable ids for other parts to link to', async () => {
    const first = await seedDemoMeetings(t.database);
    expect(first).toBe(21);
    expect(await seedDemoMeetings(t.database)).toBe(0);
    const senegal = await t.database.db.select().from(meetings).where(eq(meetings.id, demoMeetingId('individualised_approach', '2023-06-21', 'SN')));
    expect(senegal[0]!.kind).toBe('individualised_approach');
    expect(senegal[0]!.title.ar).toBeTruthy();
    const bilaterals = await t.database.db.select().from(meetings).where(and(eq(meetings.kind, 'bilateral'), eq(meetings.isDemo, true)));
    expect(bilaterals).toHaveLength(15);
    expect(bilaterals.every((b) => b.notes?.includes('Illustrative date') && b.genderQuestions)).toBe(true);
    const page = await isu.get('/en/meetings?year=2023&kind=bilateral');
    expect(page.body).toContain('Bilateral meeting: Senegal');
    const iraqOnly = await isu.get('/en/meetings?year=2023&state=IQ');
    expect(iraqOnly.body).toContain('Bilateral meeting: Iraq');
    expect(iraqOnly.body).not.toContain('Bilateral meeting: Senegal');
    const workshop = demoMeetingId('workshop', '2023-03-09');
    const [agenda] = await t.database.db.select().from(meetingDocuments).where(eq(meetingDocuments.meetingId, workshop));
    const pdf = await new Agent(t.app).get(`/en/meetings/${workshop}/documents/${agenda!.id}`);
    expect([pdf.status, pdf.headers['content-type'], pdf.body.startsWith('%PDF-1.4')]).toEqual([200, 'application/pdf', true]);
    // A public meeting is read without signing in; the Committee's evidence links are not shown there.
    const anonymous = await new Agent(t.app).get(`/en/meetings/${workshop}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toContain('Workshop: reporting by 30 April');
    expect(anonymous.body).not.toContain('id="evidence"');
    expect((await isu.get(`/en/meetings/${workshop}`)).body).toContain('id="evidence"');
    const june = await member.get('/en/calendar?month=2023-06');
    expect(june.body).toContain('Individualised approach: Senegal');
    expect(june.body).toContain('Intersessional Meetings 2023');
  });
});
