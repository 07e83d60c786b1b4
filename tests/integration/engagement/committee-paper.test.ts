/**
 * The committee's paper on its activities and priorities through the real app: drafted from the
 * recorded year (composition, meetings with their States and outcomes, the work plan and the gender
 * & diversity plan, individualised approach) in each language; meetings open only to their
 * participants left out; texts saved per language with a version check; redrafted; marked final;
 * DOCX and PDF in Arabic and English; who may do what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { docxParts, download, hiddenIn, pdfText, squash } from '../analysis/paper-support.ts';
import { seedDemoEngagement } from '../../../src/areas/engagement/index.ts';
import { individualisedApproaches, meetingActions, meetingParticipants, meetings } from '../../../src/areas/engagement/schema.ts';

let t: TestApp;
let isu: Agent;
let member: Agent;
let otherMember: Agent;
let preparer: Agent;
const base = '/en/committee-papers/cooperation-assistance/2023';

async function agentAs(role: 'isu_staff' | 'committee_member' | 'state_preparer', extra: { committeeId?: string; stateIso2?: string } = {}) {
  const u = await createUser(t.database, { role, ...extra });
  const a = new Agent(t.app);
  expect((await a.signIn(u.email)).status).toBe(303);
  return a;
}

beforeAll(async () => {
  t = await createTestApp();
  isu = await agentAs('isu_staff');
  member = await agentAs('committee_member', { committeeId: 'cooperation-assistance' });
  otherMember = await agentAs('committee_member', { committeeId: 'article5' });
  preparer = await agentAs('state_preparer', { stateIso2: 'SN' });
  await seedDemoEngagement(t.database);
  const db = t.database.db;
  const [bilateral, secret, ia] = await db
    .insert(meetings)
    .values([
      { kind: 'bilateral', title: { en: 'Bilateral meeting with Senegal', ar: 'اجتماع ثنائي مع السنغال' }, startsAt: new Date('2023-03-14T09:00:00Z'), endsAt: new Date('2023-03-14T10:00:00Z'), committeeIds: ['cooperation-assistance', 'article5'], withPresidency: true, confidentiality: 'committee', status: 'held', genderQuestions: 'How are women deminers recruited?' },
      { kind: 'bilateral', title: { en: 'Closed consultation' }, startsAt: new Date('2023-04-02T09:00:00Z'), endsAt: new Date('2023-04-02T10:00:00Z'), committeeIds: ['cooperation-assistance'], confidentiality: 'participants', status: 'held' },
      { kind: 'individualised_approach', title: { en: 'Individualised-approach meeting of Senegal' }, startsAt: new Date('2023-06-21T13:00:00Z'), endsAt: new Date('2023-06-21T15:00:00Z'), committeeIds: ['cooperation-assistance'], confidentiality: 'public', status: 'held' },
    ])
    .returning();
  await db.insert(meetingParticipants).values([
    { meetingId: bilateral!.id, kind: 'state', stateIso2: 'SN', position: 1 },
    { meetingId: secret!.id, kind: 'state', stateIso2: 'TJ', position: 1 },
    { meetingId: ia!.id, kind: 'state', stateIso2: 'SN', position: 1 },
  ]);
  await db.insert(meetingActions).values([
    { meetingId: bilateral!.id, kind: 'outcome', text: 'Senegal will update its resource mobilisation plan' },
    { meetingId: bilateral!.id, kind: 'follow_up', text: 'Share the reporting guide', status: 'done' },
    { meetingId: bilateral!.id, kind: 'follow_up', text: 'Invite to the June panel' },
  ]);
  await db.insert(individualisedApproaches).values({ stateIso2: 'SN', status: 'published', interestOn: '2023-02-01', meetingId: ia!.id, publishedAt: new Date('2023-09-01T10:00:00Z') });
}, 120_000);
afterAll(async () => t?.close());

describe('the draft written from the records', () => {
  it('says who sat on the committee, what met, what the plans achieved and the individualised approach, in English', async () => {
    const page = await member.get(base);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Thailand');
    expect(page.body).toContain('with Thailand as Chair');
    expect(page.body).toContain('Bilateral meeting with Senegal');
    expect(page.body).toContain('held with the President');
    expect(page.body).toContain('Outcomes recorded: 1; follow-up actions: 2, of which completed: 1.');
    expect(page.body).toContain('Workstreams of the gender and diversity action plan: 10; completed: 10');
    expect(page.body).toContain('How are women deminers recruited?');
    expect(page.body).toMatch(/Senegal expressed its interest on (1 February|February 1), 2023/);
    expect(page.body).toMatch(/Its final report was published on (1 September|September 1), 2023\./);
    // Open only to its participants: not in a paper every committee member reads.
    expect(page.body).not.toContain('Closed consultation');
    expect(page.body).toContain('written from the records and have not been saved');
  });

  it('is written in Arabic, with the names of States and meetings in Arabic', async () => {
    const page = await member.get('/ar/committee-papers/cooperation-assistance/2023');
    expect(page.status).toBe(200);
    expect(page.body).toContain('وتولّت تايلاند الرئاسة');
    expect(page.body).toContain('اجتماع ثنائي مع السنغال');
    expect(page.body).toMatch(/مسارات خطة العمل بشأن النوع الاجتماعي والتنوع: (10|١٠)/);
  });
});

describe('editing', () => {
  it('saves a language, refuses a stale save with the text kept, redrafts and marks final', async () => {
    const page = await member.get(`${base}?lang=ar`);
    expect(hiddenIn(page.body, base, 'version')).toBe('0');
    const texts = { s_introduction: 'مقدمة كتبتها اللجنة', s_activities: 'الأنشطة', s_gender: 'النوع الاجتماعي', s_individualised: 'النهج الفردي', s_priorities: 'الأولويات' };
    expect((await member.post(base, { version: '0', lang: 'ar', ...texts })).status).toBe(303);
    const stale = await member.post(base, { version: '0', lang: 'ar', ...texts, s_introduction: 'نص أحدث' });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('نص أحدث');
    const saved = await member.get(`${base}?lang=ar`);
    expect(saved.body).toContain('مقدمة كتبتها اللجنة');
    // English is still the draft from the records.
    expect((await member.get(`${base}?lang=en`)).body).toContain('with Thailand as Chair');
    expect((await member.post(`${base}/redraft`, { version: '1', lang: 'ar' })).status).toBe(303);
    expect((await member.get(`${base}?lang=ar`)).body).not.toContain('مقدمة كتبتها اللجنة');
    expect((await member.post(`${base}/status`, { version: '2', lang: 'en', status: 'final' })).status).toBe(303);
    expect((await member.get(base)).body).toContain('Final');
  });

  it('lets other committees read but not edit, refuses State users and unknown years or committees', async () => {
    expect((await otherMember.get(base)).status).toBe(200);
    await otherMember.get(base);
    expect((await otherMember.post(base, { version: '3', lang: 'en', s_introduction: 'x' })).status).toBe(403);
    expect((await preparer.get(base)).status).toBe(403);
    expect((await download(t, preparer, `${base}.pdf?lang=en`)).status).toBe(403);
    expect((await isu.get('/en/committee-papers/nobody/2023')).status).toBe(404);
    expect((await isu.get('/en/committee-papers/cooperation-assistance/1990')).status).toBe(404);
    expect((await new Agent(t.app).get(base)).status).toBe(303);
  });
});

describe('downloads', () => {
  it('gives the paper as DOCX and PDF in Arabic and English', async () => {
    for (const lang of ['en', 'ar'] as const) {
      const docx = await download(t, isu, `${base}.docx?lang=${lang}`);
      expect(docx.status, lang).toBe(200);
      expect(docx.headers['content-disposition']).toBe(`attachment; filename="cooperation-assistance-2023-final-${lang}.docx"`);
      const xml = docxParts(docx.body).document;
      expect(xml).toContain(lang === 'en' ? 'Bilateral meeting with Senegal' : 'اجتماع ثنائي مع السنغال');
      if (lang === 'ar') expect(xml).toContain('<w:bidi/>');
      const pdf = await download(t, isu, `${base}.pdf?lang=${lang}`);
      expect(pdf.status, lang).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = pdfText(pdf.body);
      expect(squash(text)).toContain(squash(lang === 'en' ? 'activities and priorities' : 'الاجتماعات والفعاليات في عام'));
    }
  });
});
