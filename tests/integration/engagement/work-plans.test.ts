/**
 * Work plans through the real app: a committee's plan started once per year and kind, items added,
 * edited (in the editor's language, other languages kept), moved and deleted; owners must be active
 * accounts; actions must exist; stale edits refused with the typed text kept; evidence linked by
 * pasting an address and shown with its target's title; items listed on the action's page; who may
 * do what; every change audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { auditEvents } from '../../../src/platform/audit/schema.ts';
import { users } from '../../../src/areas/accounts/schema.ts';
import { reports } from '../../../src/areas/reporting/schema.ts';
import { workPlanItems, workPlans, evidenceLinks, meetings } from '../../../src/areas/engagement/schema.ts';
import { seedDemoEngagement } from '../../../src/areas/engagement/index.ts';

let t: TestApp;
let isu: Agent;
let member: Agent;
let otherMember: Agent;
let preparer: Agent;
let memberId: string;
let disabledId: string;
let planId: string;

async function agentAs(role: 'isu_staff' | 'committee_member' | 'state_preparer', extra: { committeeId?: string; stateIso2?: string } = {}) {
  const u = await createUser(t.database, { role, ...extra });
  const a = new Agent(t.app);
  expect((await a.signIn(u.email)).status).toBe(303);
  return { agent: a, user: u };
}

const items = () => t.database.db.select().from(workPlanItems).where(eq(workPlanItems.planId, planId)).orderBy(workPlanItems.position);
const audits = (prefix: string) => t.database.db.select().from(auditEvents).where(like(auditEvents.action, `${prefix}%`));

beforeAll(async () => {
  t = await createTestApp();
  isu = (await agentAs('isu_staff')).agent;
  const m = await agentAs('committee_member', { committeeId: 'cooperation-assistance' });
  member = m.agent;
  memberId = m.user.id;
  otherMember = (await agentAs('committee_member', { committeeId: 'article5' })).agent;
  preparer = (await agentAs('state_preparer', { stateIso2: 'SN' })).agent;
  const disabled = await createUser(t.database, { role: 'committee_member', committeeId: 'cooperation-assistance', name: 'Former Member' });
  await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));
  disabledId = disabled.id;
}, 120_000);
afterAll(async () => t?.close());

describe('who may see work plans', () => {
  it('sends anonymous readers to sign in and refuses State users', async () => {
    const anon = await new Agent(t.app).get('/en/work-plans');
    expect(anon.status).toBe(303);
    expect(anon.location).toMatch(/^\/en\/login\?returnTo=/);
    expect((await preparer.get('/en/work-plans')).status).toBe(403);
  });
});

describe('a plan and its items', () => {
  it('starts a plan once per committee, year and kind', async () => {
    await member.get('/en/work-plans');
    const res = await member.post('/en/work-plans', { committee: 'cooperation-assistance', year: '٢٠٢٥', kind: 'gender_action_plan' });
    expect(res.status).toBe(303);
    planId = /work-plans\/([0-9a-f-]{36})/.exec(res.location!)![1]!;
    expect(res.location).toContain('flash=created');
    const again = await member.post('/en/work-plans', { committee: 'cooperation-assistance', year: '2025', kind: 'gender_action_plan' });
    expect(again.location).toBe(`/en/work-plans/${planId}?flash=exists`);
    expect(await t.database.db.select().from(workPlans).where(eq(workPlans.committeeId, 'cooperation-assistance'))).toHaveLength(1);
  });

  it('refuses a plan for another committee, and bad input with clear messages', async () => {
    await otherMember.get('/en/work-plans');
    expect((await otherMember.post('/en/work-plans', { committee: 'cooperation-assistance', year: '2025', kind: 'work_plan' })).status).toBe(403);
    const bad = await member.post('/en/work-plans', { committee: 'cooperation-assistance', year: '25', kind: 'work_plan' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('Enter a year of four digits');
  });

  it('adds items, refusing a missing title, a bad date, unknown actions and a disabled owner with the text kept', async () => {
    await member.get(`/en/work-plans/${planId}`);
    const bad = await member.post(`/en/work-plans/${planId}/items`, { title: '', due: '2025-02-30', status: 'planned', actions: 'OAP-45' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('Enter what the item is.');
    expect(bad.body).toContain('Enter a real date as YYYY-MM-DD.');
    const unknown = await member.post(`/en/work-plans/${planId}/items`, { title: 'Review reports for gender', status: 'planned', actions: 'OAP-45, OAP-999' });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toContain('does not exist in the action plans');
    expect(unknown.body).toContain('value="Review reports for gender"');
    const unreadable = await member.post(`/en/work-plans/${planId}/items`, { title: 'Review reports for gender', status: 'planned', actions: 'gender' });
    expect(unreadable.body).toContain('could not be read as action numbers: gender');
    const disabled = await member.post(`/en/work-plans/${planId}/items`, { title: 'Review reports for gender', status: 'planned', owner: disabledId });
    expect(disabled.status).toBe(422);
    expect(disabled.body).toContain('account is disabled');
    expect(await items()).toHaveLength(0);

    for (const [title, due] of [
      ['Review reports for gender', '2025-06-01'],
      ['Follow up with States', '2020-01-01'],
      ['Panel at the meeting', ''],
    ] as const) {
      const ok = await member.post(`/en/work-plans/${planId}/items`, { title, due, status: 'planned', actions: 'oap 45; OAP-47', owner: memberId, owner_label: 'Gender focal point' });
      expect(ok.status).toBe(303);
    }
    const rows = await items();
    expect(rows.map((r) => [r.position, r.title.en, r.actionIds])).toEqual([
      [1, 'Review reports for gender', ['OAP-45', 'OAP-47']],
      [2, 'Follow up with States', ['OAP-45', 'OAP-47']],
      [3, 'Panel at the meeting', ['OAP-45', 'OAP-47']],
    ]);
    const page = await member.get(`/en/work-plans/${planId}`);
    expect(page.body).toContain('overdue');
    expect((await audits('engagement.work_plan_item.added')).length).toBe(3);
  });

  it('edits an item in another language and keeps the English title; a stale edit keeps the typed text', async () => {
    const [first] = await items();
    await member.get(`/fr/work-plans/${planId}/items/${first!.id}`);
    const ok = await member.post(`/fr/work-plans/${planId}/items/${first!.id}`, { version: String(first!.version), title: 'Examiner les rapports', status: 'done', actions: 'OAP-45', owner: memberId });
    expect(ok.status).toBe(303);
    const [after] = await items();
    expect(after!.title).toEqual({ en: 'Review reports for gender', fr: 'Examiner les rapports' });
    expect(after!.status).toBe('done');
    expect(after!.completedAt).not.toBeNull();
    const stale = await member.post(`/en/work-plans/${planId}/items/${first!.id}`, { version: String(first!.version), title: 'My newer title', status: 'in_progress' });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('value="My newer title"');
    expect((await items())[0]!.status).toBe('done');
  });

  it('keeps an owner disabled since on an item, marked', async () => {
    const [, second] = await items();
    await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, memberId));
    try {
      const page = await isu.get(`/en/work-plans/${planId}/items/${second!.id}`);
      expect(page.body).toContain('disabled account');
      const save = await isu.post(`/en/work-plans/${planId}/items/${second!.id}`, { version: String(second!.version), title: 'Follow up with States', status: 'in_progress', owner: memberId });
      expect(save.status).toBe(303);
    } finally {
      await t.database.db.update(users).set({ disabledAt: null }).where(eq(users.id, memberId));
    }
  });

  it('moves items and deletes one only when confirmed', async () => {
    const before = await items();
    await member.get(`/en/work-plans/${planId}`);
    expect((await member.post(`/en/work-plans/${planId}/items/${before[2]!.id}/move`, { direction: 'up' })).status).toBe(303);
    expect((await items()).map((r) => r.title.en)).toEqual(['Review reports for gender', 'Panel at the meeting', 'Follow up with States']);
    const last = (await items())[2]!;
    const unconfirmed = await member.post(`/en/work-plans/${planId}/items/${last.id}/delete`, { version: String(last.version) });
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.body).toContain('Tick the box to confirm the deletion.');
    expect(await items()).toHaveLength(3);
    expect((await member.post(`/en/work-plans/${planId}/items/${last.id}/delete`, { version: String(last.version), confirm: 'yes' })).status).toBe(303);
    expect((await items()).map((r) => r.position)).toEqual([1, 2]);
  });

  it('refuses edits by a member of another committee and by State users, and 404s unknown ids', async () => {
    const [first] = await items();
    await otherMember.get(`/en/work-plans/${planId}`);
    expect((await otherMember.post(`/en/work-plans/${planId}/items`, { title: 'Intruder', status: 'planned' })).status).toBe(403);
    expect((await otherMember.get(`/en/work-plans/${planId}`)).body).not.toContain('Add the item');
    expect((await preparer.get(`/en/work-plans/${planId}/items/${first!.id}`)).status).toBe(403);
    expect((await member.get(`/en/work-plans/${planId}/items/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await member.get('/en/work-plans/not-a-uuid')).status).toBe(404);
  });
});

describe('evidence', () => {
  it('links a report and a web page by address, refuses what it cannot read, and shows titles', async () => {
    const [first] = await items();
    const [report] = await t.database.db.insert(reports).values({ stateIso2: 'SN', kind: 'annual', year: 2024, formatVersion: '2023', periodStart: '2024-01-01', periodEnd: '2024-12-31', dueDate: '2025-04-30' }).returning();
    const base = `/en/work-plans/${planId}/items/${first!.id}`;
    await member.get(base);
    expect((await member.post(`${base}/links`, { address: `http://localhost:3000/ar/reports/${report!.id}/edit` })).status).toBe(303);
    expect((await member.post(`${base}/links`, { address: `/en/reports/${report!.id}` })).location).toContain('flash=already_linked');
    expect((await member.post(`${base}/links`, { address: 'https://www.apminebanconvention.org/', label: 'Convention website' })).status).toBe(303);
    const bad = await member.post(`${base}/links`, { address: 'javascript:alert(1)' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('neither a page of the platform');
    expect((await member.post(`${base}/links`, { address: `/en/work-plans/${planId}/items/${first!.id}` })).status).toBe(422);
    const page = await member.get(base);
    expect(page.body).toContain('Senegal · 2024');
    expect(page.body).toContain('Convention website');
    const links = await t.database.db.select().from(evidenceLinks).where(and(eq(evidenceLinks.sourceType, 'plan_item'), eq(evidenceLinks.sourceId, first!.id)));
    expect(links).toHaveLength(2);
    const remove = await member.post(`${base}/links/${links[1]!.id}/delete`, {});
    expect(remove.status).toBe(303);
    expect((await audits('engagement.evidence_link.')).map((a) => a.action).sort()).toEqual(['engagement.evidence_link.added', 'engagement.evidence_link.added', 'engagement.evidence_link.removed']);
  });

  it('never shows the title of a linked meeting the reader may not read', async () => {
    const [first] = await items();
    const [secret] = await t.database.db
      .insert(meetings)
      .values({ kind: 'bilateral', title: { en: 'Confidential talk with a State' }, startsAt: new Date('2025-03-01T09:00:00Z'), endsAt: new Date('2025-03-01T10:00:00Z'), committeeIds: ['cooperation-assistance'], confidentiality: 'participants' })
      .returning();
    const base = `/en/work-plans/${planId}/items/${first!.id}`;
    await isu.get(base);
    expect((await isu.post(`${base}/links`, { address: `/en/meetings/${secret!.id}` })).status).toBe(303);
    expect((await isu.get(base)).body).toContain('Confidential talk with a State');
    const page = await member.get(base);
    expect(page.body).not.toContain('Confidential talk with a State');
    expect(page.body).toContain('A meeting you may not read');
  });

  it('lists the items serving an action on the action page, to committee members only', async () => {
    const moved = await member.get('/en/plans/actions/OAP-45');
    const page = moved.location ? await member.get(moved.location) : moved;
    expect(page.status).toBe(200);
    expect(page.body).toContain('Review reports for gender');
    const pub = await new Agent(t.app).get(moved.location ?? '/en/plans/actions/OAP-45');
    expect(pub.body).not.toContain('Review reports for gender');
  });
});

describe('demo data', () => {
  it('seeds the 2023 work plan and the ten workstreams of the gender and diversity plan once', async () => {
    await seedDemoEngagement(t.database);
    await seedDemoEngagement(t.database);
    const plans = await t.database.db.select().from(workPlans).where(eq(workPlans.year, 2023));
    expect(plans.map((p) => p.kind).sort()).toEqual(['gender_action_plan', 'work_plan']);
    const gender = plans.find((p) => p.kind === 'gender_action_plan')!;
    const streams = await t.database.db.select().from(workPlanItems).where(eq(workPlanItems.planId, gender.id));
    expect(streams).toHaveLength(10);
    for (const s of streams) expect(Object.keys(s.title).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    const ar = await member.get(`/ar/work-plans/${gender.id}`);
    expect(ar.status).toBe(200);
    expect(ar.body).toContain('خطة عمل النوع الاجتماعي والتنوع');
    expect(ar.body).toContain('تجريبي');
  });
});
