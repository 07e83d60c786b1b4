/**
 * Answering a questionnaire through a personal link: the start page, sections saved as you go
 * (also in the background, also adding table rows without JavaScript), bad input kept with the
 * error summary, review with missing and hidden answers, submission with receipt and e-mail,
 * double submission, late changes with history, and the audit trail naming the link holder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, type TestApp } from '../../support/app.ts';
import { createInvitation, createQuestionnaire, type QuestionnaireFixture } from '../../support/questionnaires.ts';

let t: TestApp;
let fx: QuestionnaireFixture;

beforeAll(async () => {
  t = await createTestApp();
  fx = await createQuestionnaire(t.database);
});
afterAll(async () => t.close());

const versionOf = (body: string) => /name="_version" value="([^"]+)"/.exec(body)?.[1] ?? '';

async function responseRow(key: string) {
  const [row] = await t.database.query<{ id: string; values: Record<string, Record<string, unknown>>; status: string; version: number; receipt: string | null; first_submitted_at: Date | null; submitted_by_name: string | null }>(
    `select id, values, status, version, receipt, first_submitted_at, submitted_by_name from questionnaire_responses where questionnaire_id = $1 and respondent_key = $2`,
    [fx.questionnaireId, key],
  );
  return row;
}

describe('answering through a personal link', () => {
  it('opens on a start page in the page language, with the State, colleagues, sections and deadline; no-store and no referrer', async () => {
    const { invitation, token } = await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: 'SN', name: 'Awa Diop' });
    await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: 'SN', name: 'Moussa Ndiaye' });
    const agent = new Agent(t.app);
    const fr = await agent.get(`/fr/answer/${token}`);
    expect(fr.status).toBe(200);
    expect(fr.body).toContain('Coopération et assistance en 2022');
    expect(fr.body).toContain('Sénégal');
    expect(fr.body).toContain('Moussa Ndiaye');
    expect(fr.body).toContain('Soutien reçu');
    expect(fr.body).toContain(`/fr/answer/${token}/sections/support`);
    expect(fr.headers['cache-control']).toBe('no-store');
    expect(fr.headers['referrer-policy']).toBe('no-referrer');
    // The language switcher keeps the personal link.
    expect(fr.body).toContain(`href="/ar/answer/${token}"`);
    // A language the content lacks: the source language, marked with its lang.
    const zh = await agent.get(`/zh/answer/${token}`);
    expect(zh.body).toMatch(/<span lang="en" dir="auto">Cooperation and assistance in 2022<\/span>/);
    const [used] = await t.database.query<{ last_used_at: Date | null }>(`select last_used_at from questionnaire_invitations where id = $1`, [invitation.id]);
    expect(used!.last_used_at).not.toBeNull();
    const [audit] = await t.database.query<{ actor_label: string; actor_user_id: string | null }>(`select actor_label, actor_user_id from audit_events where action = 'questionnaires.invitation.opened' and summary->>'invitation' = $1`, [invitation.id]);
    expect(audit!.actor_label).toContain(invitation.email);
    expect(audit!.actor_label).toContain('Awa Diop');
    expect(audit!.actor_user_id).toBeNull();
  });

  it('saves a section halfway, resumes it from the same link in a new browser, and shows progress', async () => {
    const { token } = await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: 'KH', audience: 'mine_action_director', name: 'Sok Dara' });
    const first = new Agent(t.app);
    const page = await first.get(`/en/answer/${token}/sections/support`);
    expect(page.status).toBe(200);
    expect(versionOf(page.body)).toBe('0');
    const saved = await first.post(`/en/answer/${token}/sections/support`, { _version: '0', 's.support.received': 'yes', 's.support.challenges': 'Access to remote areas', _action: 'later' });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/en/answer/${token}?flash=saved`);
    const row = await responseRow('mine_action_director:KH');
    expect(row!.values.support).toMatchObject({ received: true, challenges: 'Access to remote areas' });
    // A new device: nothing but the link.
    const second = new Agent(t.app);
    const start = await second.get(`/en/answer/${token}`);
    expect(start.body).toContain('In progress');
    const again = await second.get(`/en/answer/${token}/sections/support`);
    expect(again.body).toContain('Access to remote areas');
    expect(again.body).toMatch(/value="yes"[^>]*checked/);
    const audit = await t.database.query<{ actor_label: string }>(`select actor_label from audit_events where action = 'questionnaires.response.saved' and entity_id = $1`, [row!.id]);
    expect(audit[0]!.actor_label).toContain('Sok Dara');
  });

  it('keeps bad input with the error summary (422) and saves nothing; reads Arabic-Indic digits', async () => {
    const { token } = await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: 'IQ' });
    const agent = new Agent(t.app);
    await agent.get(`/ar/answer/${token}/sections/support`);
    const bad = await agent.post(`/ar/answer/${token}/sections/support`, { _version: '0', 's.support.received': 'yes', 's.support.amount': 'beaucoup', 's.support.challenges': 'نص', _action: 'continue' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('error-summary');
    expect(bad.body).toContain('value="beaucoup"');
    expect(bad.body).toContain('نص');
    expect(await responseRow('mine_action_director:IQ')).toBeUndefined();
    const good = await agent.post(`/ar/answer/${token}/sections/support`, { _version: '0', 's.support.received': 'yes', 's.support.amount': '١٢٥٠٠', _action: 'continue' });
    expect(good.status).toBe(303);
    expect(good.location).toBe(`/ar/answer/${token}/sections/gender`);
    expect((await responseRow('mine_action_director:IQ'))!.values.support!.amount).toBe(12500);
    const negative = await agent.post(`/ar/answer/${token}/sections/support`, { _version: versionOf((await agent.get(`/ar/answer/${token}/sections/support`)).body), 's.support.received': 'yes', 's.support.amount': '-5' });
    expect(negative.status).toBe(422);
  });

  it('autosaves with the JSON contract of the form pages, and adds and removes table rows without JavaScript', async () => {
    const { token } = await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: 'TH' });
    const agent = new Agent(t.app);
    await agent.get(`/en/answer/${token}/sections/gender`);
    const auto = await agent.post(`/en/answer/${token}/sections/gender`, { _version: '0', 's.gender.integrated': 'no', 's.gender.teams.0._id': '', 's.gender.teams.0.name': 'Team A', 's.gender.teams.0.women': '4' }, { 'x-autosave': '1', accept: 'application/json' });
    expect(auto.status).toBe(200);
    const data = auto.json<{ status: string; version: string; rowIds: Record<string, string> }>();
    expect(data.status).toBe('saved');
    expect(data.version).toMatch(/^\d+\.[A-Za-z0-9_-]{12}$/);
    expect(Object.keys(data.rowIds)).toEqual(['s.gender.teams.0._id']);
    const invalid = await agent.post(`/en/answer/${token}/sections/gender`, { _version: data.version, 's.gender.teams.0._id': data.rowIds['s.gender.teams.0._id']!, 's.gender.teams.0.women': 'many' }, { 'x-autosave': '1', accept: 'application/json' });
    expect(invalid.status).toBe(422);
    expect(invalid.json<{ status: string }>().status).toBe('invalid');
    const stale = await agent.post(`/en/answer/${token}/sections/gender`, { _version: '0', 's.gender.integrated': 'yes' }, { 'x-autosave': '1', accept: 'application/json' });
    expect(stale.status).toBe(409);
    // Without JavaScript: "add a row" saves and comes back with a blank row.
    const rowId = data.rowIds['s.gender.teams.0._id']!;
    const add = await agent.post(`/en/answer/${token}/sections/gender`, { _version: data.version, 's.gender.integrated': 'no', 's.gender.teams.0._id': rowId, 's.gender.teams.0.name': 'Team A', 's.gender.teams.0.women': '4', _action: 'add:gender.teams' });
    expect(add.status).toBe(303);
    expect(add.location).toBe(`/en/answer/${token}/sections/gender?add=gender.teams`);
    const withBlank = await agent.get(add.location!);
    expect(withBlank.body).toContain('name="s.gender.teams.1.name"');
    const remove = await agent.post(`/en/answer/${token}/sections/gender`, { _version: versionOf(withBlank.body), 's.gender.teams.0._id': rowId, 's.gender.teams.0.name': 'Team A', _action: `remove:gender.teams:${rowId}` });
    expect(remove.status).toBe(303);
    expect((await responseRow('mine_action_director:TH'))!.values.gender!.teams).toEqual([]);
  });

  it('reviews: missing required answers link to their question; hidden answers are listed as not counted', async () => {
    const { token } = await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: 'CO' });
    const agent = new Agent(t.app);
    await agent.get(`/en/answer/${token}/sections/support`);
    // Answers to the follow-ups, then "no": the follow-ups are hidden but kept.
    await agent.post(`/en/answer/${token}/sections/support`, { _version: '0', 's.support.received': 'no', 's.support.amount': '300', 's.support.kind': 'funds', _action: 'later' });
    const review = await agent.get(`/en/answer/${token}/review`);
    expect(review.status).toBe(200);
    expect(review.body).toContain('Answers that will not be counted');
    expect(review.body).toContain('“Amount received” is not counted because of your answer to “Did your programme receive international support in 2022?”');
    expect((await responseRow('mine_action_director:CO'))!.values.support!.amount).toBe(300);
    // The required question is answered: nothing missing.
    expect(review.body).not.toContain('Some answers are needed');
    const other = await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: 'PE' });
    const empty = await new Agent(t.app).get(`/en/answer/${other.token}/review`);
    expect(empty.body).toContain('Some answers are needed');
    expect(empty.body).toContain(`/en/answer/${other.token}/sections/support#f-s-support-received`);
  });

  it('refuses to submit with required answers missing or without the confirmation, then submits once with a receipt and an e-mail', async () => {
    const { token, invitation } = await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: 'AO', name: 'Ana Silva', locale: 'es' });
    const agent = new Agent(t.app);
    await agent.get(`/es/answer/${token}/review`);
    const missing = await agent.post(`/es/answer/${token}/submit`, { _version: '0', confirm: 'yes' });
    expect(missing.status).toBe(422);
    expect(await responseRow('mine_action_director:AO')).toBeUndefined();
    await agent.get(`/es/answer/${token}/sections/support`);
    await agent.post(`/es/answer/${token}/sections/support`, { _version: '0', 's.support.received': 'yes', 's.support.amount': '1000', _action: 'continue' });
    const review = await agent.get(`/es/answer/${token}/review`);
    const version = versionOf(review.body);
    const noConfirm = await agent.post(`/es/answer/${token}/submit`, { _version: version });
    expect(noConfirm.status).toBe(422);
    expect(noConfirm.body).toContain('f-confirm');
    const ok = await agent.post(`/es/answer/${token}/submit`, { _version: version, confirm: 'yes' });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe(`/es/answer/${token}/receipt`);
    const row = await responseRow('mine_action_director:AO');
    expect(row!.status).toBe('submitted');
    expect(row!.receipt).toMatch(/^Q\d{4}-AO-[A-Z0-9]{4}$/);
    expect(row!.first_submitted_at).not.toBeNull();
    expect(row!.submitted_by_name).toBe('Ana Silva');
    const receipt = await agent.get(ok.location!);
    expect(receipt.status).toBe(200);
    expect(receipt.body).toContain(row!.receipt!);
    const mails = await t.database.query<{ to_address: string; locale: string; subject: string; text_body: string }>(`select to_address, locale, subject, text_body from outbox_emails where kind = 'questionnaire_receipt' and to_address = $1`, [invitation.email]);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.locale).toBe('es');
    expect(mails[0]!.subject).toContain(row!.receipt!);
    expect(mails[0]!.text_body).toContain(`/es/answer/${token}/receipt`);
    // The same form sent again (a second tab): "already submitted", nothing duplicated.
    const twice = await agent.post(`/es/answer/${token}/submit`, { _version: version, confirm: 'yes' });
    expect(twice.status).toBe(409);
    expect(twice.body).toContain(row!.receipt!);
    const events = await t.database.query<{ kind: string }>(`select kind from questionnaire_response_events where response_id = $1`, [row!.id]);
    expect(events).toEqual([{ kind: 'submitted' }]);
    expect(await t.database.query(`select 1 from outbox_emails where kind = 'questionnaire_receipt' and to_address = $1`, [invitation.email])).toHaveLength(1);
    const audit = await t.database.query<{ actor_label: string }>(`select actor_label from audit_events where action = 'questionnaires.response.submitted' and entity_id = $1`, [row!.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_label).toContain('Ana Silva');
  });

  it('records late changes while open, shows "changed after submission" and a field-level history', async () => {
    const { token } = await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: 'ZW', name: 'Tendai Moyo' });
    const agent = new Agent(t.app);
    await agent.get(`/en/answer/${token}/sections/support`);
    await agent.post(`/en/answer/${token}/sections/support`, { _version: '0', 's.support.received': 'yes', 's.support.amount': '500', _action: 'continue' });
    const review = await agent.get(`/en/answer/${token}/review`);
    await agent.post(`/en/answer/${token}/submit`, { _version: versionOf(review.body), confirm: 'yes' });
    const section = await agent.get(`/en/answer/${token}/sections/support`);
    expect(section.body).toContain('changes you save now are recorded');
    const change = await agent.post(`/en/answer/${token}/sections/support`, { _version: versionOf(section.body), 's.support.received': 'yes', 's.support.amount': '750', _action: 'later' });
    expect(change.status).toBe(303);
    const start = await agent.get(`/en/answer/${token}`);
    expect(start.body).toContain('Changed after submission');
    const history = await agent.get(`/en/answer/${token}/history`);
    expect(history.status).toBe(200);
    expect(history.body).toContain('Amount received');
    expect(history.body).toMatch(/500 USD[\s\S]*750 USD/);
    expect(history.body).toContain('Tendai Moyo');
    const row = await responseRow('mine_action_director:ZW');
    const events = await t.database.query<{ kind: string; values: Record<string, Record<string, unknown>> }>(`select kind, values from questionnaire_response_events where response_id = $1 order by id`, [row!.id]);
    expect(events.map((e) => e.kind)).toEqual(['submitted', 'changed']);
    expect(events[1]!.values.support!.amount).toBe(750);
    expect(row!.status).toBe('submitted');
  });

  it('answers an unknown link with a clear 404 and refuses a form post without its CSRF token', async () => {
    const agent = new Agent(t.app);
    const res = await agent.get('/en/answer/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(res.status).toBe(404);
    expect(res.body).toContain('does not lead to a questionnaire');
    expect((await agent.get('/en/answer/x')).status).toBe(404);
    const { token } = await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: 'BA' });
    await agent.get(`/en/answer/${token}/sections/support`);
    const forged = await agent.post(`/en/answer/${token}/sections/support`, { _csrf: 'forged', _version: '0', 's.support.received': 'yes' });
    expect(forged.status).toBe(403);
    expect(await responseRow('mine_action_director:BA')).toBeUndefined();
    expect((await agent.get(`/en/answer/${token}/sections/nope`)).status).toBe(404);
    const noVersion = await agent.post(`/en/answer/${token}/sections/support`, { 's.support.received': 'yes' });
    expect(noVersion.status).toBe(400);
  });
});
