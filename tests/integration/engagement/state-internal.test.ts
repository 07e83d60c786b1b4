/**
 * A State's internal page — the one page to read before a bilateral meeting: key facts, focal
 * points, meetings (only those the reader may read) and open commitments, individualised approach,
 * national platform, the analysis of its reports, then its public sections. Committee members and
 * ISU only; the public State page links to it for them alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { individualisedApproaches, meetingActions, meetingParticipants, meetings, nationalPlatformMembers, nationalPlatforms } from '../../../src/areas/engagement/schema.ts';

let t: TestApp;
let isu: Agent;
let member: Agent;
let preparer: Agent;
const page = '/en/states/sn/internal';

async function agentAs(role: 'isu_staff' | 'committee_member' | 'state_preparer', extra: { committeeId?: string; stateIso2?: string; name?: string; organisation?: string } = {}) {
  const u = await createUser(t.database, { role, ...extra });
  const a = new Agent(t.app);
  expect((await a.signIn(u.email)).status).toBe(303);
  return a;
}

beforeAll(async () => {
  t = await createTestApp();
  isu = await agentAs('isu_staff');
  member = await agentAs('committee_member', { committeeId: 'cooperation-assistance' });
  preparer = await agentAs('state_preparer', { stateIso2: 'SN', name: 'Awa Focal' });
  const db = t.database.db;
  const [open, closed] = await db
    .insert(meetings)
    .values([
      { kind: 'bilateral', title: { en: 'Bilateral meeting with Senegal', ar: 'اجتماع ثنائي مع السنغال' }, startsAt: new Date('2023-03-14T09:00:00Z'), endsAt: new Date('2023-03-14T10:00:00Z'), committeeIds: ['cooperation-assistance'], confidentiality: 'committee', status: 'held' },
      { kind: 'bilateral', title: { en: 'Restricted talk about Senegal' }, startsAt: new Date('2023-04-02T09:00:00Z'), endsAt: new Date('2023-04-02T10:00:00Z'), committeeIds: ['article5'], confidentiality: 'participants', status: 'held' },
    ])
    .returning();
  await db.insert(meetingParticipants).values([
    { meetingId: open!.id, kind: 'state', stateIso2: 'SN' },
    { meetingId: closed!.id, kind: 'state', stateIso2: 'SN' },
  ]);
  await db.insert(meetingActions).values([
    { meetingId: open!.id, kind: 'commitment', text: 'Update the resource mobilisation plan', stateIso2: 'SN', dueDate: '2023-09-30' },
    { meetingId: open!.id, kind: 'follow_up', text: 'Already done', status: 'done' },
    { meetingId: closed!.id, kind: 'commitment', text: 'Secret commitment', stateIso2: 'SN' },
  ]);
  await db.insert(individualisedApproaches).values({ stateIso2: 'SN', status: 'preparation', interestOn: '2023-02-01' });
  await db.insert(nationalPlatforms).values({ stateIso2: 'SN', exists: 'yes', lastMetOn: '2023-05-10' });
  await db.insert(nationalPlatformMembers).values([
    { stateIso2: 'SN', organisation: 'Centre national', kind: 'government', women: 3, men: 5 },
    { stateIso2: 'SN', organisation: 'Operator', kind: 'operator', women: 2, men: 2 },
  ]);
}, 120_000);
afterAll(async () => t?.close());

describe('the internal State page', () => {
  it('gathers what each area keeps about the State, without what the reader may not read', async () => {
    const res = await member.get(page);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const body = res.body;
    expect(body).toContain('Senegal: before a meeting');
    expect(body).toContain('Awa Focal');
    expect(body).toContain('Bilateral meeting with Senegal');
    expect(body).toContain('Update the resource mobilisation plan');
    expect(body).not.toContain('Already done');
    expect(body).not.toContain('Restricted talk about Senegal');
    expect(body).not.toContain('Secret commitment');
    expect(body).toContain('Interest expressed on');
    expect(body).toContain('2 organisations; women: 5 of 12 people');
    expect(body).toContain('No report of this State has been submitted.');
    // ISU reads every meeting.
    const staff = await isu.get(page);
    expect(staff.body).toContain('Restricted talk about Senegal');
    expect(staff.body).toContain('Secret commitment');
  });

  it('is written in Arabic too', async () => {
    const res = await member.get('/ar/states/sn/internal');
    expect(res.status).toBe(200);
    expect(res.body).toContain('اجتماع ثنائي مع السنغال');
    expect(res.body).toContain('جهات الاتصال');
  });

  it('is for committee members and ISU only, linked from the public page for them alone', async () => {
    expect((await preparer.get(page)).status).toBe(403);
    const anon = await new Agent(t.app).get(page);
    expect(anon.status).toBe(303);
    expect(anon.location).toMatch(/^\/en\/login\?returnTo=/);
    expect((await member.get('/en/states/zz/internal')).status).toBe(404);
    expect((await member.get('/en/states/SN/internal')).location).toBe('/en/states/sn/internal');
    expect((await member.get('/en/states/sn')).body).toContain('href="/en/states/sn/internal"');
    expect((await new Agent(t.app).get('/en/states/sn')).body).not.toContain('/internal');
    expect((await preparer.get('/en/states/sn')).body).not.toContain('/internal');
  });
});
