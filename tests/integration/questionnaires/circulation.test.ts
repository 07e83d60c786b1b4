/**
 * Circulation, the questionnaire's side: who may use the pages, dates and reminders (bad order,
 * closing in the past, stale version), circulating (refused when broken, confirm step for
 * incomplete languages, freezing, first e-mails with a working personal link, version N+1 while
 * started responses keep theirs), closing and reopening — each audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type Agent } from '../../support/app.ts';
import { agentFrom, signedIn } from '../accounts/helpers.ts';
import { createInvitation, createQuestionnaire, createResponse, SAMPLE_CONTENT } from '../../support/questionnaires.ts';
import { questionnaires, questionnaireVersions, questionnaireResponses, questionnaireInvitations } from '../../../src/areas/questionnaires/schema.ts';
import { currentVersion } from '../../../src/areas/questionnaires/questionnaires-repository.ts';
import { invitationToken, findInvitationByToken } from '../../../src/areas/questionnaires/respondents.ts';
import { sha256Hex } from '../../../src/platform/auth/crypto.ts';
import type { QuestionnaireContent } from '../../../src/areas/questionnaires/content.ts';

let t: TestApp;
let isu: Agent;
let member: Agent;
let otherCommittee: Agent;
let preparer: Agent;
let isuEmail: string;

interface Mail {
  to_address: string;
  subject: string;
  text_body: string;
  locale: string;
  kind: string;
  dedupe_key: string | null;
}
const mailsTo = (email: string) => t.database.query<Mail>(`select to_address, subject, text_body, locale, kind, dedupe_key from outbox_emails where lower(to_address) = lower($1) order by created_at, id`, [email]);
const audits = (action: string, entityId: string) => t.database.query<{ action: string; summary: Record<string, unknown> }>(`select action, summary from audit_events where action = $1 and entity_id = $2 order by id`, [action, entityId]);
const row = async (id: string) => (await t.database.db.select().from(questionnaires).where(eq(questionnaires.id, id)))[0]!;
const path = (id: string, sub = '') => `/en/questionnaires/${id}/circulation${sub}`;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const hasAnswerPage = () => t.app.routeList.some((r) => r.method === 'GET' && r.url === '/:locale/answer/:token');

/** Complete in English only: the other languages are a warning. */
const ENGLISH_ONLY: QuestionnaireContent = { sections: [{ id: 's', title: { en: 'About you' }, questions: [{ id: 'q', type: 'yesno', label: { en: 'Do you coordinate support?' } }] }] };

beforeAll(async () => {
  t = await createTestApp();
  const a = await signedIn(t, { role: 'isu_staff', name: 'Isabel Unit', email: 'isabel.unit@isu.example.org' });
  isu = a.agent;
  isuEmail = a.user.email;
  member = (await signedIn(t, { role: 'committee_member', committeeId: 'cooperation-assistance' })).agent;
  otherCommittee = (await signedIn(t, { role: 'committee_member', committeeId: 'article5' })).agent;
  preparer = (await signedIn(t, { role: 'state_preparer', stateIso2: 'SN' })).agent;
});

afterAll(async () => {
  await t?.close();
});

describe('who may use circulation', () => {
  it('sends anonymous readers to sign in, refuses State users and other committees, lets staff and the owning committee in', async () => {
    const { questionnaireId: id } = await createQuestionnaire(t.database);
    const anon = agentFrom(t.app);
    const res = await anon.get(path(id));
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/en/login?returnTo=${encodeURIComponent(path(id))}`);
    expect((await anon.get(path(id, '/settings'))).status).toBe(303);

    expect((await preparer.get(path(id))).status).toBe(403);
    expect((await otherCommittee.get(path(id))).status).toBe(403);
    expect((await otherCommittee.get(path(id, '/settings'))).status).toBe(403);
    expect((await member.get(path(id))).status).toBe(200);
    const page = await isu.get(path(id));
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>');
    expect(page.body).toContain('Open for answers');

    // Writes are refused the same way, and change nothing.
    await preparer.get('/en/my');
    const before = await row(id);
    const post = await preparer.post(path(id, '/settings'), { version: String(before.version), opensOn: '', closesOn: '', reminderEveryDays: '3' });
    expect(post.status).toBe(403);
    expect((await row(id)).reminderEveryDays).toBeNull();
  });

  it('answers 404 for an unknown or malformed questionnaire id', async () => {
    expect((await isu.get(path('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await isu.get(path('not-a-uuid'))).status).toBe(404);
  });
});

describe('dates and reminders', () => {
  it('refuses a closing date before the opening date or in the past, and a reminder interval out of range, keeping what was typed', async () => {
    const { questionnaireId: id } = await createQuestionnaire(t.database, { circulated: false });
    const form = await isu.get(path(id, '/settings'));
    expect(form.status).toBe(200);
    const version = String((await row(id)).version);

    let res = await isu.post(path(id, '/settings'), { version, opensOn: day(20), closesOn: day(10), reminderEveryDays: '7' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('The closing date must be on or after the opening date.');
    expect(res.body).toContain(`value="${day(20)}"`);
    expect(res.body).toContain('class="error-summary"');

    res = await isu.post(path(id, '/settings'), { version, opensOn: '', closesOn: day(-2), reminderEveryDays: '' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('The closing date cannot be in the past.');

    res = await isu.post(path(id, '/settings'), { version, opensOn: '2023-02-30', closesOn: day(10), reminderEveryDays: '91' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('Enter the opening date as a real date');
    expect(res.body).toContain('Enter a whole number of days from 1 to 90');
    expect(res.body).toContain('value="91"');

    // In French, the same mistake in French.
    await isu.get(`/fr/questionnaires/${id}/circulation/settings`);
    res = await isu.post(`/fr/questionnaires/${id}/circulation/settings`, { version, opensOn: day(20), closesOn: day(10) });
    expect(res.status).toBe(422);
    expect(res.body).toContain('La date de clôture');

    expect((await row(id)).closesAt).toBeNull();
  });

  it('saves the dates (closing day inclusive) and the interval with the version read, audited; a stale form is a conflict showing both', async () => {
    const { questionnaireId: id } = await createQuestionnaire(t.database, { circulated: false });
    await isu.get(path(id, '/settings'));
    const version = (await row(id)).version;
    const res = await isu.post(path(id, '/settings'), { version: String(version), opensOn: day(1), closesOn: day(30), reminderEveryDays: '٧' });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${path(id)}?done=settings`);
    const saved = await row(id);
    expect(saved.opensAt!.toISOString()).toBe(`${day(1)}T00:00:00.000Z`);
    expect(saved.closesAt!.toISOString()).toBe(`${day(31)}T00:00:00.000Z`);
    expect(saved.reminderEveryDays).toBe(7);
    expect(saved.version).toBe(version + 1);
    expect((await audits('questionnaires.settings.changed', id)).length).toBe(1);
    expect((await isu.get(`${path(id)}?done=settings`)).body).toContain('The dates and reminders are saved.');

    // Someone else saved meanwhile: the old version is refused, both values shown, nothing lost.
    await member.get(path(id, '/settings'));
    const stale = await member.post(path(id, '/settings'), { version: String(version), opensOn: day(2), closesOn: day(40), reminderEveryDays: '3' });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('Someone else changed these settings');
    expect(stale.body).toContain(`value="${day(40)}"`);
    expect(stale.body).toContain(`name="version" value="${version + 1}"`);
    expect((await row(id)).reminderEveryDays).toBe(7);
  });

  it('moving the closing date moves the expiry of the links with it', async () => {
    const { questionnaireId: id } = await createQuestionnaire(t.database);
    const { invitation } = await createInvitation(t.database, t.config.secret, id, { email: 'moves@example.org' });
    await isu.get(path(id, '/settings'));
    const res = await isu.post(path(id, '/settings'), { version: String((await row(id)).version), opensOn: '', closesOn: day(100) });
    expect(res.status).toBe(303);
    const [inv] = await t.database.db.select().from(questionnaireInvitations).where(eq(questionnaireInvitations.id, invitation.id));
    expect(inv!.expiresAt.toISOString()).toBe(new Date(Date.parse(`${day(101)}T00:00:00Z`) + 60 * 86_400_000).toISOString());
  });
});

describe('circulating', () => {
  it('refuses a questionnaire without questions, with broken questions or with its own language incomplete — with the reasons, nothing frozen', async () => {
    const empty = await createQuestionnaire(t.database, { circulated: false, content: { sections: [] } });
    let page = await isu.get(path(empty.questionnaireId, '/circulate'));
    expect(page.status).toBe(200);
    expect(page.body).toContain('This version cannot be circulated yet');
    expect(page.body).toContain('It has no question.');
    let res = await isu.post(path(empty.questionnaireId, '/circulate'), { version: String((await row(empty.questionnaireId)).version) });
    expect(res.status).toBe(422);
    expect(res.body).toContain('cannot be circulated yet');

    const broken = await createQuestionnaire(t.database, { circulated: false, content: { sections: [{ id: 's', title: { en: 'S' }, questions: [{ id: 'q', type: 'single', label: { en: 'Which?' } }] }] } });
    page = await isu.get(path(broken.questionnaireId, '/circulate'));
    expect(page.body).toContain('Add at least one answer option.');

    const french = await createQuestionnaire(t.database, { circulated: false, content: ENGLISH_ONLY });
    await t.database.db.update(questionnaires).set({ sourceLocale: 'fr' }).where(eq(questionnaires.id, french.questionnaireId));
    page = await isu.get(path(french.questionnaireId, '/circulate'));
    expect(page.body).toMatch(/texts are missing<\/?[^>]*>? in French|texts are missing in French/);
    res = await isu.post(path(french.questionnaireId, '/circulate'), { version: String((await row(french.questionnaireId)).version), confirm: 'yes' });
    expect(res.status).toBe(422);

    for (const f of [empty, broken, french]) {
      expect((await row(f.questionnaireId)).circulatedAt).toBeNull();
      const [v] = await t.database.db.select().from(questionnaireVersions).where(eq(questionnaireVersions.id, f.versionId));
      expect(v!.frozenAt).toBeNull();
    }
  });

  it('asks to confirm incomplete languages, then freezes the version and e-mails everyone invited before, with a personal link that works', async () => {
    const f = await createQuestionnaire(t.database, { circulated: false, content: ENGLISH_ONLY, title: { en: 'Cooperation survey', fr: 'Enquête sur la coopération' } });
    const id = f.questionnaireId;
    // Dates first, then two people, while still a draft: nobody is e-mailed yet.
    await isu.get(path(id, '/settings'));
    expect((await isu.post(path(id, '/settings'), { version: String((await row(id)).version), opensOn: '', closesOn: day(30), reminderEveryDays: '' })).status).toBe(303);
    await isu.get(path(id, '/invitations/new'));
    expect((await isu.post(path(id, '/invitations/new'), { audience: 'mine_action_director', stateIso2: 'SN', name: 'Aminata Diallo', email: 'aminata@example.org', organisation: 'CNAMS', locale: 'fr' })).status).toBe(303);
    expect((await isu.post(path(id, '/invitations/new'), { audience: 'donor', stateIso2: '', name: 'John Smith', email: 'john@example.org', organisation: '', locale: 'en' })).status).toBe(303);
    expect(await mailsTo('aminata@example.org')).toEqual([]);

    const check = await isu.get(path(id, '/circulate'));
    expect(check.body).toContain('Some languages are incomplete');
    expect(check.body).toContain('2 people');
    const version = String((await row(id)).version);
    let res = await isu.post(path(id, '/circulate'), { version });
    expect(res.status).toBe(422);
    expect(res.body).toContain('tick the box to circulate anyway');
    expect((await row(id)).circulatedAt).toBeNull();

    res = await isu.post(path(id, '/circulate'), { version, confirm: 'yes' });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${path(id)}?done=circulated&version=1&sent=2`);
    const q = await row(id);
    expect(q.circulatedAt).not.toBeNull();
    expect((await currentVersion(t.database.db, id))!.id).toBe(f.versionId);
    expect((await isu.get(res.location!)).body).toContain('Version 1 is circulated. 2 invitations were e-mailed.');

    // In French for Aminata, with the French title, the closing date and whom to contact.
    const [mail] = await mailsTo('aminata@example.org');
    expect(mail!.locale).toBe('fr');
    expect(mail!.subject).toContain('Enquête sur la coopération');
    expect(mail!.text_body).toContain('isabel.unit@isu.example.org');
    const m = /http:\/\/[^/\s]+\/fr\/answer\/([A-Za-z0-9_-]+)/.exec(mail!.text_body);
    expect(m).not.toBeNull();
    const token = m![1]!;
    const inv = (await findInvitationByToken(t.database.db, token))!;
    expect(inv.email).toBe('aminata@example.org');
    expect(sha256Hex(token)).toBe(inv.tokenHash);
    expect(invitationToken(t.config.secret, inv.id, inv.linkNonce)).toBe(token);
    expect(inv.sentAt).not.toBeNull();
    expect(inv.expiresAt.getTime()).toBe(q.closesAt!.getTime() + 60 * 86_400_000);
    expect(hasAnswerPage()).toBe(true);
    expect((await agentFrom(t.app).get(`/en/answer/${token}`)).status).toBe(200);
    // English for John, with the English title.
    const [john] = await mailsTo('john@example.org');
    expect(john!.subject).toBe('Questionnaire: Cooperation survey');

    const audit = await audits('questionnaires.version.circulated', id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toMatchObject({ versionNo: 1, first: true, sent: 2 });
    expect(JSON.stringify(audit[0]!.summary)).not.toContain(token);
    expect(mail!.text_body).not.toContain(inv.tokenHash);
  });

  it('circulates version N+1: new responses start on it, responses already started keep theirs; nobody is e-mailed twice', async () => {
    const f = await createQuestionnaire(t.database, { content: SAMPLE_CONTENT });
    const id = f.questionnaireId;
    const { invitation } = await createInvitation(t.database, t.config.secret, id, { email: 'started@example.org' });
    const started = await createResponse(t.database, f, invitation, { values: { support: { received: true } } });
    const [v2] = await t.database.db.insert(questionnaireVersions).values({ questionnaireId: id, versionNo: 2, content: SAMPLE_CONTENT }).returning();

    const page = await isu.get(path(id));
    expect(page.body).toContain('Version 2 is ready to circulate');
    expect(page.body).toContain('responses already started keep version 1');
    const res = await isu.post(path(id, '/circulate'), { version: String((await row(id)).version), confirm: 'yes' });
    expect(res.status).toBe(303);
    expect(res.location).toContain('version=2&sent=0');
    expect((await currentVersion(t.database.db, id))!.id).toBe(v2!.id);
    const [kept] = await t.database.db.select().from(questionnaireResponses).where(eq(questionnaireResponses.id, started.id));
    expect(kept!.versionId).toBe(f.versionId);
    expect(await mailsTo('started@example.org')).toEqual([]);
    expect((await audits('questionnaires.version.circulated', id))[0]!.summary).toMatchObject({ versionNo: 2, first: false });

    // Nothing left to circulate.
    expect((await isu.get(path(id, '/circulate'))).body).toContain('There is no new version to circulate.');
    const again = await isu.post(path(id, '/circulate'), { version: String((await row(id)).version), confirm: 'yes' });
    expect(again.status).toBe(409);
  });

  it('refuses a stale circulation form', async () => {
    const f = await createQuestionnaire(t.database, { circulated: false });
    await isu.get(path(f.questionnaireId, '/circulate'));
    const res = await isu.post(path(f.questionnaireId, '/circulate'), { version: '999', confirm: 'yes' });
    expect(res.status).toBe(409);
    expect(res.body).toContain('Someone changed this questionnaire');
    expect((await row(f.questionnaireId)).circulatedAt).toBeNull();
  });
});

describe('closing and reopening', () => {
  it('closes after confirming, keeps the tracking readable, refuses changes; reopens by moving the closing date — audited', async () => {
    const f = await createQuestionnaire(t.database);
    const id = f.questionnaireId;
    const confirm = await isu.get(path(id, '/close'));
    expect(confirm.status).toBe(200);
    expect(confirm.body).toContain('Close the questionnaire now');
    let res = await isu.post(path(id, '/close'), { version: String((await row(id)).version) });
    expect(res.status).toBe(303);
    const closed = await row(id);
    expect(closed.closedAt).not.toBeNull();
    expect((await audits('questionnaires.questionnaire.closed', id)).length).toBe(1);

    const page = await member.get(path(id));
    expect(page.status).toBe(200);
    expect(page.body).toContain('Closed');
    expect(page.body).toContain(`${path(id)}/reopen`);
    expect((await isu.get(path(id, '/settings'))).status).toBe(403);
    expect((await otherCommittee.get(path(id, '/reopen'))).status).toBe(403);

    await isu.get(path(id, '/reopen'));
    res = await isu.post(path(id, '/reopen'), { version: String(closed.version), closesOn: day(-1) });
    expect(res.status).toBe(422);
    expect(res.body).toContain('The closing date cannot be in the past.');
    res = await isu.post(path(id, '/reopen'), { version: String(closed.version), closesOn: '' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('Enter the new closing date.');
    res = await isu.post(path(id, '/reopen'), { version: String(closed.version), closesOn: day(14) });
    expect(res.status).toBe(303);
    const reopened = await row(id);
    expect(reopened.closedAt).toBeNull();
    expect(reopened.closesAt!.toISOString()).toBe(`${day(15)}T00:00:00.000Z`);
    expect((await audits('questionnaires.questionnaire.reopened', id)).length).toBe(1);
    expect((await isu.get(path(id, '/reopen'))).status).toBe(403);
  });

  it('cannot close a questionnaire never circulated', async () => {
    const f = await createQuestionnaire(t.database, { circulated: false });
    expect((await isu.get(path(f.questionnaireId, '/close'))).status).toBe(409);
    await isu.get(path(f.questionnaireId));
    expect((await isu.post(path(f.questionnaireId, '/close'), { version: String((await row(f.questionnaireId)).version) })).status).toBe(409);
    expect((await row(f.questionnaireId)).closedAt).toBeNull();
  });
});

describe('the page in other languages', () => {
  it('renders in Arabic, right to left', async () => {
    const f = await createQuestionnaire(t.database);
    const res = await isu.get(`/ar/questionnaires/${f.questionnaireId}/circulation`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('dir="rtl"');
    expect(res.body).toContain('التعاون والمساعدة في عام 2022');
  });
  it('is reachable by its ISU author in each language', async () => {
    const f = await createQuestionnaire(t.database);
    for (const l of ['zh', 'ru', 'es']) expect((await isu.get(`/${l}/questionnaires/${f.questionnaireId}/circulation`)).status).toBe(200);
    expect(isuEmail).toContain('@');
  });
});
