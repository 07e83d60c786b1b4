/**
 * The questionnaire builder through the real app: who may use it, creating a questionnaire,
 * building sections and questions (with every kind of bad input refused on its field), the
 * optimistic lock, frozen versions and the next version, translations, the respondent's preview,
 * copies, and the questions listed on an action's page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { gzipSync } from 'node:zlib';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { createInvitation, createQuestionnaire, createResponse, SAMPLE_CONTENT } from '../../support/questionnaires.ts';
import { questionnaires, questionnaireResponses, questionnaireVersions } from '../../../src/areas/questionnaires/schema.ts';
import { auditEvents } from '../../../src/platform/audit/schema.ts';
import { contentProblems, translationStatus, type QuestionnaireContent } from '../../../src/areas/questionnaires/content.ts';

let t: TestApp;
let isu: Agent;
let member: Agent;
let otherMember: Agent;
let preparer: Agent;
let isuId: string;

async function signedIn(role: 'isu_staff' | 'committee_member' | 'state_preparer' | 'admin', extra: { committeeId?: string; stateIso2?: string } = {}) {
  const user = await createUser(t.database, { role, ...extra });
  const agent = new Agent(t.app);
  expect((await agent.signIn(user.email)).status).toBe(303);
  return { agent, user };
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await signedIn('isu_staff');
  isu = a.agent;
  isuId = a.user.id;
  member = (await signedIn('committee_member', { committeeId: 'cooperation-assistance' })).agent;
  otherMember = (await signedIn('committee_member', { committeeId: 'article5' })).agent;
  preparer = (await signedIn('state_preparer', { stateIso2: 'SN' })).agent;
});
afterAll(async () => t.close());

async function versionRows(qid: string) {
  return t.database.db.select().from(questionnaireVersions).where(eq(questionnaireVersions.questionnaireId, qid)).orderBy(questionnaireVersions.versionNo);
}

async function latest(qid: string) {
  const rows = await versionRows(qid);
  return rows[rows.length - 1]!;
}

/** A draft questionnaire with the sample content, owned by the cooperation committee. */
async function draft(content: QuestionnaireContent = SAMPLE_CONTENT) {
  return createQuestionnaire(t.database, { circulated: false, content, createdBy: isuId });
}

function base(qid: string) {
  return `/en/questionnaires/${qid}/build`;
}

/** The hidden field of the last form on a page whose action ends with `action`. */
function hidden(body: string, name: string): string {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(body);
  expect(m, `hidden field ${name}`).toBeTruthy();
  return m![1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
}

/** Posts the question page's form as it is shown, with some fields changed. */
async function saveQuestion(agent: Agent, qid: string, sid: string, questionId: string, changes: Record<string, string | string[]>, opts: { version?: string; base?: string } = {}) {
  const url = `${base(qid)}/sections/${sid}/questions/${questionId}`;
  const page = await agent.get(url);
  expect(page.status).toBe(200);
  const form: Record<string, string | string[]> = {};
  for (const m of page.body.matchAll(/<input[^>]*>/g)) {
    const tag = m[0];
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    if (!name || name === '_csrf') continue;
    const value = (/value="([^"]*)"/.exec(tag)?.[1] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"');
    if (/type="checkbox"/.test(tag)) {
      if (!/ checked/.test(tag)) continue;
      form[name] = form[name] ? [...[form[name]].flat(), value] : value;
    } else form[name] = value;
  }
  for (const m of page.body.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) form[m[1]!] = m[2]!;
  for (const m of page.body.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = /<option value(?:="([^"]*)")? selected/.exec(m[2]!) ?? /<option value(?:="([^"]*)")?/.exec(m[2]!);
    form[m[1]!] = selected?.[1] ?? '';
  }
  if (opts.version) form._version = opts.version;
  if (opts.base) form._base = opts.base;
  return agent.post(url, { ...form, _action: 'save', ...changes });
}

describe('who may use the builder', () => {
  it('sends anonymous visitors to sign in, and refuses State users', async () => {
    const { questionnaireId } = await draft();
    const anonymous = new Agent(t.app);
    for (const url of ['/en/questionnaires', '/en/questionnaires/new', `/en/questionnaires/${questionnaireId}`, `${base(questionnaireId)}`, `/en/questionnaires/${questionnaireId}/translations`, `/en/questionnaires/${questionnaireId}/preview`]) {
      const res = await anonymous.get(url);
      expect(res.status, url).toBe(303);
      expect(res.location).toBe(`/en/login?returnTo=${encodeURIComponent(url)}`);
    }
    for (const url of ['/en/questionnaires', '/en/questionnaires/new', `/en/questionnaires/${questionnaireId}`, base(questionnaireId)]) expect((await preparer.get(url)).status, url).toBe(403);
    expect((await preparer.post('/en/questionnaires/new', { title: 'X', sourceLocale: 'en', committeeId: '' })).status).toBe(403);
  });

  it("refuses another committee's member, on pages and on changes, and leaves the questionnaire out of their list", async () => {
    const { questionnaireId } = await draft();
    for (const url of [`/en/questionnaires/${questionnaireId}`, base(questionnaireId), `${base(questionnaireId)}/sections/support/questions/received`, `/en/questionnaires/${questionnaireId}/translations/fr`, `/en/questionnaires/${questionnaireId}/preview`]) {
      expect((await otherMember.get(url)).status, url).toBe(403);
      expect((await member.get(url)).status, url).toBe(200);
    }
    await otherMember.get('/en/questionnaires');
    expect((await otherMember.post(`${base(questionnaireId)}/sections`, { _version: '1', title: 'Mine now' })).status).toBe(403);
    expect((await otherMember.get('/en/questionnaires')).body).not.toContain(questionnaireId);
    expect((await member.get('/en/questionnaires')).body).toContain(questionnaireId);
    expect((await latest(questionnaireId)).content).toEqual(SAMPLE_CONTENT);
  });

  it('answers 404 for unknown questionnaires, sections and questions', async () => {
    const { questionnaireId } = await draft();
    for (const url of ['/en/questionnaires/not-a-uuid', '/en/questionnaires/00000000-0000-4000-8000-000000000000/build', `${base(questionnaireId)}/sections/nope`, `${base(questionnaireId)}/sections/support/questions/nope`, `${base(questionnaireId)}/sections/Bad-Id/questions/x`, `/en/questionnaires/${questionnaireId}/translations/xx`, `/en/questionnaires/${questionnaireId}/preview?lang=xx`]) {
      expect((await isu.get(url)).status, url).toBe(404);
    }
    expect((await isu.post(`${base(questionnaireId)}/sections/nope/questions`, { _version: '1', type: 'yesno', label: 'X' })).status).toBe(404);
  });
});

describe('creating a questionnaire', () => {
  it('refuses a missing title and an unknown language, keeping what was typed', async () => {
    await isu.get('/en/questionnaires/new');
    const res = await isu.post('/en/questionnaires/new', { title: '  ', description: 'Why we ask', sourceLocale: 'xx', committeeId: '' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('Enter a title.');
    expect(res.body).toContain('Choose one of the six languages.');
    expect(res.body).toContain('Why we ask');
  });

  it("keeps a committee member to their own committee", async () => {
    await member.get('/en/questionnaires/new');
    const res = await member.post('/en/questionnaires/new', { title: 'Article 5 survey', sourceLocale: 'en', committeeId: 'article5' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('Choose your own committee or none.');
  });

  it('creates the questionnaire with an empty draft version 1, audited, and lists it', async () => {
    await isu.get('/en/questionnaires/new');
    const res = await isu.post('/en/questionnaires/new', { title: 'Coopération et assistance 2024', description: 'Pourquoi', sourceLocale: 'fr', committeeId: 'cooperation-assistance' });
    expect(res.status).toBe(303);
    const id = /questionnaires\/([0-9a-f-]{36})\/build\?done=created/.exec(res.location ?? '')![1]!;
    const [q] = await t.database.db.select().from(questionnaires).where(eq(questionnaires.id, id));
    expect(q).toMatchObject({ title: { fr: 'Coopération et assistance 2024' }, description: { fr: 'Pourquoi' }, sourceLocale: 'fr', committeeId: 'cooperation-assistance', circulatedAt: null });
    const versions = await versionRows(id);
    expect(versions.map((v) => [v.versionNo, v.frozenAt, v.content])).toEqual([[1, null, { sections: [] }]]);
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'questionnaires.questionnaire.created'), eq(auditEvents.entityId, id)));
    expect(event).toBeTruthy();
    const build = await isu.get(res.location!);
    expect(build.body).toContain('The questionnaire has been created');
    const list = await isu.get('/en/questionnaires');
    expect(list.body).toContain('Coopération et assistance 2024');
    expect(list.body).toContain('Draft');
  });
});

describe('building sections and questions', () => {
  it('adds a section, a yes/no question and a number question shown only on "yes", linked to an action', async () => {
    const { questionnaireId: qid } = await draft({ sections: [] });
    let page = await isu.get(base(qid));
    const res = await isu.post(`${base(qid)}/sections`, { _version: hidden(page.body, '_version'), title: 'Support received', intro: 'About 2023' });
    expect(res.status).toBe(303);
    expect((await latest(qid)).content.sections).toEqual([{ id: 's1', title: { en: 'Support received' }, intro: { en: 'About 2023' }, questions: [] }]);

    page = await isu.get(base(qid));
    const empty = await isu.post(`${base(qid)}/sections/s1/questions`, { _version: hidden(page.body, '_version'), type: 'yesno', label: '' });
    expect(empty.status).toBe(422);
    expect(empty.body).toContain('Enter the text of the question.');
    const added = await isu.post(`${base(qid)}/sections/s1/questions`, { _version: hidden(page.body, '_version'), type: 'yesno', label: 'Did you receive support?' });
    expect(added.status).toBe(303);
    expect(added.location).toBe(`${base(qid)}/sections/s1/questions/q1?done=question_added`);
    expect((await isu.get(added.location!)).body).toContain('The question has been added. Complete it here.');
    page = await isu.get(base(qid));
    await isu.post(`${base(qid)}/sections/s1/questions`, { _version: hidden(page.body, '_version'), type: 'number', label: 'How much?' });

    const saved = await saveQuestion(isu, qid, 's1', 'q2', { unit: 'USD', min: '0', max: '١٠٠٠٠٠٠', decimals: '2', required: 'on', condition: 'q1', conditionValues: ['q1=yes'], actions: ['OAP-42'] });
    expect(saved.status).toBe(303);
    const content = (await latest(qid)).content;
    expect(content.sections[0]!.questions[1]).toEqual({ id: 'q2', type: 'number', label: { en: 'How much?' }, required: true, unit: { en: 'USD' }, min: 0, max: 1_000_000, decimals: 2, showIf: { question: 'q1', in: ['yes'] }, actions: ['OAP-42'] });
    expect(contentProblems(content)).toEqual([]);
    const build = await isu.get(base(qid));
    expect(build.body).toContain('Shown only if “Did you receive support?” is answered: Yes');
    expect(build.body).toContain('/en/plans/actions/OAP-42');
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, qid));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['questionnaires.section.added', 'questionnaires.question.added', 'questionnaires.question.updated']));
  });

  it('refuses bad codes, duplicate codes, a condition on a later question, missing options, min above max and unknown actions — each on its field, nothing stored', async () => {
    const { questionnaireId: qid } = await draft();
    const before = await latest(qid);
    const cases: [string, string, Record<string, string | string[]>, string][] = [
      ['support', 'received', { code: '1st' }, 'Enter a code of letters, digits and underscores'],
      ['support', 'received', { code: 'amount' }, 'Two questions of this section have the same code.'],
      ['support', 'received', { condition: 'amount', conditionValues: ['amount=yes'] }, 'which is not an earlier question of this section'],
      ['support', 'kind', { 'options.0.value': 'Funds!' }, 'Enter a code of lower-case letters'],
      ['support', 'kind', { 'options.1.value': 'funds' }, 'Two answer options have the same code.'],
      ['support', 'amount', { min: '10', max: '5' }, 'The smallest number allowed is above the largest.'],
      ['support', 'amount', { min: 'ten' }, 'Enter a number.'],
      ['support', 'amount', { decimals: '9' }, 'Enter a whole number from 0 to 6.'],
      ['support', 'amount', { condition: 'received', conditionValues: [] }, 'Tick at least one answer of the chosen question.'],
      ['support', 'amount', { actions: ['OAP-999'] }, 'Choose actions from the list.'],
      ['support', 'challenges', { label: '' }, 'Enter the text of the question.'],
      ['support', 'challenges', { maxLength: '0' }, 'Enter a whole number from 1 to 20,000.'],
      ['gender', 'teams', { 'columns.1.code': 'name' }, 'Two columns of this table have the same code.'],
      ['gender', 'teams', { 'columns.0.type': 'people' }, 'Choose a type for this column.'],
      ['gender', 'teams', { 'columns.0.type': 'single', 'columns.0.options': 'Bad Code = x' }, 'Write one option per line as code = text'],
    ];
    for (const [sid, questionId, changes, message] of cases) {
      const res = await saveQuestion(isu, qid, sid, questionId, changes);
      expect(res.status, JSON.stringify(changes)).toBe(422);
      expect(res.body, JSON.stringify(changes)).toContain(message);
      expect(res.body).toContain('There is a problem');
    }
    // Typed values are kept on the page.
    const kept = await saveQuestion(isu, qid, 'support', 'amount', { label: 'Amount in 2023', min: '10', max: '5' });
    expect(kept.body).toContain('value="Amount in 2023"');
    expect((await latest(qid)).version).toBe(before.version);
    expect((await latest(qid)).content).toEqual(SAMPLE_CONTENT);
  });

  it('refuses to leave a choice question without options', async () => {
    const { questionnaireId: qid } = await draft();
    const url = `${base(qid)}/sections/support/questions/kind`;
    const page = await isu.get(url);
    const res = await isu.post(url, { _version: hidden(page.body, '_version'), _base: hidden(page.body, '_base'), _action: 'save', code: 'kind', label: 'Main kind of support' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('Add at least one answer option.');
  });

  it('adds and removes option and column rows without storing anything, then saves them', async () => {
    const { questionnaireId: qid } = await draft();
    const url = `${base(qid)}/sections/support/questions/kind`;
    const shown = await isu.get(url);
    // Enter in a text box presses the form's first submit button: it saves, it does not remove a row.
    const firstButton = /<button[^>]*type="submit"[^>]*>/.exec(shown.body.slice(shown.body.indexOf(`action="${url}"`)))![0];
    expect(firstButton).toContain('value="save"');
    const more = await saveQuestion(isu, qid, 'support', 'kind', { _action: 'add_option' });
    expect(more.status).toBe(200);
    expect(more.body).toContain('name="options.3.value" type="text" value="o1"');
    const fewer = await saveQuestion(isu, qid, 'support', 'kind', { _action: 'remove_option:0' });
    expect(fewer.body).not.toContain('value="funds"');
    expect((await latest(qid)).content).toEqual(SAMPLE_CONTENT);
    const saved = await saveQuestion(isu, qid, 'support', 'kind', { 'options.3.value': 'advice', 'options.3.label': 'Technical advice' });
    expect(saved.status).toBe(303);
    expect((await latest(qid)).content.sections[0]!.questions[2]!.options!.map((o) => o.value)).toEqual(['funds', 'equipment', 'training', 'advice']);
    const table = await saveQuestion(isu, qid, 'gender', 'teams', { _action: 'add_column' });
    expect(table.body).toContain('name="columns.2.code" type="text" value="c1"');
    const col = await saveQuestion(isu, qid, 'gender', 'teams', { 'columns.2.code': 'role', 'columns.2.type': 'single', 'columns.2.label': 'Role', 'columns.2.options': 'lead = Team leader\nmember = Member', maxRows: '20' });
    expect(col.status).toBe(303);
    const teams = (await latest(qid)).content.sections[1]!.questions[1]!;
    expect(teams.columns![2]).toEqual({ id: 'role', type: 'single', label: { en: 'Role' }, options: [{ value: 'lead', label: { en: 'Team leader' } }, { value: 'member', label: { en: 'Member' } }] });
    expect(teams.maxRows).toBe(20);
    expect(url).toBeTruthy();
  });

  it('renames a question and its options: conditions of later questions follow', async () => {
    const { questionnaireId: qid } = await draft();
    const res = await saveQuestion(isu, qid, 'support', 'received', { code: 'support_received' });
    expect(res.status).toBe(303);
    const qs = (await latest(qid)).content.sections[0]!.questions;
    expect(qs[1]!.showIf).toEqual({ question: 'support_received', in: ['yes'] });
    expect(qs[2]!.showIf).toEqual({ question: 'support_received', in: ['yes'] });
    // Translations of the label are kept when the English text is edited.
    expect(qs[0]!.label.fr).toBe(SAMPLE_CONTENT.sections[0]!.questions[0]!.label.fr);
  });

  it('moves questions and sections, refusing a move that puts a question before the one it depends on', async () => {
    const { questionnaireId: qid } = await draft();
    let page = await isu.get(base(qid));
    const bad = await isu.post(`${base(qid)}/sections/support/questions/amount/move`, { _version: hidden(page.body, '_version'), direction: 'up' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('not an earlier question of this section');
    const ok = await isu.post(`${base(qid)}/sections/support/questions/challenges/move`, { _version: hidden(page.body, '_version'), direction: 'up' });
    expect(ok.status).toBe(303);
    expect((await latest(qid)).content.sections[0]!.questions.map((q) => q.id)).toEqual(['received', 'amount', 'challenges', 'kind']);
    page = await isu.get(base(qid));
    await isu.post(`${base(qid)}/sections/gender/move`, { _version: hidden(page.body, '_version'), direction: 'up' });
    expect((await latest(qid)).content.sections.map((s) => s.id)).toEqual(['gender', 'support']);
    expect((await isu.post(`${base(qid)}/sections/gender/move`, { _version: hidden((await isu.get(base(qid))).body, '_version'), direction: 'sideways' })).status).toBe(400);
  });

  it('deletes a question after a confirmation that names the questions depending on it', async () => {
    const { questionnaireId: qid } = await draft();
    const confirm = await isu.get(`${base(qid)}/sections/support/questions/received/delete`);
    expect(confirm.status).toBe(200);
    expect(confirm.body).toContain('amount — Amount received');
    const res = await isu.post(`${base(qid)}/sections/support/questions/received/delete`, { _version: hidden(confirm.body, '_version') });
    expect(res.status).toBe(303);
    const qs = (await latest(qid)).content.sections[0]!.questions;
    expect(qs.map((q) => q.id)).toEqual(['amount', 'kind', 'challenges']);
    expect(qs.every((q) => !q.showIf)).toBe(true);
    const section = await isu.get(`${base(qid)}/sections/gender/delete`);
    expect(section.body).toContain('Its 2 questions are deleted with it');
    await isu.post(`${base(qid)}/sections/gender/delete`, { _version: hidden(section.body, '_version') });
    expect((await latest(qid)).content.sections.map((s) => s.id)).toEqual(['support']);
  });

  it('edits a section and refuses a code another section has', async () => {
    const { questionnaireId: qid } = await draft();
    const url = `${base(qid)}/sections/gender`;
    const page = await isu.get(url);
    const dup = await isu.post(url, { _version: hidden(page.body, '_version'), _base: hidden(page.body, '_base'), id: 'support', title: 'Gender', intro: '' });
    expect(dup.status).toBe(422);
    expect(dup.body).toContain('Two sections have the same code.');
    const bad = await isu.post(url, { _version: hidden(page.body, '_version'), _base: hidden(page.body, '_base'), id: 'Gender!', title: '' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('Enter the section title.');
    const ok = await isu.post(url, { _version: hidden(page.body, '_version'), _base: hidden(page.body, '_base'), id: 'gender_diversity', title: 'Gender and diversity in 2023', intro: 'Women, girls, boys and men' });
    expect(ok.status).toBe(303);
    const s = (await latest(qid)).content.sections[1]!;
    expect(s).toMatchObject({ id: 'gender_diversity', title: { en: 'Gender and diversity in 2023', fr: 'Genre et diversité' }, intro: { en: 'Women, girls, boys and men' } });
  });
});

describe('concurrent edits', () => {
  it('shows a conflict, keeping the submitted values, when someone saved the same question meanwhile', async () => {
    const { questionnaireId: qid } = await draft();
    const url = `${base(qid)}/sections/support/questions/amount`;
    const mine = await member.get(url);
    const staleVersion = hidden(mine.body, '_version');
    const staleBase = hidden(mine.body, '_base');
    expect((await saveQuestion(isu, qid, 'support', 'amount', { label: 'Amount received (theirs)' })).status).toBe(303);
    const res = await saveQuestion(member, qid, 'support', 'amount', { label: 'Amount received (mine)' }, { version: staleVersion, base: staleBase });
    expect(res.status).toBe(409);
    expect(res.body).toContain('Someone else saved meanwhile');
    expect(res.body).toContain('value="Amount received (mine)"');
    expect(res.body).toContain('Amount received (theirs)');
    expect((await latest(qid)).content.sections[0]!.questions[1]!.label.en).toBe('Amount received (theirs)');
    // Saving again, knowingly, from the conflict page replaces it.
    const again = await member.post(url, { _version: hidden(res.body, '_version'), _base: hidden(res.body, '_base'), _action: 'save', code: 'amount', label: 'Amount received (mine)', unit: 'USD', min: '0', condition: 'received', conditionValues: 'received=yes', required: 'on', actions: 'OAP-42' });
    expect(again.status).toBe(303);
    expect((await latest(qid)).content.sections[0]!.questions[1]!.label.en).toBe('Amount received (mine)');
  });

  it('applies an edit made on an older version when the other save changed another question', async () => {
    const { questionnaireId: qid } = await draft();
    const mine = await member.get(`${base(qid)}/sections/support/questions/challenges`);
    expect((await saveQuestion(isu, qid, 'support', 'amount', { label: 'Amount (theirs)' })).status).toBe(303);
    const res = await saveQuestion(member, qid, 'support', 'challenges', { label: 'Main difficulties' }, { version: hidden(mine.body, '_version'), base: hidden(mine.body, '_base') });
    expect(res.status).toBe(303);
    const qs = (await latest(qid)).content.sections[0]!.questions;
    expect(qs[1]!.label.en).toBe('Amount (theirs)');
    expect(qs[3]!.label.en).toBe('Main difficulties');
  });

  it('refuses a move made on an older version', async () => {
    const { questionnaireId: qid } = await draft();
    const page = await isu.get(base(qid));
    const stale = hidden(page.body, '_version');
    await saveQuestion(isu, qid, 'support', 'challenges', { label: 'Difficulties' });
    const res = await isu.post(`${base(qid)}/sections/gender/move`, { _version: stale, direction: 'up' });
    expect(res.status).toBe(409);
    expect(res.body).toContain('changed by someone else');
    expect((await latest(qid)).content.sections.map((s) => s.id)).toEqual(['support', 'gender']);
  });
});

describe('versions', () => {
  it('shows a circulated version read-only, refuses edits with a clear message, and starts the next version once', async () => {
    const fixture = await createQuestionnaire(t.database, { circulated: true });
    const qid = fixture.questionnaireId;
    const build = await isu.get(base(qid));
    expect(build.body).toContain('Version 1 has been circulated and is frozen');
    expect(build.body).toContain('Start version 2');
    expect(build.body).not.toContain('Add a section');
    const question = await isu.get(`${base(qid)}/sections/support/questions/amount`);
    expect(question.status).toBe(200);
    expect(question.body).not.toContain('name="_action" value="save"');
    const refused = await isu.post(`${base(qid)}/sections/support/questions/amount`, { _version: '1', _action: 'save', code: 'amount', label: 'Changed' });
    expect(refused.status).toBe(409);
    expect(refused.body).toContain('This version has been circulated and is frozen');
    expect((await isu.post(`/en/questionnaires/${qid}/translations/fr`, { _version: '1', _head: '1', _base: 'x', 't.title': 'Changé' })).status).toBe(409);

    const { invitation } = await createInvitation(t.database, t.config.secret, qid, {});
    await createResponse(t.database, fixture, invitation, { values: { support: { received: true } } });

    const [first, second] = await Promise.all([isu.post(`/en/questionnaires/${qid}/versions`), isu.post(`/en/questionnaires/${qid}/versions`)]);
    expect([first.status, second.status]).toEqual([303, 303]);
    expect([first.location, second.location].sort()).toEqual([`${base(qid)}?done=version_exists`, `${base(qid)}?done=version_started`].sort());
    const versions = await versionRows(qid);
    expect(versions.map((v) => [v.versionNo, v.frozenAt === null])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(versions[1]!.content).toEqual(versions[0]!.content);
    expect((await saveQuestion(isu, qid, 'support', 'amount', { label: 'Amount received in 2023' })).status).toBe(303);
    expect((await versionRows(qid))[0]!.content).toEqual(SAMPLE_CONTENT);
    const [response] = await t.database.db.select().from(questionnaireResponses).where(eq(questionnaireResponses.questionnaireId, qid));
    expect(response!.versionId).toBe(fixture.versionId);
    const overview = await isu.get(`/en/questionnaires/${qid}`);
    expect(overview.body).toContain('Frozen');
    expect(overview.body).toContain('0 responses submitted; 1 in progress');
  });

  it('lets nobody start a version of a closed questionnaire', async () => {
    const { questionnaireId: qid } = await createQuestionnaire(t.database, { circulated: true, closedAt: new Date() });
    expect((await isu.post(`/en/questionnaires/${qid}/versions`)).status).toBe(403);
    const page = await isu.get(base(qid));
    expect(page.body).not.toContain('Start version 2');
    expect(page.body).not.toContain('Add a section');
    expect(page.body).toContain('This questionnaire has been closed');
  });
});

describe('translations', () => {
  it('shows how far each language is written and saves one language on its page', async () => {
    const { questionnaireId: qid } = await draft();
    const overview = await isu.get(`/en/questionnaires/${qid}/translations`);
    expect(overview.status).toBe(200);
    const status = translationStatus(SAMPLE_CONTENT, { title: { en: 'Cooperation and assistance in 2022', fr: 'Coopération et assistance en 2022', ar: 'التعاون والمساعدة في عام 2022' } });
    const ar = status.find((s) => s.locale === 'ar')!;
    expect(overview.body).toContain(`${ar.done} of ${ar.total}`);
    expect(overview.body).toContain('Source language');
    expect(overview.body).toContain(`/en/questionnaires/${qid}/translations/zh`);

    const page = await isu.get(`/en/questionnaires/${qid}/translations/zh`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('lang="zh" dir="ltr"');
    expect(page.body).toContain('Missing');
    const arPage = await isu.get(`/en/questionnaires/${qid}/translations/ar`);
    expect(arPage.body).toContain('name="t.support.received.label" lang="ar" dir="rtl"');
    expect(arPage.body).toContain('<span lang="en" dir="ltr">Did your programme receive international support in 2022?</span>');

    const res = await isu.post(`/en/questionnaires/${qid}/translations/zh`, {
      _version: hidden(page.body, '_version'),
      _head: hidden(page.body, '_head'),
      _base: hidden(page.body, '_base'),
      't.title': '2022年的合作与援助',
      't.support.title': '收到的支持',
      't.support.received.label': '贵方案在2022年是否获得国际支持？',
      't.support.kind.options.funds': '资金',
    });
    expect(res.status).toBe(303);
    const content = (await latest(qid)).content;
    expect(content.sections[0]!.title.zh).toBe('收到的支持');
    expect(content.sections[0]!.questions[2]!.options![0]!.label.zh).toBe('资金');
    const [q] = await t.database.db.select().from(questionnaires).where(eq(questionnaires.id, qid));
    expect(q!.title.zh).toBe('2022年的合作与援助');
    expect(q!.title.en).toBe('Cooperation and assistance in 2022');
    expect((await isu.get(`/en/questionnaires/${qid}/translations`)).body).toContain('4 of');
    // The source language is written on the build pages.
    expect((await isu.get(`/en/questionnaires/${qid}/translations/en`)).status).toBe(404);
  });

  it('keeps typed translations on a conflict with another translator of the same language', async () => {
    const { questionnaireId: qid } = await draft();
    const page = await isu.get(`/en/questionnaires/${qid}/translations/es`);
    const form = { _version: hidden(page.body, '_version'), _head: hidden(page.body, '_head'), _base: hidden(page.body, '_base') };
    expect((await member.post(`/en/questionnaires/${qid}/translations/es`, { ...(await (async () => { const p = await member.get(`/en/questionnaires/${qid}/translations/es`); return { _version: hidden(p.body, '_version'), _head: hidden(p.body, '_head'), _base: hidden(p.body, '_base') }; })()), 't.support.title': 'Apoyo recibido' })).status).toBe(303);
    const res = await isu.post(`/en/questionnaires/${qid}/translations/es`, { ...form, 't.gender.title': 'Género y diversidad' });
    expect(res.status).toBe(409);
    expect(res.body).toContain('Someone else saved meanwhile');
    expect(res.body).toContain('Género y diversidad');
    expect(res.body).toContain('Apoyo recibido');
  });
});

describe('preview as a respondent', () => {
  it('renders the latest version in a chosen language, falling back to the source language, with conditional questions wired', async () => {
    const { questionnaireId: qid } = await draft();
    const ar = await isu.get(`/en/questionnaires/${qid}/preview?lang=ar`);
    expect(ar.status).toBe(200);
    expect(ar.body).toContain('<div lang="ar" dir="rtl"');
    expect(ar.body).toContain('هل تلقى برنامجكم دعمًا دوليًا في عام 2022؟');
    expect(ar.body).toContain('data-module="show-if"');
    expect(ar.body).toContain('data-show-if-name="s.support.received" data-show-if-values="yes"');
    const zh = await isu.get(`/en/questionnaires/${qid}/preview?lang=zh`);
    expect(zh.body).toContain('Did your programme receive international support in 2022?');
    for (const l of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) expect(ar.body).toContain(`preview?lang=${l}`);
  });

  it('checks answers and shows what would be stored, storing nothing', async () => {
    const { questionnaireId: qid } = await draft();
    await isu.get(`/en/questionnaires/${qid}/preview?lang=en`);
    const res = await isu.post(`/en/questionnaires/${qid}/preview?lang=en`, { 's.support.received': 'yes', 's.support.amount': '', 's.gender.integrated': 'no', _action: 'check' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('What would be stored');
    expect(res.body).toMatch(/href="#f-s-support-amount"/);
    const ok = await isu.post(`/en/questionnaires/${qid}/preview?lang=en`, { 's.support.received': 'no', 's.support.amount': '1,500', _action: 'check' });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('These answers would be accepted on submission.');
    expect(ok.body).toContain('support.amount');
    const rows = await t.database.db.select().from(questionnaireResponses).where(eq(questionnaireResponses.questionnaireId, qid));
    expect(rows).toEqual([]);
    const added = await isu.post(`/en/questionnaires/${qid}/preview?lang=en`, { _action: 'add:gender.teams' });
    expect(added.status).toBe(200);
    expect(added.body).toContain('name="s.gender.teams.0._id"');
  });
});

describe('hostile input', () => {
  it('answers malformed posts with 400 or 422, never 500, storing nothing', async () => {
    const { questionnaireId: qid } = await draft();
    await isu.get(base(qid));
    expect((await isu.post(`${base(qid)}/sections`, { _version: 'abc', title: 'X' })).status).toBe(400);
    expect((await isu.post(`${base(qid)}/sections/support/questions/amount/move`, { _version: '1' })).status).toBe(400);
    expect((await isu.post(`${base(qid)}/sections/support/questions`, { _version: '1', type: 'people', label: 'X' })).status).toBe(422);
    const long = 'x'.repeat(10_000);
    const q = await saveQuestion(isu, qid, 'support', 'kind', { code: ['a', 'b'], 'options.0.value': long, 'options.0.label': long, 'options.7.value': 'z' });
    expect(q.status).toBe(422);
    const page = await isu.get(`/en/questionnaires/${qid}/translations/ru`);
    const tr = await isu.post(`/en/questionnaires/${qid}/translations/ru`, { _version: hidden(page.body, '_version'), _head: hidden(page.body, '_head'), _base: hidden(page.body, '_base'), 't.title': 'й'.repeat(5000), 't.nowhere.label': 'ignored' });
    expect(tr.status).toBe(422);
    expect(tr.body).toContain('This text is too long.');
    await isu.get('/en/questionnaires/new');
    expect((await isu.post('/en/questionnaires/new', { title: 'X', sourceLocale: 'en', committeeId: 'no-such-committee' })).status).toBe(422);
    expect((await isu.post(`/en/questionnaires/${qid}/preview?lang=en`, { 's.support.received': ['yes', 'no'], 's.gender.teams.9999.name': long, _action: 'remove:gender.teams:../../x' })).status).toBeLessThan(500);
    expect((await latest(qid)).content).toEqual(SAMPLE_CONTENT);
  });
});

describe('page weight', () => {
  it('keeps the heaviest builder pages small for slow connections', async () => {
    const { questionnaireId: qid } = await draft();
    for (const url of [base(qid), `${base(qid)}/sections/support/questions/amount`, `/en/questionnaires/${qid}/translations/ar`, `/en/questionnaires/${qid}/preview?lang=ar`]) {
      const res = await isu.get(url);
      expect(gzipSync(res.body).length, url).toBeLessThan(30_000);
    }
  });
});

describe('every question type', () => {
  it('renders on the build, question and preview pages and saves unchanged', async () => {
    const all: QuestionnaireContent = {
      sections: [
        {
          id: 'all',
          title: { en: 'All types' },
          questions: [
            { id: 'single', type: 'single', label: { en: 'Single' }, options: [{ value: 'a', label: { en: 'A' } }] },
            { id: 'multiple', type: 'multiple', label: { en: 'Multiple' }, options: [{ value: 'a', label: { en: 'A' } }, { value: 'b', label: { en: 'B' } }] },
            { id: 'yesno', type: 'yesno', label: { en: 'Yes or no' } },
            { id: 'short', type: 'short_text', label: { en: 'Short' }, maxLength: 100 },
            { id: 'long', type: 'long_text', label: { en: 'Long' }, help: { en: 'Say more' } },
            { id: 'number', type: 'number', label: { en: 'Number' }, decimals: 1, showIf: { question: 'multiple', in: ['b'] } },
            { id: 'date', type: 'date', label: { en: 'Date' } },
            { id: 'table', type: 'table', label: { en: 'Table' }, columns: [{ id: 'kind', type: 'single', label: { en: 'Kind' }, options: [{ value: 'x', label: { en: 'X' } }] }, { id: 'when', type: 'date', label: { en: 'When' } }] },
            { id: 'file', type: 'file', label: { en: 'File' } },
          ],
        },
      ],
    };
    const { questionnaireId: qid } = await draft(all);
    expect((await isu.get(base(qid))).status).toBe(200);
    for (const q of all.sections[0]!.questions) {
      const res = await saveQuestion(isu, qid, 'all', q.id, {});
      expect(res.status, q.id).toBe(303);
    }
    expect((await latest(qid)).content).toEqual(all);
    for (const l of ['en', 'ar', 'ru']) expect((await isu.get(`/${l}/questionnaires/${qid}/preview?lang=${l}`)).status).toBe(200);
    const checked = await isu.post(`/en/questionnaires/${qid}/preview?lang=en`, { 's.all.multiple': ['b'], 's.all.number': '2.5', 's.all.date': '2024-02-30', _action: 'check' });
    expect(checked.status).toBe(422);
    expect(checked.body).toContain('What would be stored');
  });
});

describe('copies and links to actions', () => {
  it('copies the latest content as a new draft questionnaire', async () => {
    const { questionnaireId: qid } = await createQuestionnaire(t.database, { circulated: true });
    await isu.get(`/en/questionnaires/${qid}`);
    expect((await isu.post(`/en/questionnaires/${qid}/copy`, { title: ' ' })).status).toBe(422);
    const res = await isu.post(`/en/questionnaires/${qid}/copy`, { title: 'Cooperation and assistance in 2024' });
    expect(res.status).toBe(303);
    const copyId = /questionnaires\/([0-9a-f-]{36})\?done=copied/.exec(res.location ?? '')![1]!;
    const [copy] = await t.database.db.select().from(questionnaires).where(eq(questionnaires.id, copyId));
    expect(copy).toMatchObject({ title: { en: 'Cooperation and assistance in 2024' }, circulatedAt: null, committeeId: 'cooperation-assistance' });
    const versions = await versionRows(copyId);
    expect(versions.map((v) => [v.versionNo, v.frozenAt, v.content])).toEqual([[1, null, SAMPLE_CONTENT]]);
  });

  it("lists linked questions on the action's page for those who may see the questionnaire", async () => {
    const { questionnaireId: qid } = await draft();
    const page = await isu.get('/en/plans/oslo-2019/actions/OAP-42');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`/en/questionnaires/${qid}/build/sections/support/questions/amount`);
    expect(page.body).toContain('support.amount');
    expect((await otherMember.get('/en/plans/oslo-2019/actions/OAP-42')).body).not.toContain(qid);
    expect((await new Agent(t.app).get('/en/plans/oslo-2019/actions/OAP-42')).body).not.toContain(qid);
  });
});
