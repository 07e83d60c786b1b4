/**
 * The demo questionnaires seed (demo mode): idempotent, everything flagged demo, and the results
 * pages show the demo answers — nine States in five languages, one still in progress, Colombia's
 * late change counted with its new amount and kept in the history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { seedStates } from '../../../src/areas/states/index.ts';
import { seedDemoUsers } from '../../../src/areas/accounts/demo-users.ts';
import { seedDemoQuestionnaires, DEMO_CA_SURVEY_ID, DEMO_PLATFORMS_ID } from '../../../src/areas/questionnaires/demo/index.ts';
import { questionnaires, questionnaireInvitations, questionnaireResponses, questionnaireResponseEvents } from '../../../src/areas/questionnaires/schema.ts';
import { users } from '../../../src/areas/accounts/schema.ts';
import { isOpen } from '../../../src/areas/questionnaires/policy.ts';
import { auditEvents } from '../../../src/platform/audit/schema.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedStates(t.database.db);
  await seedDemoUsers(t.database.db);
});

afterAll(async () => {
  await t?.close();
});

describe('demo questionnaires', () => {
  it('seeds once: a closed 2023 survey with answers and an open follow-up, all flagged demo', async () => {
    expect(await seedDemoQuestionnaires(t.database)).toEqual({ created: 2 });
    expect(await seedDemoQuestionnaires(t.database)).toEqual({ created: 0 });
    const qs = await t.database.db.select().from(questionnaires);
    expect(qs.map((q) => q.id).sort()).toEqual([DEMO_CA_SURVEY_ID, DEMO_PLATFORMS_ID].sort());
    expect(qs.every((q) => q.isDemo && q.committeeId === 'cooperation-assistance')).toBe(true);
    const survey = qs.find((q) => q.id === DEMO_CA_SURVEY_ID)!;
    expect(survey.circulatedAt?.toISOString().slice(0, 10)).toBe('2023-05-01');
    expect(isOpen(survey)).toBe(false);
    expect(isOpen(qs.find((q) => q.id === DEMO_PLATFORMS_ID)!)).toBe(true);

    const responses = await t.database.db.select().from(questionnaireResponses).where(eq(questionnaireResponses.questionnaireId, DEMO_CA_SURVEY_ID));
    const submitted = responses.filter((r) => r.status === 'submitted');
    expect(new Set(submitted.map((r) => r.stateIso2)).size).toBe(9);
    expect(new Set(submitted.map((r) => r.locale))).toEqual(new Set(['fr', 'ar', 'en', 'es', 'ru']));
    expect(responses.filter((r) => r.status === 'in_progress')).toHaveLength(1);
    expect(responses.every((r) => r.isDemo)).toBe(true);
    const co = responses.find((r) => r.stateIso2 === 'CO')!;
    const history = await t.database.db.select().from(questionnaireResponseEvents).where(eq(questionnaireResponseEvents.responseId, co.id));
    expect(history.map((h) => h.kind).sort()).toEqual(['changed', 'submitted']);

    // The open questionnaire names the demo preparers' accounts, so they can answer after signing in.
    const [preparer] = await t.database.db.select().from(users).where(eq(users.email, 'preparer.sn@demo.example.org'));
    const invitations = await t.database.db.select().from(questionnaireInvitations).where(eq(questionnaireInvitations.questionnaireId, DEMO_PLATFORMS_ID));
    expect(invitations.find((i) => i.stateIso2 === 'SN')?.userId).toBe(preparer!.id);
    expect(invitations.every((i) => i.email.endsWith('@demo.example.org'))).toBe(true);

    const audits = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'questionnaires.questionnaire.seeded'));
    expect(audits).toHaveLength(2);
  });

  it('shows the demo results: rates, Colombia’s corrected amount, tags and answers in five languages', async () => {
    await createUser(t.database, { role: 'committee_member', committeeId: 'cooperation-assistance', email: 'ca.demo@test.example.org' });
    const a = new Agent(t.app);
    await a.signIn('ca.demo@test.example.org');
    const base = `/en/questionnaires/${DEMO_CA_SURVEY_ID}/results`;
    const res = await a.get(base);
    expect(res.status).toBe(200);
    expect(res.body).toContain('Demo data');
    expect(res.body).toContain('Counting 9 submitted responses.');
    // Slow connections: the page (HTML) stays well inside the 60 KB budget once compressed.
    const size = gzipSync(res.body).length;
    expect(size).toBeLessThan(40_000);
    // Amounts: 2.4 + 18.5 + 35 + 12 (Colombia after its change) + 4.8 + 7.2 + 42 + 55 + 16 million.
    expect(res.body.replace(/<[^>]+>/g, ' ')).toContain('192,900,000 USD');
    const answers = await a.get(`${base}/answers`);
    for (const lang of ['fr', 'ar', 'en', 'es', 'ru']) expect(answers.body, lang).toContain(`lang="${lang}" dir="auto"`);
    expect(answers.body).toContain('short-term funding');
    expect((await a.get(`${base}/answers?tag=good%20practice`)).body).toContain('2 answers found');
    const co = await a.get(`${base}/states/co`);
    expect(co.status).toBe(200);
    expect(co.body).toContain('12,000,000 USD');
  });
});
