/**
 * Seeding the action plans: reference data, at every start (also outside demo mode), idempotent,
 * inserting only what is missing and never overwriting what the ISU changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { seedActionPlans } from '../../../src/areas/plans/index.ts';
import { seedAll } from '../../../src/seed.ts';
import { updateAction } from '../../../src/areas/plans/plans-commands.ts';
import { OSLO_ACTION_PLAN, REFERENCE_PLANS, SIEM_REAP_ANGKOR_ACTION_PLAN } from '../../../src/areas/plans/reference-data.ts';
import { TEXT_LOCALES } from '../../../src/areas/plans/plans.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function counts() {
  const [c] = await t.database.query<{ plans: number; sections: number; actions: number; indicators: number }>(
    'select (select count(*)::int from action_plans) as plans, (select count(*)::int from action_plan_sections) as sections, (select count(*)::int from plan_actions) as actions, (select count(*)::int from plan_action_indicators) as indicators',
  );
  return c!;
}

describe('the reference content', () => {
  it('has 50 Oslo actions numbered 1 to 50, in the confirmed ranges, every one flagged to verify', () => {
    const oslo = OSLO_ACTION_PLAN.sections.flatMap((s) => s.actions.map((a) => ({ ...a, section: s.number })));
    expect(oslo.map((a) => a.number)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const range = (section: string) => oslo.filter((a) => a.section === section).map((a) => a.number);
    expect(range('VII')).toEqual([33, 34, 35, 36, 37, 38, 39, 40, 41]);
    expect(range('VIII')).toEqual([42, 43, 44, 45, 46, 47]);
    expect(range('IX')).toEqual([48, 49, 50]);
    expect([...range('V'), ...range('VI')]).toEqual(Array.from({ length: 15 }, (_, i) => i + 18));
    expect(oslo.every((a) => a.themes.includes('to-verify'))).toBe(true);
    expect(oslo.filter((a) => a.themes.includes('gender')).map((a) => a.number)).toEqual(expect.arrayContaining([3, 4, 45, 47]));
  });

  it('seeds only the Siem Reap–Angkor victim-assistance actions whose numbers are known, as placeholders', () => {
    const actions = SIEM_REAP_ANGKOR_ACTION_PLAN.sections.flatMap((s) => s.actions);
    expect(actions.map((a) => a.number)).toEqual([30, 31, 32, 33, 34, 35, 36, 37, 38, 39]);
    expect(actions.every((a) => a.themes.includes('to-complete') && a.indicators.length === 0)).toBe(true);
  });

  it('writes every text in the six languages, and no two different texts of a plan alike in English', () => {
    for (const plan of REFERENCE_PLANS) {
      const all = [plan.title, plan.adoptedAt, ...plan.sections.map((s) => s.title), ...plan.sections.flatMap((s) => s.actions.flatMap((a) => [a.title, ...(a.summary ? [a.summary] : []), ...a.indicators.map((i) => i.title)]))];
      for (const text of all) for (const l of TEXT_LOCALES) expect(text[l].trim().length, `${plan.id} ${text.en} (${l})`).toBeGreaterThan(1);
    }
    const osloTitles = OSLO_ACTION_PLAN.sections.flatMap((s) => s.actions.map((a) => a.title.en));
    expect(new Set(osloTitles).size).toBe(50);
  });
});

describe('seeding', () => {
  it('is part of every start, demo or not (the test database was seeded without demo data)', async () => {
    expect(await counts()).toEqual({ plans: 2, sections: 16, actions: 60, indicators: 56 });
  });

  it('is idempotent', async () => {
    await seedActionPlans(t.database.db);
    await seedAll(t.database, { demo: false });
    expect(await counts()).toEqual({ plans: 2, sections: 16, actions: 60, indicators: 56 });
  });

  it('keeps what the ISU changed and adds back only what is missing', async () => {
    const [before] = await t.database.query<{ version: number; section_id: string }>("select version, section_id from plan_actions where id = 'OAP-42'");
    const actor = { userId: null, label: 'test' };
    const edited = { ar: 'عنوان عدّلته الوحدة', zh: '执行支助股修改的标题', en: 'Title corrected by the ISU', fr: 'Titre corrigé', ru: 'Исправленное название', es: 'Título corregido' };
    await updateAction(t.database, actor, 'oslo-2019', 'OAP-42', before!.version, { sectionId: before!.section_id, title: edited, summary: null, themes: ['cooperation'] });
    await t.database.query("update action_plans set title = jsonb_set(title, '{en}', '\"Renamed plan\"'), version = version + 1 where id = 'oslo-2019'");
    await t.database.query("update action_plan_sections set number = 'VIII-bis' where id = 'oslo-2019.VIII'");
    // Something missing: an indicator removed behind the platform's back.
    await t.database.query("delete from plan_action_indicators where id = 'OAP-43.2'");
    await seedActionPlans(t.database.db);
    const [a] = await t.database.query<{ title: Record<string, string>; summary: unknown; themes: string[]; version: number }>("select title, summary, themes, version from plan_actions where id = 'OAP-42'");
    expect(a!.title).toEqual(edited);
    expect(a!.summary).toBeNull();
    expect(a!.themes).toEqual(['cooperation']);
    expect(a!.version).toBe(before!.version + 1);
    const [p] = await t.database.query<{ en: string }>("select title->>'en' as en from action_plans where id = 'oslo-2019'");
    expect(p!.en).toBe('Renamed plan');
    // The renumbered section keeps its number; no second "VIII" appears.
    const sections = await t.database.query<{ id: string; number: string }>("select id, number from action_plan_sections where plan_id = 'oslo-2019' and number like 'VIII%'");
    expect(sections).toEqual([{ id: 'oslo-2019.VIII', number: 'VIII-bis' }]);
    const [ind] = await t.database.query<{ n: number }>("select count(*)::int as n from plan_action_indicators where id = 'OAP-43.2'");
    expect(ind!.n).toBe(1);
    expect(await counts()).toEqual({ plans: 2, sections: 16, actions: 60, indicators: 56 });
  });

  it("brings back a section removed behind the platform’s back, with its actions", async () => {
    // A section deleted behind the platform's back (with its actions): seeding brings both back.
    await t.database.query("delete from action_plan_sections where id = 'siem-reap-angkor-2024.6'");
    expect((await counts()).actions).toBe(50);
    await seedActionPlans(t.database.db);
    expect(await counts()).toEqual({ plans: 2, sections: 16, actions: 60, indicators: 56 });
  });
});
