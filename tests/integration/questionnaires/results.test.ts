/**
 * Results of a questionnaire through the real app: response rates, summaries (submitted only, or
 * with responses in progress; hidden answers left out), cross-tabulation, free-text answers with
 * accent-insensitive search and tags, States side by side, CSV and XLSX exports, the paper's
 * findings, and who may see any of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { createInvitation, createQuestionnaire, createResponse, type QuestionnaireFixture } from '../../support/questionnaires.ts';
import { auditEvents } from '../../../src/platform/audit/schema.ts';
import { questionnaireAnswerTags } from '../../../src/areas/questionnaires/schema.ts';
import { readXlsx } from '../../../src/platform/exports/xlsx.ts';
import { paperFindings, findingSentences, findingsParagraph } from '../../../src/areas/questionnaires/results/index.ts';

let t: TestApp;
let fx: QuestionnaireFixture;
let isu: Agent;
let committee: Agent;
let ids: { sn: string; iq: string; jp: string };
const emails = { isu: 'isu.results@test.example.org', committee: 'ca.results@test.example.org', other: 'a5.results@test.example.org', state: 'sn.results@test.example.org' };

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.database, { role: 'isu_staff', email: emails.isu });
  await createUser(t.database, { role: 'committee_member', committeeId: 'cooperation-assistance', email: emails.committee });
  await createUser(t.database, { role: 'committee_member', committeeId: 'article5', email: emails.other });
  await createUser(t.database, { role: 'state_preparer', stateIso2: 'SN', email: emails.state });
  fx = await createQuestionnaire(t.database);
  const secret = t.config.secret;
  const sn = await createInvitation(t.database, secret, fx.questionnaireId, { audience: 'mine_action_director', stateIso2: 'SN', locale: 'fr' });
  // A colleague of the same State and audience: one respondent unit, not two.
  await createInvitation(t.database, secret, fx.questionnaireId, { audience: 'mine_action_director', stateIso2: 'SN', locale: 'fr' });
  const iq = await createInvitation(t.database, secret, fx.questionnaireId, { audience: 'mine_action_director', stateIso2: 'IQ', locale: 'ar' });
  const jp = await createInvitation(t.database, secret, fx.questionnaireId, { audience: 'donor', stateIso2: 'JP' });
  await createInvitation(t.database, secret, fx.questionnaireId, { audience: 'donor', stateIso2: 'NO', revokedAt: new Date() });
  await createInvitation(t.database, secret, fx.questionnaireId, { audience: 'other', stateIso2: null });
  const r1 = await createResponse(t.database, fx, sn.invitation, {
    submitted: true,
    locale: 'fr',
    values: {
      support: { received: true, amount: 100, kind: 'funds', challenges: 'Le financement annuel reste imprévisible.' },
      gender: { integrated: true, teams: [{ _id: 'r1', name: 'Équipe féminine de Kolda', women: 3 }, { _id: 'r2', name: 'Team B', women: 5 }] },
    },
  });
  // Iraq says no: the amount and kind it typed before changing its mind are hidden, so not counted.
  const r2 = await createResponse(t.database, fx, iq.invitation, {
    submitted: true,
    locale: 'ar',
    values: { support: { received: false, amount: 999, kind: 'equipment', challenges: 'نقص التمويل الدولي منذ عام 2020' }, gender: { integrated: false } },
  });
  const r3 = await createResponse(t.database, fx, jp.invitation, { submitted: false, values: { support: { received: true, amount: 300, kind: 'training' } } });
  ids = { sn: r1.id, iq: r2.id, jp: r3.id };
  isu = new Agent(t.app);
  await isu.signIn(emails.isu);
  committee = new Agent(t.app);
  await committee.signIn(emails.committee);
});

afterAll(async () => {
  await t?.close();
});

const base = () => `/en/questionnaires/${fx.questionnaireId}/results`;

/** The text of a table row whose first cell contains `label`. */
function rowText(html: string, label: string): string {
  const rows = html.split('<tr').filter((r) => r.includes(label));
  return (rows[0] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('who may see results', () => {
  it('sends anonymous readers to sign in, refuses State users and other committees, 404s unknown ids', async () => {
    const anon = new Agent(t.app);
    const res = await anon.get(base());
    expect(res.status).toBe(303);
    expect(res.location).toContain('/en/login?returnTo=');
    for (const p of ['', '/answers', '/states', '/states/sn', '/export.csv', '/export.xlsx']) expect((await anon.get(`${base()}${p}`)).status, p).toBe(303);

    const state = new Agent(t.app);
    await state.signIn(emails.state);
    expect((await state.get(base())).status).toBe(403);
    expect((await state.get(`${base()}/export.xlsx`)).status).toBe(403);
    const other = new Agent(t.app);
    await other.signIn(emails.other);
    expect((await other.get(base())).status).toBe(403);
    expect((await other.get(`${base()}/answers`)).status).toBe(403);
    expect((await other.post(`${base()}/answers/tags`, { response: ids.sn, path: 'support.challenges', tag: 'x' })).status).toBe(403);

    expect((await isu.get('/en/questionnaires/00000000-0000-4000-8000-000000000000/results')).status).toBe(404);
    expect((await isu.get('/en/questionnaires/not-a-uuid/results')).status).toBe(404);
    expect((await committee.get(base())).status).toBe(200);
  });
});

describe('summary page', () => {
  it('shows response rates per audience: units not revoked, colleagues of a State counted once', async () => {
    const res = await isu.get(base());
    expect(res.status).toBe(200);
    // Directors: SN (two colleagues) and IQ → 2 invited, 2 started, 2 submitted.
    expect(rowText(res.body, 'Mine action directors')).toMatch(/Mine action directors 2 2 \(100%\) 2 \(100%\)/);
    // Donors: JP only (NO revoked) → 1 invited, 1 started, 0 submitted.
    expect(rowText(res.body, 'Donor States</td>')).toMatch(/Donor States 1 1 \(100%\) 0 \(0%\)/);
    expect(rowText(res.body, 'All audiences')).toMatch(/All audiences 4 3 \(75%\) 2 \(50%\)/);
  });

  it('summarises submitted answers with a chart and its table, hidden answers left out', async () => {
    const res = await isu.get(base());
    expect(res.body).toContain('Counting 2 submitted responses.');
    expect(res.body).toMatch(/<svg[^>]+role="img"/);
    expect(res.body).toContain('id="chart-q-support-received-title"');
    // Yes 1 of 2, No 1 of 2.
    expect(rowText(res.body.split('chart-q-support-received-title').at(-1)!, '<td>Yes')).toMatch(/Yes 1 \(50%\) 2/);
    // Amount: only Senegal's 100 counts (Iraq's 999 is hidden by its "no").
    const amount = res.body.split('support.amount')[1]!.split('</section>')[0]!;
    expect(amount).toContain('100 USD');
    expect(amount).not.toContain('999');
    // Text: answers counted, linked to the free-text page.
    expect(res.body).toContain(`${base()}/answers?question=support.challenges`);
    // Table: 2 rows in 1 response, column sums.
    expect(res.body).toContain('2 rows in 1 response.');
    expect(res.body).toMatch(/2 answered · total 8 · median 4 · smallest 3 · largest 5/);
  });

  it('counts responses in progress when asked', async () => {
    const res = await isu.get(`${base()}?include=in_progress`);
    expect(res.body).toContain('Counting 3 responses, submitted or in progress.');
    const amount = res.body.split('support.amount')[1]!.split('</section>')[0]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(amount).toMatch(/Total 400 USD/);
    expect(amount).toMatch(/Median 200 USD/);
    expect((await isu.get(`${base()}?include=everything`)).status).toBe(400);
  });

  it('cross-tabulates choice questions by audience', async () => {
    const res = await isu.get(`${base()}?include=in_progress`);
    const x = res.body.split('id="crosstab-title"')[1]!;
    expect(x).toContain('Affected States (mine action directors)');
    expect(x).toContain('Donor States');
    // received: yes → 1 affected (SN) + 1 donor (JP).
    expect(rowText(x.split('chart-x-support-received-title').at(-1)!, '<td>Yes')).toMatch(/Yes 1 \(50%\) 1 \(50%\) 2/);
  });

  it('is written in Arabic, right to left, with the questionnaire text in Arabic', async () => {
    const res = await isu.get(`/ar/questionnaires/${fx.questionnaireId}/results`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('dir="rtl"');
    expect(res.body).toContain('هل تلقى برنامجكم دعمًا دوليًا في عام 2022؟');
    expect(res.body).toContain('معدل الاستجابة');
  });
});

describe('free-text answers', () => {
  it('lists text answers (table text cells too) with State, audience and language', async () => {
    const res = await isu.get(`${base()}/answers`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('Le financement annuel reste imprévisible.');
    expect(res.body).toMatch(/lang="ar" dir="auto">نقص التمويل الدولي/);
    expect(res.body).toContain('Équipe féminine de Kolda');
    expect(res.body).toContain('Senegal');
    // Two challenges and the two text cells of Senegal's table; the donor still answering is not listed unless asked.
    expect(res.body).toContain('4 answers found');
    expect((await isu.get(`${base()}/answers?include=in_progress`)).body).toContain('4 answers found');
  });

  it('searches without regard to case and accents, in any script, and filters by question', async () => {
    const fr = await isu.get(`${base()}/answers?q=IMPREVISIBLE`);
    expect(fr.body).toContain('1 answer found');
    expect(fr.body).toContain('Le financement annuel');
    const ar = await isu.get(`${base()}/answers?q=${encodeURIComponent('التمويل')}`);
    expect(ar.body).toContain('نقص التمويل الدولي');
    expect(ar.body).toContain('1 answer found');
    const byQuestion = await isu.get(`${base()}/answers?question=gender.teams`);
    expect(byQuestion.body).toContain('2 answers found');
    expect(byQuestion.body).toContain('Équipe féminine de Kolda');
    expect(byQuestion.body).not.toContain('Le financement annuel');
    const tooLong = await isu.get(`${base()}/answers?q=${'x'.repeat(300)}`);
    expect(tooLong.status).toBe(422);
    expect(tooLong.body).toContain('Search for at most 200 characters.');
  });

  it('adds a tag (cleaned, audited), counts it, filters by it, and removes it', async () => {
    await committee.get(`${base()}/answers`);
    const add = await committee.post(`${base()}/answers/tags`, { response: ids.sn, path: 'support.challenges', tag: '  Funding\u202e   gap ', f_q: 'financement' });
    expect(add.status).toBe(303);
    expect(add.location).toContain('/answers?q=financement&saved=added#a-');
    const stored = await t.database.db.select().from(questionnaireAnswerTags).where(eq(questionnaireAnswerTags.responseId, ids.sn));
    expect(stored.map((s) => [s.path, s.tag])).toEqual([['support.challenges', 'Funding gap']]);
    const [audit] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'questionnaires.answer_tag.added'), eq(auditEvents.entityId, ids.sn)));
    expect(audit?.actorLabel).toBe(emails.committee);

    const page = await committee.get(add.location!);
    expect(page.body).toContain('The tag was added.');
    expect(page.body).toContain('Funding gap');

    // The same tag in other capitals is the same tag.
    const again = await committee.post(`${base()}/answers/tags`, { response: ids.sn, path: 'support.challenges', tag: 'funding GAP' });
    expect(again.location).toContain('saved=exists');

    // A table's text cell can be tagged too.
    expect((await committee.post(`${base()}/answers/tags`, { response: ids.sn, path: 'gender.teams.r1.name', tag: 'women-only teams' })).status).toBe(303);
    const byTag = await committee.get(`${base()}/answers?tag=${encodeURIComponent('funding gap')}`);
    expect(byTag.body).toContain('1 answer found');
    expect(byTag.body).toContain('Le financement annuel');

    const remove = await committee.post(`${base()}/answers/tags/remove`, { response: ids.sn, path: 'support.challenges', tag: 'Funding gap' });
    expect(remove.status).toBe(303);
    expect(remove.location).toContain('saved=removed');
    const left = await t.database.db.select().from(questionnaireAnswerTags).where(eq(questionnaireAnswerTags.responseId, ids.sn));
    expect(left.map((s) => s.tag)).toEqual(['women-only teams']);
    const removed = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'questionnaires.answer_tag.removed'));
    expect(removed).toHaveLength(1);
  });

  it('refuses an empty or too long tag on the page, and answers that are not text answers of this questionnaire', async () => {
    await isu.get(`${base()}/answers`);
    const empty = await isu.post(`${base()}/answers/tags`, { response: ids.sn, path: 'support.challenges', tag: '   ' });
    expect(empty.status).toBe(422);
    expect(empty.body).toContain('Enter a tag.');
    expect(empty.body).toContain('error-summary');
    const long = await isu.post(`${base()}/answers/tags`, { response: ids.sn, path: 'support.challenges', tag: 'x'.repeat(61) });
    expect(long.status).toBe(422);
    expect(long.body).toContain('A tag can be at most 60 characters long.');
    // Not a text answer, a hidden one, another questionnaire's response, nonsense.
    for (const body of [
      { response: ids.sn, path: 'support.amount', tag: 'x' },
      { response: ids.iq, path: 'support.kind', tag: 'x' },
      { response: '00000000-0000-4000-8000-000000000000', path: 'support.challenges', tag: 'x' },
      { response: 'nonsense', path: 'support.challenges', tag: 'x' },
      { response: ids.sn, path: 'gender.teams.nope.name', tag: 'x' },
    ])
      expect((await isu.post(`${base()}/answers/tags`, body)).status, JSON.stringify(body)).toBe(404);
    // Without the CSRF token: refused.
    expect((await isu.post(`${base()}/answers/tags`, { _csrf: 'forged', response: ids.sn, path: 'support.challenges', tag: 'x' })).status).toBe(403);
  });
});

describe('odd input', () => {
  it('never fails with a server error: odd filters, arrays, huge pages, the pseudo-locale', async () => {
    const odd = [
      '?include=in_progress&include=in_progress',
      '/answers?page=abc',
      '/answers?page=999999',
      '/answers?page=%D9%A2',
      '/answers?question=nope.nope',
      '/answers?question=a&question=b',
      '/answers?tag=' + 'y'.repeat(61),
      '/answers?q=%00%E2%80%AE',
      '/answers?include=all',
      '/states/%00',
      '/states/s',
      '/export.csv?lang=qps',
      '/export.xlsx?lang=en&lang=ar',
    ];
    for (const path of odd) {
      const res = await isu.get(`${base()}${path}`);
      expect(res.status, path).toBeLessThan(500);
    }
    expect((await isu.get(`${base()}/answers?page=%D9%A2`)).status).toBe(200);
    expect((await isu.get(`${base()}/answers?tag=${'y'.repeat(61)}`)).status).toBe(422);
    for (const p of ['', '/answers', '/states', '/states/sn']) expect((await isu.get(`/qps/questionnaires/${fx.questionnaireId}/results${p}`)).status, p).toBe(200);
  });
});

describe('States side by side', () => {
  it('lists responding States and shows one State’s answers next to its Article 7 indicators', async () => {
    const list = await isu.get(`${base()}/states`);
    expect(list.status).toBe(200);
    expect(list.body).toContain(`${base()}/states/sn`);
    expect(list.body).toContain(`${base()}/states/jp`);
    const sn = await isu.get(`${base()}/states/sn`);
    expect(sn.status).toBe(200);
    expect(sn.body).toContain('Senegal');
    expect(sn.body).toContain('Le financement annuel reste imprévisible.');
    expect(sn.body).toContain('Équipe féminine de Kolda');
    expect(sn.body).toContain('Article 7 indicators');
    expect(sn.body).toContain('No submitted and analysed Article 7 report of this State yet.');
    expect((await isu.get(`${base()}/states/fr`)).status).toBe(404);
    expect((await isu.get(`${base()}/states/xyz`)).status).toBe(404);
  });
});

describe('exports', () => {
  it('CSV: BOM, codes row, labels row, one row per response with codes and labels of choices', async () => {
    const res = await isu.get(`${base()}/export.csv?lang=fr`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const lines = res.body.slice(1).split('\r\n');
    expect(lines[0]).toBe('respondent_key,state_iso2,state_name,audience,status,submitted_at,language,version,support.received,support.received.label,support.amount,support.kind,support.kind.label,support.challenges,gender.integrated,gender.integrated.label,gender.teams');
    expect(lines[1]).toContain('Clé du répondant');
    expect(lines[1]).toContain('Montant reçu (USD)');
    const sn = lines.find((l) => l.startsWith('mine_action_director:SN'))!;
    expect(sn).toContain('Sénégal');
    expect(sn).toContain('yes,Oui,100,funds,Fonds');
    const iq = lines.find((l) => l.startsWith('mine_action_director:IQ'))!;
    expect(iq).not.toContain('999');
    expect(lines.filter((l) => l.trim()).length).toBe(5);
    expect((await isu.get(`${base()}/export.csv?lang=xx`)).status).toBe(400);
  });

  it('XLSX in Arabic reads back: about, responses with codes and labels, a sheet per table', async () => {
    const raw = await t.app.inject({ method: 'GET', url: `/ar/questionnaires/${fx.questionnaireId}/results/export.xlsx?lang=ar`, headers: { cookie: [...isu.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(raw.statusCode).toBe(200);
    expect(raw.headers['content-type']).toContain('spreadsheetml');
    const sheets = await readXlsx(raw.rawPayload);
    expect(sheets.map((s) => s.name)).toEqual(['حول الملف', 'الردود', 'gender.teams']);
    const responses = sheets[1]!.rows;
    expect(responses[0]!.slice(0, 3)).toEqual(['respondent_key', 'state_iso2', 'state_name']);
    expect(responses[1]).toContain('هل تلقى برنامجكم دعمًا دوليًا في عام 2022؟');
    const sn = responses.find((r) => r[0] === 'mine_action_director:SN')!;
    const col = (code: string) => responses[0]!.indexOf(code);
    expect(sn[col('state_name')]).toBe('السنغال');
    expect(sn[col('support.received')]).toBe('yes');
    expect(sn[col('support.received.label')]).toBe('نعم');
    expect(sn[col('support.amount')]).toBe(100);
    expect(sn[col('gender.teams')]).toBe(2);
    const jp = responses.find((r) => r[0] === 'donor:JP')!;
    expect(jp[col('status')]).toBe('قيد الإعداد');
    const teams = sheets[2]!.rows;
    expect(teams[0]).toEqual(['respondent_key', 'state_iso2', 'row', 'gender.teams.name', 'gender.teams.women']);
    expect(teams.slice(2)).toEqual([
      ['mine_action_director:SN', 'SN', 1, 'Équipe féminine de Kolda', 3],
      ['mine_action_director:SN', 'SN', 2, 'Team B', 5],
    ]);
  });
});

describe('findings for the observations paper', () => {
  it('gives the questionnaires open during a year with rates and key results as sentences', async () => {
    const year = new Date().getUTCFullYear();
    const f = await paperFindings(t.database.db, year);
    const mine = f.questionnaires.find((q) => q.id === fx.questionnaireId)!;
    expect(mine).toBeDefined();
    const tr = t.deps.translator('en');
    const sentences = findingSentences(mine, tr);
    expect(sentences[0]).toBe('2 of 4 invited respondents answered (50%).');
    expect(sentences).toContain('“Did your programme receive international support in 2022?”: 1 of 2 answered yes (50%).');
    expect(sentences).toContain('“Main kind of support”: most frequent answer “Funds”, 1 of 1 (100%).');
    expect(findingSentences(mine, t.deps.translator('fr'))[0]!.replace(/\s/g, ' ')).toBe('2 des 4 répondants invités ont répondu (50 %).');
    expect(findingsParagraph(mine, t.deps.translator('ar'))).toMatch(/^نتائج الاستبيان «التعاون والمساعدة في عام 2022»: /);
    expect((await paperFindings(t.database.db, 1999)).questionnaires.find((q) => q.id === fx.questionnaireId)).toBeUndefined();
  });
});
