import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { seedStates } from '../../../src/areas/states/index.ts';
import { REFERENCE_ARTICLE5_DEADLINES } from '../../../src/areas/states/reference-data.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function counts() {
  const [row] = await t.database.query<{ states: number; deadlines: number; memberships: number; committees: number }>(
    `select (select count(*)::int from states) as states,
            (select count(*)::int from article5_deadlines) as deadlines,
            (select count(*)::int from committee_memberships) as memberships,
            (select count(*)::int from committees) as committees`,
  );
  return row!;
}

describe('seeding the reference data', () => {
  it('has seeded every State, deadline, committee and membership once', async () => {
    expect(await counts()).toEqual({ states: 166, deadlines: REFERENCE_ARTICLE5_DEADLINES.length, memberships: 4, committees: 4 });
    expect(REFERENCE_ARTICLE5_DEADLINES).toHaveLength(36);
    const [eif] = await t.database.query<{ eif: string }>("select to_char(eif_date, 'YYYY-MM-DD') as eif from states where iso2 = 'LK'");
    expect(eif!.eif).toBe('2018-06-01');
  });

  it('inserts only what is missing, so edits made in the platform survive a restart', async () => {
    await t.database.exec("update states set note = 'Edited by the ISU', version = version + 1 where iso2 = 'EE'");
    await t.database.exec("insert into article5_deadlines (state_iso2, deadline, status) values ('SN', '2031-03-01', 'requested')");
    await t.database.exec("delete from committee_memberships where state_iso2 = 'JP'");
    const before = await counts();
    await seedStates(t.database.db);
    await seedStates(t.database.db);
    const after = await counts();
    expect(after).toEqual({ ...before, memberships: before.memberships + 1 });
    const [ee] = await t.database.query<{ note: string }>("select note from states where iso2 = 'EE'");
    expect(ee!.note).toBe('Edited by the ISU');
    const sn = await t.database.query<{ deadline: string }>("select to_char(deadline, 'YYYY-MM-DD') as deadline from article5_deadlines where state_iso2 = 'SN'");
    expect(sn.map((r) => r.deadline).sort()).toEqual(['2026-03-01', '2031-03-01']);
  });
});
