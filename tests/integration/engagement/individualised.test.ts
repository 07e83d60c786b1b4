/**
 * The individualised approach through the real app: a State's expression of interest (bad dates and
 * unknown States refused), the profile prefilled from its latest submitted Article 7 report with
 * each figure's source and refreshed from a newer one without losing what was written, the meeting
 * linked (only an individualised-approach meeting the user may read), summary and final report per
 * language, steps in order, publication (refused without a final report) to a public page that
 * 404s until then, in the reader's language with fallback, listed on the State's page; commitments
 * shown with the later meeting that reviewed them; stale saves refused; who may do what; audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { auditEvents } from '../../../src/platform/audit/schema.ts';
import { reports, reportVersions } from '../../../src/areas/reporting/schema.ts';
import { individualisedApproaches, meetingActions, meetingParticipants, meetings } from '../../../src/areas/engagement/schema.ts';

let t: TestApp;
let isu: Agent;
let member: Agent;
let preparerSn: Agent;
let preparerIq: Agent;
let id: string;
let meetingId: string;
let reviewMeetingId: string;
let otherKindMeetingId: string;
let reportId: string;

async function agentAs(role: 'isu_staff' | 'committee_member' | 'state_preparer', extra: { committeeId?: string; stateIso2?: string } = {}) {
  const u = await createUser(t.database, { role, ...extra });
  const a = new Agent(t.app);
  expect((await a.signIn(u.email)).status).toBe(303);
  return a;
}

const record = async () => (await t.database.db.select().from(individualisedApproaches).where(eq(individualisedApproaches.id, id)))[0]!;
const audits = (prefix: string) => t.database.db.select().from(auditEvents).where(like(auditEvents.action, `${prefix}%`));
const base = () => `/en/individualised-approach/${id}`;

function snapshot(sqm: number, needs: string) {
  return {
    forms: {
      C: {
        status: 'complete',
        values: {
          hazards: {
            areas: [
              { region: 'Ziguinchor', kind: 'sha', areaCount: 14, sizeSqm: sqm },
              { region: 'Ziguinchor', kind: 'cha', areaCount: 9, sizeSqm: 402_000 },
              { region: 'Sédhiou', kind: 'sha', areaCount: 5, sizeSqm: 185_000 },
            ],
          },
          release: { byRegion: [{ region: 'Ziguinchor', cancelledSqm: 120_000, reducedSqm: 45_000, clearedSqm: 62_000, minesDestroyed: 31 }], methodology: 'Non-technical survey first, then technical survey.' },
          plan: { hasPlan: true, planSummary: 'Finish survey in Ziguinchor, then clear the confirmed areas.' },
        },
      },
      J: {
        status: 'complete',
        values: {
          victims: { casualties: { male_adult: 2 }, survivors: { female_adult: 96, male_adult: 602 }, narrative: 'Survivors receive physical rehabilitation.' },
          received: { assistance: [{ partner: 'EU', amount: { amount: 600_000, currency: 'EUR' } }], nationalResources: { amount: 350_000_000, currency: 'XOF' } },
          cooperation: { resourcePlan: true, resourcePlanSummary: 'A yearly national contribution.', nationalPlatform: false, needs },
          gender: { narrative: 'Women and men are consulted separately.' },
        },
      },
    },
  };
}

async function addReport(year: number, sqm: number, needs: string) {
  const [r] = await t.database.db
    .insert(reports)
    .values({ stateIso2: 'SN', kind: 'annual', year, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, dueDate: `${year + 1}-04-30`, status: 'submitted', formatVersion: '2023', language: 'fr', currentVersionNo: 1, submittedAt: new Date() })
    .returning();
  await t.database.db.insert(reportVersions).values({ reportId: r!.id, versionNo: 1, formatVersion: '2023', language: 'fr', visibility: 'public', snapshot: snapshot(sqm, needs), submittedAt: new Date() });
  return r!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  isu = await agentAs('isu_staff');
  member = await agentAs('committee_member', { committeeId: 'article5' });
  preparerSn = await agentAs('state_preparer', { stateIso2: 'SN' });
  preparerIq = await agentAs('state_preparer', { stateIso2: 'IQ' });
  const db = t.database.db;
  const [m] = await db
    .insert(meetings)
    .values({ kind: 'individualised_approach', title: { en: 'Senegal individualised-approach meeting', fr: 'Réunion d’approche individualisée du Sénégal' }, startsAt: new Date('2023-06-21T13:00:00Z'), endsAt: new Date('2023-06-21T15:00:00Z'), confidentiality: 'participants', committeeIds: ['cooperation-assistance'], status: 'held' })
    .returning();
  meetingId = m!.id;
  await db.insert(meetingParticipants).values({ meetingId, kind: 'state', stateIso2: 'SN', role: 'presenter' });
  const [review] = await db.insert(meetings).values({ kind: 'bilateral', title: { en: 'Bilateral meeting with Senegal, 2024' }, startsAt: new Date('2024-03-12T09:00:00Z'), endsAt: new Date('2024-03-12T10:00:00Z'), confidentiality: 'platform', status: 'held' }).returning();
  reviewMeetingId = review!.id;
  otherKindMeetingId = reviewMeetingId;
  await db.insert(meetingActions).values([
    { meetingId, kind: 'commitment', text: 'Set up a national mine action platform', ownerLabel: 'Senegal', stateIso2: 'SN', dueDate: '2023-12-31', status: 'done', reviewedAtMeetingId: reviewMeetingId, reviewNote: 'Platform met in December', position: 0 },
    { meetingId, kind: 'commitment', text: 'Update the resource mobilisation plan', ownerLabel: 'Senegal', stateIso2: 'SN', dueDate: '2024-04-30', status: 'in_progress', position: 1 },
    { meetingId, kind: 'outcome', text: 'Partners welcomed the presentation', position: 2 },
  ]);
}, 120_000);
afterAll(async () => t?.close());

describe('an expression of interest', () => {
  it('sends anonymous readers to sign in and refuses State users the record form', async () => {
    const anon = await new Agent(t.app).get('/en/individualised-approach');
    expect(anon.status).toBe(303);
    expect(anon.location).toMatch(/^\/en\/login\?returnTo=/);
    const list = await preparerSn.get('/en/individualised-approach');
    expect(list.status).toBe(200);
    expect(list.body).not.toContain('name="interest_on"');
    expect((await preparerSn.post('/en/individualised-approach', { state: 'SN', interest_on: '2023-02-15' })).status).toBe(403);
  });

  it('refuses a missing or unknown State and impossible, early or future dates, keeping what was typed', async () => {
    await member.get('/en/individualised-approach');
    const none = await member.post('/en/individualised-approach', { state: '', interest_on: '2023-02-15', intended_event: 'Intersessionals' });
    expect(none.status).toBe(422);
    expect(none.body).toContain('Choose a State');
    expect(none.body).toContain('value="Intersessionals"');
    const unknown = await member.post('/en/individualised-approach', { state: 'XQ', interest_on: '2023-02-15' });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toContain('Choose a State from the list');
    const impossible = await member.post('/en/individualised-approach', { state: 'SN', interest_on: '2023-02-30' });
    expect(impossible.status).toBe(422);
    expect(impossible.body).toContain('Enter a real date, for example 2023-02-15');
    expect((await member.post('/en/individualised-approach', { state: 'SN', interest_on: '1998-01-01' })).body).toContain('after the Convention entered into force');
    const future = await member.post('/en/individualised-approach', { state: 'SN', interest_on: `${new Date().getUTCFullYear() + 1}-01-01` });
    expect(future.status).toBe(422);
    expect(future.body).toContain('The date cannot be in the future');
    expect(await t.database.db.select().from(individualisedApproaches)).toHaveLength(0);
  });

  it('records the interest (dates typed in Arabic-Indic digits too), audited', async () => {
    const res = await member.post('/en/individualised-approach', { state: 'sn', interest_on: '٢٠٢٣-٠٢-١٥', intended_event: 'Intersessional meetings, June 2023' });
    expect(res.status).toBe(303);
    id = /individualised-approach\/([0-9a-f-]{36})/.exec(res.location!)![1]!;
    expect(res.location).toContain('flash=created');
    const r = await record();
    expect(r).toMatchObject({ stateIso2: 'SN', interestOn: '2023-02-15', status: 'interest', intendedEvent: 'Intersessional meetings, June 2023' });
    expect(await audits('engagement.individualised_approach.created')).toHaveLength(1);
    const page = await member.get(res.location!);
    expect(page.body).toContain('The expression of interest is recorded.');
    expect(page.body).toContain('Individualised approach: Senegal');
  });

  it('corrects the interest; a stale save is refused with the typed text kept', async () => {
    await member.get(`${base()}/interest`);
    const v = (await record()).version;
    expect((await member.post(`${base()}/interest`, { version: String(v), state: 'SN', interest_on: '2023-02-16', intended_event: 'June 2023' })).status).toBe(303);
    const stale = await member.post(`${base()}/interest`, { version: String(v), state: 'SN', interest_on: '2023-02-17', intended_event: 'My later text' });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('value="My later text"');
    expect((await record()).interestOn).toBe('2023-02-16');
  });
});

describe('who may read a record', () => {
  it('lets the State’s own users read it without editing; other States get not found', async () => {
    const own = await preparerSn.get(base());
    expect(own.status).toBe(200);
    expect(own.body).toContain('Individualised approach: Senegal');
    expect(own.body).not.toContain(`${base()}/status`);
    expect((await preparerSn.get(`${base()}/profile`)).status).toBe(403);
    expect((await preparerSn.post(`${base()}/status`, { version: String((await record()).version), to: 'preparation' })).status).toBe(403);
    expect((await preparerIq.get(base())).status).toBe(404);
    expect((await preparerIq.get('/en/individualised-approach')).body).not.toContain(id);
    expect((await isu.get('/en/individualised-approach/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await isu.get('/en/individualised-approach/not-a-uuid')).status).toBe(404);
  });
});

describe('the profile', () => {
  it('says when the State has no submitted report to fill it from', async () => {
    const page = await isu.get(`${base()}/profile`);
    expect(page.body).toContain('The State has no submitted Article 7 report yet.');
    const res = await isu.post(`${base()}/profile/prefill`, { version: String((await record()).version) });
    expect(res.status).toBe(422);
    expect(res.body).toContain('The State has no submitted Article 7 report to fill the profile from');
  });

  it('fills figures with their source and texts from the latest submitted report', async () => {
    reportId = await addReport(2022, 610_000, 'About 4 million dollars are still needed.');
    await isu.get(`${base()}/profile`);
    const res = await isu.post(`${base()}/profile/prefill`, { version: String((await record()).version) });
    expect(res.status).toBe(303);
    const r = await record();
    expect(r.profile.source).toEqual({ reportId, year: 2022, versionNo: 1 });
    expect(r.profile.figures).toMatchObject({ sha_count: 19, sha_sqm: 795_000, cha_count: 9, cha_sqm: 402_000, cleared_sqm: 62_000, mines_destroyed: 31, national_resources: '350000000 XOF', resource_plan: 'yes', national_platform: 'no', casualties: 2, survivors: 698, assistance_received_rows: 1 });
    expect(r.profile.figures!['region:Ziguinchor:sha_sqm']).toBe(610_000);
    expect(r.profile.sections.needs).toBe('About 4 million dollars are still needed.');
    const page = await isu.get(base());
    expect(page.body).toContain('Figures taken from the Article 7 report for 2022, version 1');
    expect(page.body).toContain('Suspected hazardous areas (m²)');
    expect(page.body).toContain('Form C');
    expect(page.body).toContain('lang="fr"');
    expect((await audits('engagement.individualised_approach.profile_prefilled'))).toHaveLength(1);
  });

  it('saves edited texts; a stale save keeps the typed text', async () => {
    await isu.get(`${base()}/profile`);
    const v = (await record()).version;
    expect((await isu.post(`${base()}/profile`, { version: String(v), needs: 'Edited needs: 4 million USD for survey and clearance.', plans: 'Edited plans.' })).status).toBe(303);
    const r = await record();
    expect(r.profile.sections.needs).toBe('Edited needs: 4 million USD for survey and clearance.');
    expect(r.profile.sections.contamination).toBeUndefined();
    expect(r.profile.figures!.sha_count).toBe(19);
    const stale = await isu.post(`${base()}/profile`, { version: String(v), needs: 'Lost words' });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('Lost words');
    expect(stale.body).toContain('warning');
  });

  it('offers a newer report and refreshes figures, keeping edited texts unless asked', async () => {
    await addReport(2023, 500_000, 'Three million dollars are still needed.');
    const page = await isu.get(base());
    expect(page.body).toContain('A newer report is available: 2023, version 1.');
    await isu.get(`${base()}/profile`);
    expect((await isu.post(`${base()}/profile/prefill`, { version: String((await record()).version) })).status).toBe(303);
    let r = await record();
    expect(r.profile.source!.year).toBe(2023);
    expect(r.profile.figures!['region:Ziguinchor:sha_sqm']).toBe(500_000);
    expect(r.profile.sections.needs).toBe('Edited needs: 4 million USD for survey and clearance.');
    expect(r.profile.sections.contamination).toBe('Non-technical survey first, then technical survey.');
    expect((await isu.post(`${base()}/profile/prefill`, { version: String(r.version), replace: 'yes' })).status).toBe(303);
    r = await record();
    expect(r.profile.sections.needs).toBe('Three million dollars are still needed.');
  });
});

describe('steps, meeting, summary and publication', () => {
  it('moves forward one step at a time and refuses the meeting step without a meeting', async () => {
    await isu.get(base());
    expect((await isu.post(`${base()}/status`, { version: String((await record()).version), to: 'preparation' })).status).toBe(303);
    const skip = await isu.post(`${base()}/status`, { version: String((await record()).version), to: 'summary' });
    expect(skip.status).toBe(422);
    expect(skip.body).toContain('The record cannot move to this step from where it is');
    const noMeeting = await isu.post(`${base()}/status`, { version: String((await record()).version), to: 'meeting' });
    expect(noMeeting.status).toBe(422);
    expect(noMeeting.body).toContain('Link the meeting before moving to the meeting step');
    const bogus = await isu.post(`${base()}/status`, { version: String((await record()).version), to: 'flying' });
    expect(bogus.status).toBe(422);
    expect((await record()).status).toBe('preparation');
  });

  it('links only an individualised-approach meeting', async () => {
    const page = await isu.get(`${base()}/meeting`);
    expect(page.body).toContain('Senegal individualised-approach meeting');
    expect(page.body).toContain('Senegal takes part');
    const v = String((await record()).version);
    expect((await isu.post(`${base()}/meeting`, { version: v, meeting: 'nonsense' })).status).toBe(422);
    const unknown = await isu.post(`${base()}/meeting`, { version: v, meeting: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toContain('Choose a meeting from the list');
    const wrongKind = await isu.post(`${base()}/meeting`, { version: v, meeting: otherKindMeetingId });
    expect(wrongKind.body).toContain('Choose an individualised-approach meeting');
    expect((await isu.post(`${base()}/meeting`, { version: v, meeting: meetingId })).status).toBe(303);
    expect((await record()).meetingId).toBe(meetingId);
    expect((await isu.post(`${base()}/status`, { version: String((await record()).version), to: 'meeting' })).status).toBe(303);
    const cannotUnlink = await isu.post(`${base()}/meeting`, { version: String((await record()).version), meeting: 'none' });
    expect(cannotUnlink.status).toBe(422);
  });

  it('shows the commitments with their status and the later meeting that reviewed them, to the State too', async () => {
    for (const a of [isu, preparerSn]) {
      const page = await a.get(base());
      expect(page.body).toContain('Set up a national mine action platform');
      expect(page.body).toContain('Update the resource mobilisation plan');
      expect(page.body).not.toContain('Partners welcomed the presentation');
      expect(page.body).toContain('Platform met in December');
    }
    expect((await isu.get(base())).body).toContain('Bilateral meeting with Senegal, 2024');
  });

  it('writes the summary and the final report per language', async () => {
    const page = await isu.get(`${base()}/summary`);
    expect(page.body).toContain('name="text-ar"');
    expect(page.body).toContain('lang="ar"');
    expect((await isu.post(`${base()}/summary`, { version: String((await record()).version), 'text-en': 'Senegal presented its programme.', 'text-fr': 'Le Sénégal a présenté son programme.' })).status).toBe(303);
    expect((await record()).summary).toEqual({ en: 'Senegal presented its programme.', fr: 'Le Sénégal a présenté son programme.' });
    expect((await isu.post(`${base()}/status`, { version: String((await record()).version), to: 'summary' })).status).toBe(303);
  });

  it('refuses to publish without a final report, and the public page does not exist yet', async () => {
    await isu.get(base());
    const res = await isu.post(`${base()}/publish`, { version: String((await record()).version) });
    expect(res.status).toBe(422);
    expect(res.body).toContain('Write the final report in at least one language before publishing it');
    expect((await new Agent(t.app).get(`/en/states/sn/individualised-approach/${id}`)).status).toBe(404);
  });

  it('publishes the final report on the State’s public page, in the reader’s language with fallback', async () => {
    await isu.get(`${base()}/final-report`);
    expect((await isu.post(`${base()}/final-report`, { version: String((await record()).version), 'text-en': 'Final report in English.\n\nSecond paragraph.', 'text-fr': 'Rapport final en français.' })).status).toBe(303);
    expect((await new Agent(t.app).get(`/en/states/sn/individualised-approach/${id}`)).status).toBe(404);
    await isu.get(base());
    const res = await isu.post(`${base()}/publish`, { version: String((await record()).version) });
    expect(res.status).toBe(303);
    const r = await record();
    expect(r.status).toBe('published');
    expect(r.publishedAt).not.toBeNull();
    expect(await audits('engagement.individualised_approach.published')).toHaveLength(1);

    const visitor = new Agent(t.app);
    const en = await visitor.get(`/en/states/sn/individualised-approach/${id}`);
    expect(en.status).toBe(200);
    expect(en.body).toContain('<p>Second paragraph.</p>');
    expect(en.body).not.toContain('Rapport final');
    expect(en.body).not.toContain('Set up a national mine action platform');
    const fr = await visitor.get(`/fr/states/sn/individualised-approach/${id}`);
    expect(fr.body).toContain('Rapport final en français.');
    expect(fr.body).toContain('lang="fr"');
    const ar = await visitor.get(`/ar/states/sn/individualised-approach/${id}`);
    expect(ar.status).toBe(200);
    expect(ar.body).toContain('<div class="narrative" lang="en" dir="auto">');
    expect(ar.body).toContain('dir="rtl"');
    expect((await visitor.get(`/en/states/sn/individualised-approach/${id}?text=fr`)).body).toContain('Rapport final en français.');
    expect((await visitor.get(`/en/states/sn/individualised-approach/${id}?text=xx`)).body).toContain('Final report in English.');
    expect((await visitor.get(`/en/states/SN/individualised-approach/${id}`)).status).toBe(301);
    expect((await visitor.get(`/en/states/iq/individualised-approach/${id}`)).status).toBe(404);
    expect((await visitor.get(`/en/states/sn/individualised-approach/not-an-id`)).status).toBe(404);
    const statePage = await visitor.get('/en/states/sn');
    expect(statePage.body).toContain(`/en/states/sn/individualised-approach/${id}`);
  });

  it('cannot empty a published final report; withdrawing takes it off the public page', async () => {
    await isu.get(`${base()}/final-report`);
    const empty = await isu.post(`${base()}/final-report`, { version: String((await record()).version) });
    expect(empty.status).toBe(422);
    expect(empty.body).toContain('A published final report cannot be emptied');
    const back = await isu.post(`${base()}/status`, { version: String((await record()).version), to: 'summary' });
    expect(back.status).toBe(422);
    expect(back.body).toContain('Withdraw the final report from the public page before going back a step');
    expect((await isu.post(`${base()}/withdraw`, { version: String((await record()).version) })).status).toBe(303);
    expect((await record()).status).toBe('summary');
    expect((await new Agent(t.app).get(`/en/states/sn/individualised-approach/${id}`)).status).toBe(404);
    expect((await new Agent(t.app).get('/en/states/sn')).body).not.toContain(`/individualised-approach/${id}`);
    expect((await isu.post(`${base()}/publish`, { version: String((await record()).version) })).status).toBe(303);
    const actions = (await audits('engagement.individualised_approach.')).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['engagement.individualised_approach.status_changed', 'engagement.individualised_approach.withdrawn', 'engagement.individualised_approach.final_report_saved', 'engagement.individualised_approach.summary_saved', 'engagement.individualised_approach.meeting_linked', 'engagement.individualised_approach.profile_saved']));
  });
});
