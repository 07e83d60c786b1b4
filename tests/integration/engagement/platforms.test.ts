/**
 * National mine action platforms through the real app: recorded for a State the first time and
 * updated with the version the user saw (a stale save keeps the typed text), dates in the wrong
 * order or in the future and facts given for a platform said not to exist refused, actions checked,
 * members added and removed without JavaScript with the gender balance shown as numbers and
 * shares, filters, the demo data; who may read and edit (a State reads its own only), audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { auditEvents } from '../../../src/platform/audit/schema.ts';
import { nationalPlatformMembers, nationalPlatforms } from '../../../src/areas/engagement/schema.ts';
import { seedDemoNationalPlatforms } from '../../../src/areas/engagement/platforms/index.ts';

let t: TestApp;
let member: Agent;
let preparerSn: Agent;
let preparerIq: Agent;

async function agentAs(role: 'isu_staff' | 'committee_member' | 'state_preparer', extra: { committeeId?: string; stateIso2?: string } = {}) {
  const u = await createUser(t.database, { role, ...extra });
  const a = new Agent(t.app);
  expect((await a.signIn(u.email)).status).toBe(303);
  return a;
}

const platform = async (iso2 = 'SN') => (await t.database.db.select().from(nationalPlatforms).where(eq(nationalPlatforms.stateIso2, iso2)))[0];
const members = (iso2 = 'SN') => t.database.db.select().from(nationalPlatformMembers).where(eq(nationalPlatformMembers.stateIso2, iso2)).orderBy(nationalPlatformMembers.position);
const audits = (prefix: string) => t.database.db.select().from(auditEvents).where(like(auditEvents.action, `${prefix}%`));

beforeAll(async () => {
  t = await createTestApp();
  member = await agentAs('committee_member', { committeeId: 'cooperation-assistance' });
  preparerSn = await agentAs('state_preparer', { stateIso2: 'SN' });
  preparerIq = await agentAs('state_preparer', { stateIso2: 'IQ' });
}, 120_000);
afterAll(async () => t?.close());

describe('who may see platforms', () => {
  it('sends anonymous readers to sign in; a State user goes to their own platform and cannot see another’s', async () => {
    const anon = await new Agent(t.app).get('/en/national-platforms/sn');
    expect(anon.status).toBe(303);
    expect(anon.location).toMatch(/^\/en\/login\?returnTo=/);
    const list = await preparerSn.get('/en/national-platforms');
    expect(list.status).toBe(303);
    expect(list.location).toBe('/en/national-platforms/sn');
    expect((await preparerSn.get('/en/national-platforms/sn')).status).toBe(200);
    expect((await preparerSn.get('/en/national-platforms/iq')).status).toBe(404);
    expect((await member.get('/en/national-platforms/xq')).status).toBe(404);
    expect((await member.get('/en/national-platforms/sen')).status).toBe(404);
  });
});

describe('recording a platform', () => {
  it('refuses dates in the wrong order or in the future, facts for a platform that does not exist, and unknown actions, keeping the text', async () => {
    const page = await member.get('/en/national-platforms/sn');
    expect(page.body).toContain('Nothing is recorded yet about a national platform in Senegal.');
    const order = await member.post('/en/national-platforms/sn', { version: '0', exists: 'yes', established_on: '2023-11-20', last_met_on: '2023-01-10', chaired_by: 'National centre' });
    expect(order.status).toBe(422);
    expect(order.body).toContain('The last meeting cannot be before the platform was established');
    expect(order.body).toContain('value="National centre"');
    const future = await member.post('/en/national-platforms/sn', { version: '0', exists: 'yes', last_met_on: `${new Date().getUTCFullYear() + 1}-01-01` });
    expect(future.body).toContain('The date cannot be in the future');
    const bad = await member.post('/en/national-platforms/sn', { version: '0', exists: 'yes', last_met_on: '2024-02-31' });
    expect(bad.body).toContain('Enter a real date, for example 2024-05-14');
    const no = await member.post('/en/national-platforms/sn', { version: '0', exists: 'no', chaired_by: 'Someone' });
    expect(no.body).toContain('A platform said not to exist cannot have dates or a chair');
    const actions = await member.post('/en/national-platforms/sn', { version: '0', exists: 'yes', actions: 'OAP-45, OAP-999' });
    expect(actions.body).toContain('One of these actions does not exist in the action plans');
    const unreadable = await member.post('/en/national-platforms/sn', { version: '0', exists: 'yes', actions: 'gender' });
    expect(unreadable.body).toContain('Could not read these as actions: gender');
    const missing = await member.post('/en/national-platforms/sn', { version: '0' });
    expect(missing.status).toBe(422);
    expect(missing.body).toContain('Say whether there is a national platform');
    expect(await platform()).toBeUndefined();
  });

  it('records it once, then updates it with the version seen; a stale save keeps the typed text', async () => {
    await member.get('/en/national-platforms/sn');
    const res = await member.post('/en/national-platforms/sn', { version: '0', exists: 'yes', established_on: '٢٠٢٣-١١-٢٠', last_met_on: '2024-05-14', chaired_by: 'National mine action centre', actions: 'oap 45, OAP-42', source: 'Article 7 report for 2023' });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/en/national-platforms/sn?flash=recorded');
    expect(await platform()).toMatchObject({ exists: 'yes', establishedOn: '2023-11-20', lastMetOn: '2024-05-14', actionIds: ['OAP-45', 'OAP-42'], version: 1 });
    const again = await member.post('/en/national-platforms/sn', { version: '0', exists: 'unknown' });
    expect(again.status).toBe(409);
    const upd = await member.post('/en/national-platforms/sn', { version: '1', exists: 'yes', established_on: '2023-11-20', last_met_on: '2024-06-01', chaired_by: 'National mine action centre' });
    expect(upd.location).toBe('/en/national-platforms/sn?flash=saved');
    const stale = await member.post('/en/national-platforms/sn', { version: '1', exists: 'yes', chaired_by: 'My newer chair' });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('value="My newer chair"');
    expect((await platform())!.chairedBy).toBe('National mine action centre');
    expect((await audits('engagement.national_platform.')).map((a) => a.action).sort()).toEqual(['engagement.national_platform.recorded', 'engagement.national_platform.updated']);
  });

  it('adds members with their counts and shows the gender balance; bad counts are refused; removes a member', async () => {
    await member.get('/en/national-platforms/sn');
    expect((await member.post('/en/national-platforms/sn/members', { organisation: 'National centre', kind: 'government', women: '3', men: '5', other: '' })).status).toBe(303);
    expect((await member.post('/en/national-platforms/sn/members', { organisation: 'Operator A', kind: 'operator', women: '٢', men: '2', other: '0' })).status).toBe(303);
    expect((await member.post('/en/national-platforms/sn/members', { organisation: 'Survivors', kind: 'survivors' })).status).toBe(303);
    const bad = await member.post('/en/national-platforms/sn/members', { organisation: 'Donor', kind: 'donor', women: '-1', men: 'many' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('Enter a whole number of people, for example 3');
    expect(bad.body).toContain('value="Donor"');
    const noName = await member.post('/en/national-platforms/sn/members', { organisation: '  ', kind: 'donor' });
    expect(noName.body).toContain('Enter the organisation');
    expect((await member.post('/en/national-platforms/sn/members', { organisation: 'X', kind: 'robots' })).body).toContain('Choose a kind of member');
    expect((await members()).map((m) => [m.organisation, m.women, m.men, m.otherGender])).toEqual([
      ['National centre', 3, 5, null],
      ['Operator A', 2, 2, 0],
      ['Survivors', null, null, null],
    ]);
    const page = await member.get('/en/national-platforms/sn');
    expect(page.body).toContain('12 people counted: 5 women, 7 men, 0 of another or unstated gender; women are 42%.');
    expect(page.body).toContain('<meter min="0" max="12" value="5" aria-label="Share of women: Total">');
    expect(page.body).toContain('1 member has no counts of women and men.');
    expect(page.body).toContain('Not counted');
    const operator = (await members())[1]!;
    expect((await member.post(`/en/national-platforms/sn/members/${operator.id}/delete`, {})).status).toBe(303);
    expect((await members()).map((m) => m.organisation)).toEqual(['National centre', 'Survivors']);
    expect((await member.post('/en/national-platforms/sn/members/00000000-0000-4000-8000-000000000000/delete', {})).status).toBe(404);
    expect((await member.post(`/en/national-platforms/iq/members/${(await members())[0]!.id}/delete`, {})).status).toBe(404);
    expect(await audits('engagement.national_platform.member_')).toHaveLength(4);
  });

  it('refuses members before the platform is recorded or when it does not exist', async () => {
    await member.get('/en/national-platforms/iq');
    const first = await member.post('/en/national-platforms/iq/members', { organisation: 'Ministry', kind: 'government' });
    expect(first.status).toBe(422);
    expect(first.body).toContain('Record whether the platform exists before adding its members');
    expect((await member.post('/en/national-platforms/iq', { version: '0', exists: 'no', source: 'Article 7 report' })).status).toBe(303);
    const none = await member.post('/en/national-platforms/iq/members', { organisation: 'Ministry', kind: 'government' });
    expect(none.body).toContain('The platform is recorded as not existing: it cannot have members');
  });

  it('lets the State read its platform without editing, and refuses its edits', async () => {
    const page = await preparerSn.get('/en/national-platforms/sn');
    expect(page.body).toContain('National mine action centre');
    expect(page.body).not.toContain('name="exists"');
    expect(page.body).not.toContain('/members/');
    expect((await preparerSn.post('/en/national-platforms/sn', { version: String((await platform())!.version), exists: 'no' })).status).toBe(403);
    expect((await preparerSn.post('/en/national-platforms/sn/members', { organisation: 'Mine', kind: 'government' })).status).toBe(403);
    expect((await preparerIq.post('/en/national-platforms/sn/members', { organisation: 'Mine', kind: 'government' })).status).toBe(404);
  });
});

describe('the list', () => {
  it('lists platforms with filters by existence and region, and opens another State', async () => {
    await seedDemoNationalPlatforms(t.database);
    await seedDemoNationalPlatforms(t.database);
    expect(await platform('KH')).toMatchObject({ exists: 'yes', isDemo: true });
    expect(await members('KH')).toHaveLength(4);
    const all = await member.get('/en/national-platforms');
    expect(all.status).toBe(200);
    for (const name of ['Senegal', 'Cambodia', 'Colombia', 'Iraq', 'Tajikistan']) expect(all.body).toContain(name);
    const no = await member.get('/en/national-platforms?exists=no');
    expect(no.body).toContain('Iraq');
    expect(no.body).not.toContain('/en/national-platforms/kh"');
    const americas = await member.get('/en/national-platforms?region=americas');
    expect(americas.body).toContain('Colombia');
    expect(americas.body).not.toContain('/en/national-platforms/kh"');
    expect((await member.get('/en/national-platforms?exists=maybe&region=moon')).status).toBe(200);
    const open = await member.get('/en/national-platforms?open=kh');
    expect(open.location).toBe('/en/national-platforms/kh');
    const ar = await member.get('/ar/national-platforms/kh');
    expect(ar.status).toBe(200);
    expect(ar.body).toContain('dir="rtl"');
  });
});

describe('linked actions', () => {
  it('lists the platform on the action’s page (demo Cambodia) for committee members, not for the public', async () => {
    let page = await member.get('/en/plans/actions/OAP-45');
    if (page.status === 301 || page.status === 302 || page.status === 303) page = await member.get(page.location!);
    expect(page.status).toBe(200);
    expect(page.body).toContain('href="/en/national-platforms/kh"');
    let anon = await new Agent(t.app).get('/en/plans/actions/OAP-45');
    if (anon.status === 301 || anon.status === 302 || anon.status === 303) anon = await new Agent(t.app).get(anon.location!);
    expect(anon.status).toBe(200);
    expect(anon.body).not.toContain('/national-platforms/');
  });
});
