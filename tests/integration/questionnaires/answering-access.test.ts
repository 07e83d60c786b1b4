/**
 * Who may answer, when, and what happens at the edges: revoked and expired links, a questionnaire
 * not open yet or closed (nothing lost), colleagues of one State saving the same response (conflict
 * page, field by field), files (disguised and oversized refused; downloads only for the respondent
 * and staff), and signed-in invitees with their list of questionnaires.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { createInvitation, createQuestionnaire, createResponse } from '../../support/questionnaires.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ UPLOAD_LIMIT: '20000' });
});
afterAll(async () => t.close());

const versionOf = (body: string) => /name="_version" value="([^"]+)"/.exec(body)?.[1] ?? '';
const DAY = 86_400_000;

function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer }) {
  const boundary = '----answeringTestBoundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(agent: Agent, base: string, file?: { name: string; data: Buffer }) {
  const page = await agent.get(`${base}/files`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const { payload, headers } = multipart({ _csrf: csrf }, file);
  const cookie = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.inject({ method: 'POST', url: `${base}/files`, payload, headers: { ...headers, cookie } });
}

describe('links that cannot be used', () => {
  it('says a revoked link was withdrawn and whom to ask, without showing the questionnaire', async () => {
    const fx = await createQuestionnaire(t.database);
    const { token } = await createInvitation(t.database, t.config.secret, fx.questionnaireId, { revokedAt: new Date() });
    const agent = new Agent(t.app);
    for (const path of ['', '/sections/support', '/review', '/receipt', '/files']) {
      const res = await agent.get(`/fr/answer/${token}${path}`);
      expect(res.status).toBe(410);
      expect(res.body).toContain('Ce lien n’est plus valable');
      expect(res.body).not.toContain('Coopération et assistance');
      expect(res.body).not.toContain('Soutien reçu');
    }
    // A valid CSRF token (the pages above have no form): refused for the link, not for the token.
    await agent.get('/fr/login');
    const post = await agent.post(`/fr/answer/${token}/sections/support`, { _version: '0', 's.support.received': 'yes' });
    expect(post.status).toBe(410);
    expect(await t.database.query(`select 1 from questionnaire_responses where questionnaire_id = $1`, [fx.questionnaireId])).toHaveLength(0);
  });

  it('says an expired link has expired, in Arabic, and that saved answers are kept', async () => {
    const fx = await createQuestionnaire(t.database);
    const { token, invitation } = await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: 'YE', expiresAt: new Date(Date.now() - 1000) });
    await createResponse(t.database, fx, invitation, { values: { support: { received: true } } });
    const res = await new Agent(t.app).get(`/ar/answer/${token}`);
    expect(res.status).toBe(410);
    expect(res.body).toContain('dir="rtl"');
    expect(res.body).toContain('انتهت صلاحية هذا الرابط');
    expect((await t.database.query(`select values from questionnaire_responses where questionnaire_id = $1`, [fx.questionnaireId]))).toHaveLength(1);
  });
});

describe('opening and closing', () => {
  it('shows the opening date of a questionnaire not open yet, and accepts no answers', async () => {
    const opensAt = new Date(Date.now() + 10 * DAY);
    const fx = await createQuestionnaire(t.database, { opensAt, closesAt: new Date(Date.now() + 40 * DAY) });
    const { token } = await createInvitation(t.database, t.config.secret, fx.questionnaireId);
    const agent = new Agent(t.app);
    const res = await agent.get(`/en/answer/${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('opens for answers on');
    expect(res.body).toContain(opensAt.toISOString().slice(0, 10));
    await agent.get('/en/login');
    const post = await agent.post(`/en/answer/${token}/sections/support`, { _version: '0', 's.support.received': 'yes' });
    expect(post.status).toBe(409);
    expect(await t.database.query(`select 1 from questionnaire_responses where questionnaire_id = $1`, [fx.questionnaireId])).toHaveLength(0);
  });

  it('after closing shows the submitted answers read-only; a late save or submit is refused with the typed answers shown, nothing lost', async () => {
    const fx = await createQuestionnaire(t.database);
    const { token, invitation } = await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: 'SD' });
    const agent = new Agent(t.app);
    await agent.get(`/en/answer/${token}/sections/support`);
    await agent.post(`/en/answer/${token}/sections/support`, { _version: '0', 's.support.received': 'yes', 's.support.amount': '42', _action: 'later' });
    const open = await agent.get(`/en/answer/${token}/sections/support`);
    const review = await agent.get(`/en/answer/${token}/review`);
    await t.database.query(`update questionnaires set closed_at = now() where id = $1`, [fx.questionnaireId]);
    const start = await agent.get(`/en/answer/${token}`);
    expect(start.status).toBe(200);
    expect(start.body).toContain('The questionnaire is closed');
    expect(start.body).toContain('Your response was not submitted before closing');
    expect(start.body).toMatch(/42 USD/);
    expect(start.body).not.toContain(`/en/answer/${token}/sections/support"`);
    expect((await agent.get(`/en/answer/${token}/sections/support`)).location).toBe(`/en/answer/${token}`);
    const late = await agent.post(`/en/answer/${token}/sections/support`, { _version: versionOf(open.body), 's.support.received': 'yes', 's.support.amount': '99', 's.support.challenges': 'Rains in the east' });
    expect(late.status).toBe(409);
    expect(late.body).toContain('could not be saved');
    expect(late.body).toContain('Rains in the east');
    const submit = await agent.post(`/en/answer/${token}/submit`, { _version: versionOf(review.body), confirm: 'yes' });
    expect(submit.status).toBe(409);
    expect(submit.body).toContain('The questionnaire is closed');
    const [row] = await t.database.query<{ values: { support: { amount: number } }; status: string }>(`select values, status from questionnaire_responses where questionnaire_id = $1`, [fx.questionnaireId]);
    expect(row!.values.support.amount).toBe(42);
    expect(row!.status).toBe('in_progress');
    // A submitted response stays readable with its receipt after closing.
    const other = await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: 'SN' });
    const submitted = await createResponse(t.database, fx, other.invitation, { values: { support: { received: false } }, submitted: true });
    await t.database.query(`update questionnaire_responses set receipt = 'Q2026-SN-7K3D' where id = $1`, [submitted.id]);
    const after = await agent.get(`/en/answer/${other.token}`);
    expect(after.body).toContain('The answers you submitted are shown below');
    expect((await agent.get(`/en/answer/${other.token}/receipt`)).body).toContain('Q2026-SN-7K3D');
    void invitation;
  });
});

describe('colleagues of one State share one response', () => {
  it('a save on another section is no conflict; the same question saved by both shows a conflict page to choose from, nothing overwritten', async () => {
    const fx = await createQuestionnaire(t.database);
    const a = await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: 'MZ', name: 'Amélia Costa' });
    const b = await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: 'MZ', name: 'Bento Nhaca' });
    const alice = new Agent(t.app);
    const bob = new Agent(t.app);
    const aliceSupport = await alice.get(`/en/answer/${a.token}/sections/support`);
    const bobGender = await bob.get(`/en/answer/${b.token}/sections/gender`);
    const bobSupport = await bob.get(`/en/answer/${b.token}/sections/support`);
    // Both pages were shown before any save (version 0).
    expect(versionOf(aliceSupport.body)).toBe('0');
    const saveA = await alice.post(`/en/answer/${a.token}/sections/support`, { _version: '0', 's.support.received': 'yes', 's.support.amount': '100', 's.support.challenges': 'Alice text', _action: 'later' });
    expect(saveA.status).toBe(303);
    // Bob saves another section on his stale page: no conflict.
    const saveB = await bob.post(`/en/answer/${b.token}/sections/gender`, { _version: versionOf(bobGender.body), 's.gender.integrated': 'yes', _action: 'later' });
    expect(saveB.status).toBe(303);
    // Bob then saves the section Alice saved, with other answers: a conflict page.
    const conflict = await bob.post(`/en/answer/${b.token}/sections/support`, { _version: versionOf(bobSupport.body), 's.support.received': 'yes', 's.support.amount': '200', 's.support.challenges': 'Alice text', _action: 'later' });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toContain('were changed after you opened it');
    expect(conflict.body).toContain('name="keep.support.amount"');
    expect(conflict.body).not.toContain('name="keep.support.challenges"');
    let [row] = await t.database.query<{ values: { support: { amount: number }; gender: { integrated: boolean } } }>(`select values from questionnaire_responses where respondent_key = 'mine_action_director:MZ' and questionnaire_id = $1`, [fx.questionnaireId]);
    expect(row!.values.support.amount).toBe(100);
    expect(row!.values.gender.integrated).toBe(true);
    // Bob keeps his amount.
    const resolve = await bob.post(`/en/answer/${b.token}/sections/support/resolve`, { _version: versionOf(conflict.body), 's.support.received': 'yes', 's.support.amount': '200', 's.support.challenges': 'Alice text', 'keep.support.amount': 'mine' });
    expect(resolve.status).toBe(303);
    [row] = await t.database.query(`select values from questionnaire_responses where respondent_key = 'mine_action_director:MZ' and questionnaire_id = $1`, [fx.questionnaireId]);
    expect(row!.values.support.amount).toBe(200);
    expect(row!.values.gender.integrated).toBe(true);
    // A choice made on a conflict page that is stale again is shown again, not merged over.
    const stale = await alice.post(`/en/answer/${a.token}/sections/support/resolve`, { _version: versionOf(conflict.body), 's.support.received': 'yes', 's.support.amount': '300', 'keep.support.amount': 'mine' });
    expect(stale.status).toBe(409);
    // The start page names the colleague who shares the response.
    expect((await alice.get(`/en/answer/${a.token}`)).body).toContain('Bento Nhaca');
  });

  it('a donor answering for no State has a response of their own', async () => {
    const fx = await createQuestionnaire(t.database);
    const { token, invitation } = await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: null, audience: 'donor', name: 'Private donor' });
    const agent = new Agent(t.app);
    const page = await agent.get(`/en/answer/${token}/sections/support`);
    await agent.post(`/en/answer/${token}/sections/support`, { _version: versionOf(page.body), 's.support.received': 'no', _action: 'later' });
    const rows = await t.database.query<{ respondent_key: string }>(`select respondent_key from questionnaire_responses where questionnaire_id = $1`, [fx.questionnaireId]);
    expect(rows).toEqual([{ respondent_key: `invitation:${invitation.id}` }]);
  });
});

describe('files', () => {
  const FILE_CONTENT = {
    sections: [
      {
        id: 'evidence',
        title: { en: 'Evidence' },
        questions: [{ id: 'plan', type: 'file' as const, label: { en: 'National mine action plan' } }],
      },
    ],
  };

  it('uploads a real PDF, offers it in the file question, serves it only to the respondent and staff, and refuses disguised or oversized files', async () => {
    const fx = await createQuestionnaire(t.database, { content: FILE_CONTENT, committeeId: null });
    const { token } = await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: 'LK' });
    const agent = new Agent(t.app);
    const base = `/en/answer/${token}`;
    const ok = await upload(agent, base, { name: 'plan.pdf', data: Buffer.from('%PDF-1.4\n%plan\n') });
    expect(ok.statusCode).toBe(303);
    const list = await agent.get(`${base}/files`);
    expect(list.body).toContain('plan.pdf');
    const fileId = /files\/([0-9a-f-]{36})"/.exec(list.body)![1]!;
    const section = await agent.get(`${base}/sections/evidence`);
    expect(section.body).toContain(`<option value="${fileId}"`);
    const saved = await agent.post(`${base}/sections/evidence`, { _version: versionOf(section.body), 's.evidence.plan': fileId, _action: 'later' });
    expect(saved.status).toBe(303);
    const download = await agent.get(`${base}/files/${fileId}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(String(download.headers['content-disposition'])).toContain('attachment');
    // Another respondent's link does not reach it.
    const other = await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: 'TJ' });
    expect((await agent.get(`/en/answer/${other.token}/files/${fileId}`)).status).toBe(404);
    // A file id that is not one of the response's files is refused in the answer.
    const foreign = await agent.post(`${base}/sections/evidence`, { _version: versionOf((await agent.get(`${base}/sections/evidence`)).body), 's.evidence.plan': '00000000-0000-4000-8000-000000000000' });
    expect(foreign.status).toBe(422);
    // Staff who may read the results download it; a State user may not.
    const isu = await createUser(t.database, { role: 'isu_staff' });
    const staff = new Agent(t.app);
    await staff.signIn(isu.email);
    expect((await staff.get(`/en/questionnaires/${fx.questionnaireId}/respond/files/${fileId}`)).status).toBe(200);
    const preparer = await createUser(t.database, { role: 'state_preparer', stateIso2: 'LK' });
    const stranger = new Agent(t.app);
    await stranger.signIn(preparer.email);
    expect((await stranger.get(`/en/questionnaires/${fx.questionnaireId}/respond/files/${fileId}`)).status).toBe(403);
    // Disguised and oversized files.
    const disguised = await upload(agent, base, { name: 'plan.pdf', data: Buffer.from('MZ\x90\x00 not a pdf \x00\x01') });
    expect(disguised.statusCode).toBe(415);
    expect(disguised.body).toContain('did not match');
    const big = await upload(agent, base, { name: 'big.pdf', data: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(30_000, 0x41)]) });
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('smaller than');
    // Removing the file clears the answer that pointed at it.
    const files = await agent.get(`${base}/files`);
    const removed = await agent.post(`${base}/files/${fileId}/delete`, { _csrf: /name="_csrf" value="([^"]+)"/.exec(files.body)![1]! });
    expect(removed.status).toBe(303);
    const [row] = await t.database.query<{ values: { evidence: { plan: string | null } } }>(`select values from questionnaire_responses where questionnaire_id = $1`, [fx.questionnaireId]);
    expect(row!.values.evidence.plan).toBeNull();
  });
});

describe('signed-in invitees', () => {
  it('lists the invitations naming the account or sent to its e-mail, and answers through the same pages', async () => {
    const fx = await createQuestionnaire(t.database);
    const user = await createUser(t.database, { role: 'state_preparer', stateIso2: 'KH', email: 'director.kh@test.example.org', name: 'Chan Sophea' });
    await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: 'KH', email: 'Director.KH@test.example.org' });
    const agent = new Agent(t.app);
    expect((await agent.get('/en/my/questionnaires')).location).toBe('/en/login?returnTo=%2Fen%2Fmy%2Fquestionnaires');
    await agent.signIn(user.email);
    const list = await agent.get('/en/my/questionnaires');
    expect(list.status).toBe(200);
    expect(list.body).toContain(`/en/questionnaires/${fx.questionnaireId}/respond`);
    expect(list.body).toContain('Not started');
    const base = `/en/questionnaires/${fx.questionnaireId}/respond`;
    const start = await agent.get(base);
    expect(start.status).toBe(200);
    const section = await agent.get(`${base}/sections/support`);
    const saved = await agent.post(`${base}/sections/support`, { _version: versionOf(section.body), 's.support.received': 'yes', 's.support.amount': '10', _action: 'continue' });
    expect(saved.status).toBe(303);
    const review = await agent.get(`${base}/review`);
    const submitted = await agent.post(`${base}/submit`, { _version: versionOf(review.body), confirm: 'yes' });
    expect(submitted.location).toBe(`${base}/receipt`);
    const [audit] = await t.database.query<{ actor_user_id: string }>(`select actor_user_id from audit_events where action = 'questionnaires.response.submitted' and summary->>'questionnaire' = $1`, [fx.questionnaireId]);
    expect(audit!.actor_user_id).toBe(user.id);
    expect((await agent.get('/en/my/questionnaires')).body).toContain('Submitted');
  });

  it('refuses an account the questionnaire was not sent to (403), and staff pages stay closed to invitees', async () => {
    const fx = await createQuestionnaire(t.database);
    const user = await createUser(t.database, { role: 'state_preparer', stateIso2: 'SN' });
    const agent = new Agent(t.app);
    await agent.signIn(user.email);
    expect((await agent.get(`/en/questionnaires/${fx.questionnaireId}/respond`)).status).toBe(403);
    expect((await agent.get(`/en/questionnaires/00000000-0000-4000-8000-000000000000/respond`)).status).toBe(404);
    await createInvitation(t.database, t.config.secret, fx.questionnaireId, { userId: user.id, email: 'someone.else@test.example.org' });
    expect((await agent.get(`/en/questionnaires/${fx.questionnaireId}/respond`)).status).toBe(200);
    expect((await agent.get(`/en/questionnaires/${fx.questionnaireId}/results`)).status).toBe(403);
    const anonymous = new Agent(t.app);
    expect((await anonymous.get(`/en/questionnaires/${fx.questionnaireId}/respond`)).location).toContain('/en/login?returnTo=');
  });
});

describe('versions and languages', () => {
  it('keeps a response on the version it was started on; a new response starts on the newest frozen version', async () => {
    const fx = await createQuestionnaire(t.database);
    const a = await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: 'AF' });
    const agent = new Agent(t.app);
    const page = await agent.get(`/en/answer/${a.token}/sections/support`);
    await agent.post(`/en/answer/${a.token}/sections/support`, { _version: versionOf(page.body), 's.support.received': 'no', _action: 'later' });
    const v2 = {
      sections: [{ id: 'support', title: { en: 'Support (revised)' }, questions: [{ id: 'received', type: 'yesno', label: { en: 'Revised question?' } }] }],
    };
    await t.database.query(`insert into questionnaire_versions (questionnaire_id, version_no, content, frozen_at) values ($1, 2, $2, now())`, [fx.questionnaireId, v2]);
    const started = await agent.get(`/en/answer/${a.token}/sections/support`);
    expect(started.body).toContain('Did your programme receive international support in 2022?');
    expect(started.body).not.toContain('Revised question?');
    const b = await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: 'AL' });
    const fresh = await agent.get(`/en/answer/${b.token}/sections/support`);
    expect(fresh.body).toContain('Revised question?');
    const saved = await agent.post(`/en/answer/${b.token}/sections/support`, { _version: versionOf(fresh.body), 's.support.received': 'yes', _action: 'later' });
    expect(saved.status).toBe(303);
    const rows = await t.database.query<{ respondent_key: string; version_no: number }>(
      `select r.respondent_key, v.version_no from questionnaire_responses r join questionnaire_versions v on v.id = r.version_id where r.questionnaire_id = $1 order by r.respondent_key`,
      [fx.questionnaireId],
    );
    expect(rows).toEqual([
      { respondent_key: 'mine_action_director:AF', version_no: 1 },
      { respondent_key: 'mine_action_director:AL', version_no: 2 },
    ]);
  });

  it('has every interface string translated: the pseudo-locale shows no bare message key', async () => {
    const fx = await createQuestionnaire(t.database);
    const { token } = await createInvitation(t.database, t.config.secret, fx.questionnaireId, { stateIso2: 'CD' });
    const agent = new Agent(t.app);
    for (const path of ['', '/sections/support', '/review', '/files', '/history']) {
      const res = await agent.get(`/qps/answer/${token}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.body, path).not.toMatch(/questionnaires\.answering\.|forms\.errors\./);
    }
  });
});
