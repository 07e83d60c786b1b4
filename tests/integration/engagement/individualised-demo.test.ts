/**
 * The individualised approach's demo data: Senegal's record prefilled from its demo Article 7 report
 * as it stood before the meeting of 21 June 2023, linked to the meetings part's demo meeting of that
 * day, with its final report published in English, French and Spanish on Senegal's public page;
 * Somalia's and Tajikistan's interest for the 21MSP. Idempotent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { seedDemoReports } from '../../../src/areas/reporting/index.ts';
import { seedDemoMeetings } from '../../../src/areas/engagement/meetings/index.ts';
import { seedDemoIndividualisedApproach } from '../../../src/areas/engagement/individualised/index.ts';
import { individualisedApproaches } from '../../../src/areas/engagement/schema.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoReports(t.database);
  await seedDemoMeetings(t.database);
  await seedDemoIndividualisedApproach(t.database);
  await seedDemoIndividualisedApproach(t.database);
}, 240_000);
afterAll(async () => t?.close());

describe('demo individualised approach', () => {
  it('seeds Senegal (published), Somalia (interest) and Tajikistan (preparation) once, flagged demo', async () => {
    const rows = await t.database.db.select().from(individualisedApproaches);
    expect(rows.map((r) => [r.stateIso2, r.status, r.isDemo]).sort()).toEqual([
      ['SN', 'published', true],
      ['SO', 'interest', true],
      ['TJ', 'preparation', true],
    ]);
    const sn = rows.find((r) => r.stateIso2 === 'SN')!;
    expect(sn.meetingId).not.toBeNull();
    expect(sn.profile.source).toMatchObject({ year: 2022, versionNo: 1 });
    expect(sn.profile.figures!.sha_count).toBeGreaterThan(0);
    expect(sn.profile.sections.needs).toContain('millions');
    expect(Object.keys(sn.finalReport).sort()).toEqual(['en', 'es', 'fr']);
    const tj = rows.find((r) => r.stateIso2 === 'TJ')!;
    expect(tj.profile.source?.year).toBeLessThanOrEqual(2022);
  });

  it('shows Senegal’s final report on its public page, reached from the State page', async () => {
    const [sn] = await t.database.db.select().from(individualisedApproaches).where(eq(individualisedApproaches.stateIso2, 'SN'));
    const visitor = new Agent(t.app);
    const state = await visitor.get('/fr/states/sn');
    expect(state.body).toContain(`/fr/states/sn/individualised-approach/${sn!.id}`);
    const fr = await visitor.get(`/fr/states/sn/individualised-approach/${sn!.id}`);
    expect(fr.status).toBe(200);
    expect(fr.body).toContain('Le 21 juin 2023');
    const ar = await visitor.get(`/ar/states/sn/individualised-approach/${sn!.id}`);
    expect(ar.body).toContain('On 21 June 2023');
  });

  it('lets the committee follow the records, and shows the meeting’s commitments', async () => {
    const u = await createUser(t.database, { role: 'committee_member', committeeId: 'cooperation-assistance' });
    const a = new Agent(t.app);
    await a.signIn(u.email);
    const list = await a.get('/en/individualised-approach');
    for (const name of ['Senegal', 'Somalia', 'Tajikistan']) expect(list.body).toContain(name);
    const [sn] = await t.database.db.select().from(individualisedApproaches).where(eq(individualisedApproaches.stateIso2, 'SN'));
    const page = await a.get(`/en/individualised-approach/${sn!.id}`);
    expect(page.body).toContain('Update the resource mobilisation plan');
    expect(page.body).toContain('Figures taken from the Article 7 report for 2022, version 1');
  });
});
