/**
 * Circulation, the invitees' side: adding people (one, groups, a pasted list — bad input refused
 * with clear messages and nothing lost), e-mails with personal links that verify, revoking and
 * replacing a link, reminders only to those whose shared response is not submitted (once per
 * interval, with the same link), and the tracking table with its filters and counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, createUser, type TestApp, type Agent } from '../../support/app.ts';
import { agentFrom, signedIn } from '../accounts/helpers.ts';
import { createInvitation, createQuestionnaire, createResponse } from '../../support/questionnaires.ts';
import { questionnaires, questionnaireInvitations } from '../../../src/areas/questionnaires/schema.ts';
import { findInvitationByToken, invitationToken } from '../../../src/areas/questionnaires/respondents.ts';
import { invitationProblem } from '../../../src/areas/questionnaires/policy.ts';
import { sha256Hex } from '../../../src/platform/auth/crypto.ts';
import { JobRunner } from '../../../src/platform/jobs/runner.ts';
import { scheduleCirculationTasks, sendDueQuestionnaireReminders, QUESTIONNAIRE_REMINDERS_TASK } from '../../../src/areas/questionnaires/circulation/index.ts';
import { stateOptions } from '../../../src/areas/questionnaires/circulation/circulation-queries.ts';

let t: TestApp;
let isu: Agent;
const JOB = { userId: null, label: 'job:test' };
const DAY = 86_400_000;

interface Mail {
  to_address: string;
  subject: string;
  text_body: string;
  locale: string;
  kind: string;
  dedupe_key: string | null;
}
const mailsTo = (email: string) => t.database.query<Mail>(`select to_address, subject, text_body, locale, kind, dedupe_key from outbox_emails where lower(to_address) = lower($1) order by created_at, id`, [email]);
const invitationsOf = (qid: string) => t.database.db.select().from(questionnaireInvitations).where(eq(questionnaireInvitations.questionnaireId, qid)).orderBy(questionnaireInvitations.createdAt);
const path = (id: string, sub = '') => `/en/questionnaires/${id}/circulation${sub}`;
const tokenIn = (body: string) => /\/answer\/([A-Za-z0-9_-]{20,100})/.exec(body)?.[1];
const hasAnswerPage = () => t.app.routeList.some((r) => r.method === 'GET' && r.url === '/:locale/answer/:token');

beforeAll(async () => {
  t = await createTestApp();
  isu = (await signedIn(t, { role: 'isu_staff', name: 'Isabel Unit', email: 'isabel.unit@isu.example.org' })).agent;
});

afterAll(async () => {
  await t?.close();
});

describe('adding one person', () => {
  it('e-mails at once while open, in the person’s language, naming the account that has the address', async () => {
    const { questionnaireId: id } = await createQuestionnaire(t.database);
    const account = await createUser(t.database, { role: 'state_preparer', stateIso2: 'SN', email: 'Focal.Point@senegal.example.org', locale: 'fr' });
    const form = await isu.get(path(id, '/invitations/new'));
    expect(form.status).toBe(200);
    expect(form.body).toContain('Senegal');
    const res = await isu.post(path(id, '/invitations/new'), { audience: 'mine_action_director', stateIso2: 'sn', name: 'Aminata Diallo', email: 'focal.point@senegal.example.org', organisation: 'CNAMS', locale: 'fr' });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${path(id)}?done=added&n=1&sent=1`);
    expect((await isu.get(res.location!)).body).toContain('1 person added. 1 invitation e-mailed.');
    const [inv] = await invitationsOf(id);
    expect(inv).toMatchObject({ audience: 'mine_action_director', stateIso2: 'SN', name: 'Aminata Diallo', organisation: 'CNAMS', locale: 'fr', userId: account.id });
    expect(inv!.sentAt).not.toBeNull();
    const [mail] = await mailsTo('focal.point@senegal.example.org');
    expect(mail!.locale).toBe('fr');
    expect(mail!.kind).toBe('questionnaire_invitation');
    expect(mail!.subject).toBe('Questionnaire : Coopération et assistance en 2022');
    expect(mail!.text_body).toContain('Bonjour Aminata Diallo');
    const token = tokenIn(mail!.text_body)!;
    expect(mail!.text_body).toContain(`${t.config.baseUrl}/fr/answer/${token}`);
    expect(sha256Hex(token)).toBe(inv!.tokenHash);
    expect(invitationToken(t.config.secret, inv!.id, inv!.linkNonce)).toBe(token);
    expect(hasAnswerPage()).toBe(true);
    expect((await agentFrom(t.app).get(`/en/answer/${token}`)).status).toBe(200);
    // Audited, without the token.
    const [audit] = await t.database.query<{ summary: unknown }>(`select summary from audit_events where action = 'questionnaires.invitations.added' and entity_id = $1`, [id]);
    expect(JSON.stringify(audit!.summary)).not.toContain(token);
  });

  it('keeps it unsent before circulation', async () => {
    const { questionnaireId: id } = await createQuestionnaire(t.database, { circulated: false });
    await isu.get(path(id, '/invitations/new'));
    const res = await isu.post(path(id, '/invitations/new'), { audience: 'donor', stateIso2: 'NO', name: 'Kari Nordmann', email: 'kari@norway.example.org', locale: 'en' });
    expect(res.location).toBe(`${path(id)}?done=added&n=1&sent=0`);
    expect((await invitationsOf(id))[0]!.sentAt).toBeNull();
    expect(await mailsTo('kari@norway.example.org')).toEqual([]);
  });

  it('refuses a duplicate address (any letter case), a malformed address, an unknown State and a missing audience — with the values kept', async () => {
    const { questionnaireId: id } = await createQuestionnaire(t.database);
    await isu.get(path(id, '/invitations/new'));
    expect((await isu.post(path(id, '/invitations/new'), { audience: 'donor', stateIso2: '', name: 'First', email: 'same@example.org', locale: 'en' })).status).toBe(303);

    let res = await isu.post(path(id, '/invitations/new'), { audience: 'donor', stateIso2: '', name: 'Second', email: 'SAME@example.org', locale: 'es' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('This e-mail address is already invited to this questionnaire.');
    expect(res.body).toContain('value="Second"');

    res = await isu.post(path(id, '/invitations/new'), { audience: 'donor', stateIso2: 'XX', name: 'Third', email: 'not-an-address', locale: 'en' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('Enter an e-mail address like name@example.org.');
    expect(res.body).toContain('Choose a State Party from the list.');
    expect(res.body).toContain('value="not-an-address"');

    res = await isu.post(path(id, '/invitations/new'), { stateIso2: '', name: '', email: 'x@example.org', locale: 'xx' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('Choose the audience.');
    expect(res.body).toContain("Enter the person's name.");
    expect(res.body).toContain('Choose the language.');

    expect(await invitationsOf(id)).toHaveLength(1);
  });
});

describe('adding groups', () => {
  it('invites the focal points of affected States as mine action directors, leaves out others and those already invited', async () => {
    const { questionnaireId: id } = await createQuestionnaire(t.database, { circulated: false });
    const options = await stateOptions(t.database.db, 'en');
    const affected = options.filter((s) => s.affected);
    const cleared = options.find((s) => !s.affected)!;
    expect(affected.length).toBeGreaterThan(0);
    const target = affected[0]!;
    await createUser(t.database, { role: 'state_approver', stateIso2: target.iso2, email: `director.${target.iso2.toLowerCase()}@example.org`, name: 'Director', locale: 'es' });
    await createUser(t.database, { role: 'state_preparer', stateIso2: cleared.iso2, email: `focal.${cleared.iso2.toLowerCase()}@example.org`, name: 'Not affected' });

    const page = await isu.get(path(id, '/invitations/group'));
    expect(page.status).toBe(200);
    expect(page.body).toContain(`The focal points of the ${affected.length} States Parties`);
    let res = await isu.post(path(id, '/invitations/group'), { group: 'directors' });
    expect(res.status).toBe(303);
    const rows = await invitationsOf(id);
    const mine = rows.find((r) => r.email === `director.${target.iso2.toLowerCase()}@example.org`);
    expect(mine).toMatchObject({ audience: 'mine_action_director', stateIso2: target.iso2, locale: 'es' });
    expect(mine!.userId).not.toBeNull();
    expect(rows.some((r) => r.stateIso2 === cleared.iso2)).toBe(false);
    expect(rows.every((r) => r.audience === 'mine_action_director' && affected.some((s) => s.iso2 === r.stateIso2))).toBe(true);

    // Again: everyone is already invited.
    res = await isu.post(path(id, '/invitations/group'), { group: 'directors' });
    expect(res.location).toContain(`n=0&sent=0&skipped=${rows.length}`);
    expect(await invitationsOf(id)).toHaveLength(rows.length);
  });

  it('invites the focal points of the donor States chosen, and refuses none or unknown States', async () => {
    const { questionnaireId: id } = await createQuestionnaire(t.database, { circulated: false });
    await createUser(t.database, { role: 'state_preparer', stateIso2: 'NO', email: 'focal.no@example.org', name: 'Focal Norway' });
    await isu.get(path(id, '/invitations/group'));
    let res = await isu.post(path(id, '/invitations/group'), { group: 'donors' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('Choose at least one State.');
    res = await isu.post(path(id, '/invitations/group'), { group: 'donors', states: ['NO', 'ZZ'] });
    expect(res.status).toBe(422);
    expect(res.body).toContain('Choose a State Party from the list.');
    expect(res.body).toMatch(/value="NO" checked/);
    res = await isu.post(path(id, '/invitations/group'), { group: 'bogus' });
    expect(res.status).toBe(422);
    expect(await invitationsOf(id)).toHaveLength(0);

    res = await isu.post(path(id, '/invitations/group'), { group: 'donors', states: ['NO', 'JP'] });
    expect(res.status).toBe(303);
    const rows = await invitationsOf(id);
    expect(rows.map((r) => [r.email, r.audience, r.stateIso2])).toEqual([['focal.no@example.org', 'donor', 'NO']]);
    // Japan has no focal point here: said in the banner.
    expect(res.location).toContain('none=1');
    expect((await isu.get(res.location!)).body).toContain('1 State without a focal point');
  });

  it('invites the committee members, answering for no State', async () => {
    const { questionnaireId: id } = await createQuestionnaire(t.database, { circulated: false });
    const m = await createUser(t.database, { role: 'committee_member', committeeId: 'cooperation-assistance', email: 'member@committee.example.org', locale: 'ar' });
    await isu.get(path(id, '/invitations/group'));
    expect((await isu.post(path(id, '/invitations/group'), { group: 'committee' })).status).toBe(303);
    const row = (await invitationsOf(id)).find((r) => r.email === m.email);
    expect(row).toMatchObject({ audience: 'committee_member', stateIso2: null, locale: 'ar', userId: m.id });
  });
});

describe('a pasted list', () => {
  it('is all or nothing: every problem named by its line, the list kept in the box; a clean list adds everyone', async () => {
    const { questionnaireId: id } = await createQuestionnaire(t.database);
    await isu.get(path(id, '/invitations/new'));
    await isu.post(path(id, '/invitations/new'), { audience: 'other', stateIso2: '', name: 'Already', email: 'already@example.org', locale: 'en' });
    const bad = ['Aminata Diallo; aminata@example.org; SN; fr', 'No address; ; ; en', 'Already; already@example.org', 'Twice; aminata@example.org', 'Unknown; u@example.org; QQ', 'Lang; l@example.org; ; de'].join('\n');
    await isu.get(path(id, '/invitations/paste'));
    let res = await isu.post(path(id, '/invitations/paste'), { audience: 'mine_action_director', list: bad });
    expect(res.status).toBe(422);
    expect(res.body).toContain('Line 2: “” is not an e-mail address.');
    expect(res.body).toContain('Line 3: already@example.org is already invited to this questionnaire.');
    expect(res.body).toContain('Line 4: aminata@example.org is already on line 1.');
    expect(res.body).toContain('Line 5: “QQ” is not the code of a State Party.');
    expect(res.body).toContain('Line 6: “de” is not one of the languages');
    expect(res.body).toContain('5 problems in the list: nobody was added.');
    expect(res.body).toContain('Aminata Diallo; aminata@example.org; SN; fr\nNo address');
    expect(await invitationsOf(id)).toHaveLength(1);

    res = await isu.post(path(id, '/invitations/paste'), { audience: 'mine_action_director', list: 'Aminata Diallo; aminata@example.org; SN; fr\nAli Hassan; ali@example.org; IQ\nSolo Person; solo@example.org' });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${path(id)}?done=pasted&n=3&sent=3`);
    const rows = (await invitationsOf(id)).filter((r) => r.email !== 'already@example.org');
    expect(['aminata@example.org', 'ali@example.org', 'solo@example.org'].map((e) => rows.find((r) => r.email === e)).map((r) => [r?.email, r?.stateIso2, r?.locale, r?.audience])).toEqual([
      ['aminata@example.org', 'SN', 'fr', 'mine_action_director'],
      ['ali@example.org', 'IQ', 'ar', 'mine_action_director'],
      ['solo@example.org', null, 'en', 'mine_action_director'],
    ]);
    expect((await mailsTo('ali@example.org'))[0]!.locale).toBe('ar');

    res = await isu.post(path(id, '/invitations/paste'), { audience: '', list: '' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('Paste at least one person.');
  });
});

describe('one invitation: revoke and new link', () => {
  it('revoking ends the link at once; a new link kills the old one, is e-mailed and works; another questionnaire’s invitation is 404', async () => {
    const { questionnaireId: id } = await createQuestionnaire(t.database);
    await isu.get(path(id, '/invitations/new'));
    await isu.post(path(id, '/invitations/new'), { audience: 'donor', stateIso2: 'JP', name: 'Yuki Tanaka', email: 'yuki@example.org', locale: 'en' });
    const [inv] = await invitationsOf(id);
    const first = tokenIn((await mailsTo('yuki@example.org'))[0]!.text_body)!;

    const page = await isu.get(path(id, `/invitations/${inv!.id}`));
    expect(page.status).toBe(200);
    expect(page.body).toContain('Yuki Tanaka');
    expect(page.body).toContain('Revoke the link');
    let res = await isu.post(path(id, `/invitations/${inv!.id}/revoke`));
    expect(res.status).toBe(303);
    expect(res.location).toBe(path(id, `/invitations/${inv!.id}?done=revoked`));
    const revoked = (await findInvitationByToken(t.database.db, first))!;
    expect(invitationProblem(revoked)).toBe('revoked');
    expect(hasAnswerPage()).toBe(true);
    expect((await agentFrom(t.app).get(`/en/answer/${first}`)).status).not.toBe(200);
    expect((await isu.get(res.location!)).body).toContain('The link is revoked: it no longer works.');

    res = await isu.post(path(id, `/invitations/${inv!.id}/new-link`));
    expect(res.status).toBe(303);
    expect(res.location).toContain('done=new_link_sent');
    const mails = await mailsTo('yuki@example.org');
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toBe('New link — questionnaire: Cooperation and assistance in 2022');
    const second = tokenIn(mails[1]!.text_body)!;
    expect(second).not.toBe(first);
    expect(await findInvitationByToken(t.database.db, first)).toBeUndefined();
    const renewed = (await findInvitationByToken(t.database.db, second))!;
    expect(renewed.id).toBe(inv!.id);
    expect(invitationProblem(renewed)).toBeNull();
    expect(hasAnswerPage()).toBe(true);
    expect((await agentFrom(t.app).get(`/en/answer/${second}`)).status).toBe(200);
    const actions = await t.database.query<{ action: string }>(`select action from audit_events where entity_id = $1 order by id`, [inv!.id]);
    expect(actions.map((a) => a.action)).toEqual(['questionnaires.invitation.revoked', 'questionnaires.invitation.link_replaced']);

    // The same invitation under another questionnaire's URL does not exist.
    const other = await createQuestionnaire(t.database);
    expect((await isu.get(path(other.questionnaireId, `/invitations/${inv!.id}`))).status).toBe(404);
    await isu.get(path(other.questionnaireId));
    expect((await isu.post(path(other.questionnaireId, `/invitations/${inv!.id}/revoke`))).status).toBe(404);
    expect((await isu.get(path(id, '/invitations/not-an-id'))).status).toBe(404);
    expect(invitationProblem((await findInvitationByToken(t.database.db, second))!)).toBeNull();
  });

  it('corrects a name, language or address; a new address gets a new link, e-mailed there, and the old link dies', async () => {
    const { questionnaireId: id } = await createQuestionnaire(t.database);
    await isu.get(path(id, '/invitations/new'));
    await isu.post(path(id, '/invitations/new'), { audience: 'mine_action_director', stateIso2: 'KH', name: 'Sok Dara', email: 'typo@exmaple.org', locale: 'en' });
    await isu.post(path(id, '/invitations/new'), { audience: 'mine_action_director', stateIso2: 'KH', name: 'Colleague', email: 'taken@example.org', locale: 'en' });
    const inv = (await invitationsOf(id)).find((r) => r.email === 'typo@exmaple.org')!;
    const oldToken = tokenIn((await mailsTo('typo@exmaple.org'))[0]!.text_body)!;
    const form = await isu.get(path(id, `/invitations/${inv.id}/edit`));
    expect(form.status).toBe(200);
    expect(form.body).toContain('value="typo@exmaple.org"');

    let res = await isu.post(path(id, `/invitations/${inv.id}/edit`), { name: 'Sok Dara', email: 'Taken@example.org', organisation: '', locale: 'en' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('This e-mail address is already invited to this questionnaire.');
    res = await isu.post(path(id, `/invitations/${inv.id}/edit`), { name: '', email: 'bad', organisation: '', locale: 'en' });
    expect(res.status).toBe(422);

    res = await isu.post(path(id, `/invitations/${inv.id}/edit`), { name: 'Sok Dara', email: 'sok.dara@example.org', organisation: 'CMAA', locale: 'fr' });
    expect(res.status).toBe(303);
    expect(res.location).toBe(path(id, `/invitations/${inv.id}?done=changed_resent`));
    expect(await findInvitationByToken(t.database.db, oldToken)).toBeUndefined();
    const [mail] = await mailsTo('sok.dara@example.org');
    expect(mail!.locale).toBe('fr');
    const newToken = tokenIn(mail!.text_body)!;
    expect((await findInvitationByToken(t.database.db, newToken))).toMatchObject({ id: inv.id, email: 'sok.dara@example.org', organisation: 'CMAA', locale: 'fr' });

    // A name alone: same link, nothing sent.
    res = await isu.post(path(id, `/invitations/${inv.id}/edit`), { name: 'Dara Sok', email: 'sok.dara@example.org', organisation: 'CMAA', locale: 'fr' });
    expect(res.location).toContain('done=changed');
    expect((await findInvitationByToken(t.database.db, newToken))!.name).toBe('Dara Sok');
    expect(await mailsTo('sok.dara@example.org')).toHaveLength(1);
    const changes = await t.database.query<{ summary: { newLink: boolean } }>(`select summary from audit_events where action = 'questionnaires.invitation.changed' and entity_id = $1 order by id`, [inv.id]);
    expect(changes.map((c) => c.summary.newLink)).toEqual([true, false]);
  });

  it('refuses State users and other committees, even on a known invitation', async () => {
    const { questionnaireId: id } = await createQuestionnaire(t.database);
    const { invitation } = await createInvitation(t.database, t.config.secret, id, { email: 'target@example.org' });
    const state = (await signedIn(t, { role: 'state_approver', stateIso2: 'SN' })).agent;
    await state.get('/en/my');
    expect((await state.get(path(id, `/invitations/${invitation.id}`))).status).toBe(403);
    expect((await state.post(path(id, `/invitations/${invitation.id}/revoke`))).status).toBe(403);
    const other = (await signedIn(t, { role: 'committee_member', committeeId: 'victim-assistance' })).agent;
    await other.get('/en/');
    expect((await other.post(path(id, `/invitations/${invitation.id}/new-link`))).status).toBe(403);
    const [row] = await t.database.db.select().from(questionnaireInvitations).where(eq(questionnaireInvitations.id, invitation.id));
    expect(row!.revokedAt).toBeNull();
    expect(row!.tokenHash).toBe(invitation.tokenHash);
  });
});

describe('reminders', () => {
  it('go only to those whose shared response is not submitted, once per interval, with the same link', async () => {
    const f = await createQuestionnaire(t.database);
    const id = f.questionnaireId;
    await t.database.db.update(questionnaires).set({ reminderEveryDays: 7 }).where(eq(questionnaires.id, id));
    const a = await createInvitation(t.database, t.config.secret, id, { stateIso2: 'SN', email: 'sn.one@example.org' });
    const b = await createInvitation(t.database, t.config.secret, id, { stateIso2: 'SN', email: 'sn.two@example.org', locale: 'fr' });
    const c = await createInvitation(t.database, t.config.secret, id, { stateIso2: 'IQ', email: 'iq@example.org', locale: 'ar' });
    const d = await createInvitation(t.database, t.config.secret, id, { audience: 'other', stateIso2: null, email: 'alone@example.org' });
    const e = await createInvitation(t.database, t.config.secret, id, { stateIso2: 'AO', email: 'revoked@example.org', revokedAt: new Date() });
    const g = await createInvitation(t.database, t.config.secret, id, { stateIso2: 'KH', email: 'unsent@example.org' });
    await t.database.db.update(questionnaireInvitations).set({ sentAt: null }).where(eq(questionnaireInvitations.id, g.invitation.id));
    await createResponse(t.database, f, a.invitation, { submitted: true });
    await createResponse(t.database, f, d.invitation, { values: { support: { received: false } } });

    const now = new Date(Date.now() + 8 * DAY);
    const run1 = await sendDueQuestionnaireReminders(t.deps, JOB, { now });
    expect(run1.queued).toBe(2);
    for (const who of ['sn.one@example.org', 'sn.two@example.org', 'revoked@example.org', 'unsent@example.org']) expect(await mailsTo(who)).toEqual([]);
    const [toIraq] = await mailsTo('iq@example.org');
    expect(toIraq!.dedupe_key).toBe(`questionnaire-reminder:${c.invitation.id}:1`);
    expect(toIraq!.kind).toBe('questionnaire_reminder');
    expect(toIraq!.locale).toBe('ar');
    expect(toIraq!.text_body).toContain(`/ar/answer/${c.token}`);
    expect((await mailsTo('alone@example.org'))[0]!.text_body).toContain(`/en/answer/${d.token}`);

    // The same day again, and three days later: nothing new.
    expect((await sendDueQuestionnaireReminders(t.deps, JOB, { now })).queued).toBe(0);
    expect((await sendDueQuestionnaireReminders(t.deps, JOB, { now: new Date(now.getTime() + 3 * DAY) })).queued).toBe(0);
    // A week later: the second reminder, same link.
    expect((await sendDueQuestionnaireReminders(t.deps, JOB, { now: new Date(now.getTime() + 7 * DAY) })).queued).toBe(2);
    const iraq = await mailsTo('iq@example.org');
    expect(iraq.map((m) => m.dedupe_key)).toEqual([`questionnaire-reminder:${c.invitation.id}:1`, `questionnaire-reminder:${c.invitation.id}:2`]);
    expect(iraq[1]!.text_body).toContain(`/ar/answer/${c.token}`);
    const [row] = await t.database.db.select().from(questionnaireInvitations).where(eq(questionnaireInvitations.id, c.invitation.id));
    expect(row!.remindersSent).toBe(2);
    expect(row!.lastRemindedAt!.getTime()).toBe(now.getTime() + 7 * DAY);
    expect(b.invitation.id).not.toBe(e.invitation.id);

    // Closed by hand, or past its closing date: no reminders.
    await t.database.db.update(questionnaires).set({ closedAt: new Date() }).where(eq(questionnaires.id, id));
    expect((await sendDueQuestionnaireReminders(t.deps, JOB, { now: new Date(now.getTime() + 14 * DAY) })).queued).toBe(0);
    await t.database.db.update(questionnaires).set({ closedAt: null }).where(eq(questionnaires.id, id));
    expect((await sendDueQuestionnaireReminders(t.deps, JOB, { now: new Date(Date.now() + 40 * DAY) })).queued).toBe(0);
  });

  it('two runs at the same moment (two instances) queue each reminder once', async () => {
    const f = await createQuestionnaire(t.database);
    await t.database.db.update(questionnaires).set({ reminderEveryDays: 2 }).where(eq(questionnaires.id, f.questionnaireId));
    const people = await Promise.all(['BA', 'TD', 'CD'].map((iso2) => createInvitation(t.database, t.config.secret, f.questionnaireId, { stateIso2: iso2, email: `twice.${iso2.toLowerCase()}@example.org` })));
    const now = new Date(Date.now() + 3 * DAY);
    const runs = await Promise.all([sendDueQuestionnaireReminders(t.deps, JOB, { now }), sendDueQuestionnaireReminders(t.deps, JOB, { now })]);
    const mine = await t.database.query<{ dedupe_key: string }>(`select dedupe_key from outbox_emails where to_address like 'twice.%' order by dedupe_key`);
    expect(mine.map((m) => m.dedupe_key)).toEqual(people.map((p) => `questionnaire-reminder:${p.invitation.id}:1`).sort());
    expect(runs[0].queued + runs[1].queued).toBeGreaterThanOrEqual(3);
    const rows = await invitationsOf(f.questionnaireId);
    expect(rows.map((r) => r.remindersSent)).toEqual([1, 1, 1]);
  });

  it('run as the daily task of the job runner, once per day', async () => {
    const f = await createQuestionnaire(t.database);
    await t.database.db.update(questionnaires).set({ reminderEveryDays: 1 }).where(eq(questionnaires.id, f.questionnaireId));
    await createInvitation(t.database, t.config.secret, f.questionnaireId, { stateIso2: 'TJ', email: 'tajikistan@example.org' });
    const at = new Date(Date.now() + 2 * DAY);
    at.setUTCHours(8, 0, 0, 0);
    const runner = new JobRunner({ database: t.database, instanceId: 'test', now: () => at });
    scheduleCirculationTasks(runner, t.deps);
    await runner.tick();
    await runner.tick();
    const slots = await t.database.query<{ slot: string; result: string | null }>(`select slot, result from scheduled_runs where task = $1`, [QUESTIONNAIRE_REMINDERS_TASK]);
    expect(slots).toHaveLength(1);
    expect(slots[0]!.result).toMatch(/\d+ reminders queued/);
    expect(await mailsTo('tajikistan@example.org')).toHaveLength(1);
  });

  it('"Send reminders now" reminds every non-submitted invitee and says how many; refused before opening', async () => {
    const f = await createQuestionnaire(t.database);
    const done = await createInvitation(t.database, t.config.secret, f.questionnaireId, { stateIso2: 'SN', email: 'done@example.org' });
    await createResponse(t.database, f, done.invitation, { submitted: true });
    await createInvitation(t.database, t.config.secret, f.questionnaireId, { stateIso2: 'MZ', email: 'late@example.org' });
    const page = await isu.get(path(f.questionnaireId));
    expect(page.body).toContain('Send reminders now');
    const res = await isu.post(path(f.questionnaireId, '/remind'));
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${path(f.questionnaireId)}?done=reminded&n=1`);
    expect((await isu.get(res.location!)).body).toContain('1 reminder queued.');
    expect(await mailsTo('done@example.org')).toEqual([]);
    expect((await mailsTo('late@example.org'))[0]!.subject).toContain('Reminder');

    const later = await createQuestionnaire(t.database, { opensAt: new Date(Date.now() + 5 * DAY) });
    await isu.get(path(later.questionnaireId));
    const refused = await isu.post(path(later.questionnaireId, '/remind'));
    expect(refused.status).toBe(409);
    expect(refused.body).toContain('Reminders are sent only while the questionnaire is open for answers.');
  });
});

describe('the tracking table', () => {
  it('shows each invitation with its response status, filters by audience and status without JavaScript, and counts per audience', async () => {
    const f = await createQuestionnaire(t.database);
    const id = f.questionnaireId;
    const sub = await createInvitation(t.database, t.config.secret, id, { stateIso2: 'SN', name: 'Submitted Senegal', email: 'sub@example.org' });
    await createInvitation(t.database, t.config.secret, id, { stateIso2: 'SN', name: 'Colleague Senegal', email: 'colleague@example.org' });
    const prog = await createInvitation(t.database, t.config.secret, id, { audience: 'donor', stateIso2: 'NO', name: 'Progress Norway', email: 'prog@example.org' });
    await createInvitation(t.database, t.config.secret, id, { audience: 'donor', stateIso2: 'JP', name: 'Waiting Japan', email: 'wait@example.org', revokedAt: new Date() });
    await createResponse(t.database, f, sub.invitation, { submitted: true });
    await createResponse(t.database, f, prog.invitation, {});
    await t.database.db.update(questionnaireInvitations).set({ lastUsedAt: new Date('2026-01-02T10:00:00Z') }).where(eq(questionnaireInvitations.id, prog.invitation.id));

    const all = await isu.get(path(id));
    expect(all.status).toBe(200);
    for (const name of ['Submitted Senegal', 'Colleague Senegal', 'Progress Norway', 'Waiting Japan']) expect(all.body).toContain(name);
    expect(all.body).toContain('4 people invited, 4 shown');
    expect(all.body).toContain('Revoked');
    expect(all.body).toContain('datetime="2026-01-02T10:00:00.000Z"');
    // Counts: directors 2 invited, 2 started (shared response), 2 submitted; donors 1 invited (revoked left out), 1 started.
    expect(all.body).toMatch(/National mine action director<\/td><td class="num">2<\/td><td class="num">2<\/td><td class="num">2<\/td>/);
    expect(all.body).toMatch(/Donor State<\/td><td class="num">1<\/td><td class="num">1<\/td><td class="num">0<\/td>/);

    const donors = await isu.get(`${path(id)}?audience=donor`);
    expect(donors.body).toContain('Progress Norway');
    expect(donors.body).not.toContain('Submitted Senegal');
    const submitted = await isu.get(`${path(id)}?status=submitted`);
    expect(submitted.body).toContain('Colleague Senegal');
    expect(submitted.body).not.toContain('Progress Norway');
    expect(submitted.body).toContain('4 people invited, 2 shown');
    const none = await isu.get(`${path(id)}?audience=committee_member&status=in_progress`);
    expect(none.body).toContain('Nobody matches these filters.');
    const bogus = await isu.get(`${path(id)}?audience=<script>&status=x`);
    expect(bogus.status).toBe(200);
    expect(bogus.body).toContain('4 people invited, 4 shown');
  });

  it('pages long lists by 100, keeping the filters in the links', async () => {
    const f = await createQuestionnaire(t.database);
    for (let i = 0; i < 103; i++) await createInvitation(t.database, t.config.secret, f.questionnaireId, { audience: 'donor', stateIso2: null, name: `Person ${String(i).padStart(3, '0')}`, email: `p${i}@pages.example.org` });
    const first = await isu.get(`${path(f.questionnaireId)}?audience=donor`);
    expect(first.body).toContain('103 people invited, 103 shown');
    expect(first.body).toContain('Person 099');
    expect(first.body).not.toContain('Person 100');
    expect(first.body).toContain(`href="${path(f.questionnaireId)}?audience=donor&amp;page=2#tracking"`);
    const second = await isu.get(`${path(f.questionnaireId)}?audience=donor&page=2`);
    expect(second.body).toContain('Person 102');
    expect(second.body).not.toContain('Person 099');
    expect(second.body).toContain('rel="prev"');
    expect((await isu.get(`${path(f.questionnaireId)}?page=999`)).body).toContain('Person 102');
  });
});
