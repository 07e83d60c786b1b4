/**
 * The committee's search across the reports' narratives, through the real app: matching in the
 * six languages (Arabic letter forms and diacritics, French accents, Russian and Spanish endings,
 * Chinese words), filters, safe highlighting of hostile text, a new version replacing the old
 * rows, the poller indexing new versions, who may search, and hostile queries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { JobRunner } from '../../../src/platform/jobs/runner.ts';
import { searchDocuments } from '../../../src/areas/analysis/schema.ts';
import { scheduleAnalysisTasks } from '../../../src/areas/analysis/index.ts';
import { indexReport, reindexAllSearchDocuments } from '../../../src/areas/analysis/search/index.ts';
import { isShownOnPage } from '../../../src/areas/analysis/search/search-commands.ts';
import { CURRENT_FORMAT } from '../../../src/areas/reporting/index.ts';
import { searchDocumentsPage } from '../../../src/areas/analysis/search/search-repository.ts';
import { checkQuery } from '../../../src/areas/analysis/search/text.ts';
import { acknowledgeReport, createReport, markFormNotApplicable, publishReport, saveForm, submitReport } from '../../../src/areas/reporting/reports-commands.ts';
import * as reportsRepo from '../../../src/areas/reporting/reports-repository.ts';
import { agentFor, correctedReport, person, sampleFormJ, type Person } from './indicators-support.ts';

let t: TestApp;
const teams: Record<string, { preparer: Person; approver: Person }> = {};
let isu: Person;
let committee: Person;
const ids: Record<string, string> = {};

/** Submits a State's annual report in a language with the given narratives in Form J. */
async function submitWith(iso2: string, o: { year: number; language: string; cooperation?: string; gender?: string; visibility?: 'public' | 'restricted'; publish?: boolean }): Promise<string> {
  const who = teams[iso2]!;
  const base = sampleFormJ(o.year);
  const formJ = { ...base, victims: { ...base.victims, narrative: null }, cooperation: { ...base.cooperation, resourcePlanSummary: null, needs: null, narrative: o.cooperation ?? null }, gender: { integrated: null, narrative: o.gender ?? null } };
  const report = await createReport(t.deps, who.preparer.actor, who.preparer.principal, { stateIso2: iso2, kind: 'annual', year: o.year, startFromPrevious: false });
  for (const f of await reportsRepo.listForms(t.database.db, report.id)) {
    if (f.formId === 'cover' || f.formId === 'J') {
      const body = f.formId === 'cover' ? { contacts: { people: [{ organisation: 'Authority (test)', name: 'Focal point' }] }, general: { language: o.language, remarks: null } } : formJ;
      const saved = await saveForm(t.deps, who.preparer.actor, who.preparer.principal, { reportId: report.id, formId: f.formId, expectedVersion: f.version, body, json: true, completed: true });
      if (saved.kind !== 'saved') throw new Error(`form ${f.formId} not saved`);
    } else {
      await markFormNotApplicable(t.deps, who.preparer.actor, who.preparer.principal, { reportId: report.id, formId: f.formId, expectedVersion: f.version });
    }
  }
  const ready = (await reportsRepo.findReport(t.database.db, report.id))!;
  const submitted = await submitReport(t.deps, who.approver.actor, who.approver.principal, { reportId: report.id, expectedVersion: ready.version, visibility: o.visibility ?? 'public', declaration: true, explanations: {} });
  if (o.publish) {
    const ack = await acknowledgeReport(t.deps, isu.actor, isu.principal, report.id, submitted.version);
    await publishReport(t.deps, isu.actor, isu.principal, report.id, ack.version);
  }
  return report.id;
}

async function search(query: string, extra: Partial<Parameters<typeof searchDocumentsPage>[1]> = {}) {
  const c = checkQuery(query);
  if (!c.ok) throw new Error(`query refused: ${c.reason}`);
  return searchDocumentsPage(t.database.db, { query: c.query, limit: 20, offset: 0, ...extra });
}

beforeAll(async () => {
  t = await createTestApp();
  for (const iso2 of ['IQ', 'SN', 'TJ', 'CO', 'KH', 'NO']) {
    const [preparer, approver] = await Promise.all([person(t, { role: 'state_preparer', stateIso2: iso2 }), person(t, { role: 'state_approver', stateIso2: iso2 })]);
    teams[iso2] = { preparer, approver };
  }
  isu = await person(t, { role: 'isu_staff' });
  committee = await person(t, { role: 'committee_member', committeeId: 'cooperation-assistance' });
  ids.ar = await submitWith('IQ', { year: 2023, language: 'ar', publish: true, cooperation: 'قدمت الدولة المساعدةَ الدوليةَ للنساء والفتيات المتضررات، وتعمل المنصة الوطنية مع الشركاء.', gender: 'تُراعى احتياجات النساء في فرق المسح.' });
  ids.fr = await submitWith('SN', { year: 2023, language: 'fr', cooperation: 'La coopération régionale avec les pays voisins a été renforcée en 2023.', gender: 'Les équipes de déminage comptent des femmes.' });
  ids.ru = await submitWith('TJ', { year: 2023, language: 'ru', cooperation: 'Государство оказало помощь пострадавшим от мин в отдалённых районах.' });
  ids.es = await submitWith('CO', { year: 2023, language: 'es', publish: true, cooperation: 'Las minas antipersonal fueron destruidas con apoyo de la cooperación internacional.', gender: 'Se consultó por separado a mujeres y hombres.' });
  ids.zh = await submitWith('KH', { year: 2023, language: 'zh', cooperation: '我们提供了排雷援助和受害者援助。' });
  ids.en2022 = await submitWith('NO', { year: 2022, language: 'en', publish: true, cooperation: 'Norway funded mine clearance in several countries.', gender: 'Gender and diversity are mainstreamed in every mine clearance programme.' });
  ids.en2023 = await submitWith('NO', { year: 2023, language: 'en', publish: true, cooperation: 'Norway funded mine clearance and victim assistance. <script>alert("x")</script> <b>bold</b> & "quotes" \u202eevil', visibility: 'restricted' });
  const r = await reindexAllSearchDocuments(t.database, { userId: isu.id, label: isu.email });
  expect(r.reports).toBe(7);
}, 180_000);
afterAll(async () => t.close());

describe('matching in the six languages', () => {
  it('finds Arabic text whatever the letter forms, diacritics and attached article', async () => {
    for (const q of ['مساعده', 'المُساعَدة', 'مساعدة', 'النساء', 'منصه']) {
      const { rows } = await search(q);
      expect(rows.map((r) => r.reportId), q).toContain(ids.ar);
    }
  });

  it('folds French accents and stems', async () => {
    for (const q of ['cooperation regionale', 'Coopérations', 'femme']) expect((await search(q)).rows.map((r) => r.reportId), q).toContain(ids.fr);
  });

  it('stems Russian and Spanish words', async () => {
    expect((await search('помощь пострадавшие')).rows.map((r) => r.reportId)).toContain(ids.ru);
    expect((await search('mina destruida')).rows.map((r) => r.reportId)).toContain(ids.es);
    expect((await search('consultar hombres')).rows.map((r) => r.reportId)).toContain(ids.es);
  });

  it('finds Chinese words in text without spaces', async () => {
    expect((await search('受害者')).rows.map((r) => r.reportId)).toContain(ids.zh);
    expect((await search('排雷援助')).rows.map((r) => r.reportId)).toContain(ids.zh);
    expect((await search('排雷 -受害者')).rows.map((r) => r.reportId)).not.toContain(ids.zh);
  });

  it('ranks and counts, and honours phrases and exclusions', async () => {
    const all = await search('mine clearance');
    expect(all.total).toBe(3);
    expect((await search('"victim assistance"')).rows.map((r) => r.reportId)).toEqual([ids.en2023]);
    expect((await search('clearance -victim')).rows.every((r) => r.reportId !== ids.en2023)).toBe(true);
  });
});

describe('the search page', () => {
  it('shows results with State, year, field and the matches marked, escaping the report text', async () => {
    const a = await agentFor(t, committee);
    const res = await a.get('/en/analysis/search?q=victim+assistance');
    expect(res.status).toBe(200);
    expect(res.body).toContain('1 passage found');
    expect(res.body).toContain('<mark>victim</mark> <mark>assistance</mark>');
    expect(res.body).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script> &lt;b>bold&lt;/b> &amp;');
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).not.toContain('<b>bold');
    expect(res.body).toMatch(new RegExp(`href="/en/reports/${ids.en2023}\\?version=1#f-J-cooperation-narrative"`));
    expect(res.body).toContain('Norway, 2023');
  });

  it('marks Arabic matches in the original text, on the Arabic page', async () => {
    const a = await agentFor(t, committee);
    const res = await a.get(`/ar/analysis/search?q=${encodeURIComponent('مساعده')}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('قدمت الدولة <mark>المساعدةَ</mark> الدوليةَ');
    expect(res.body).toContain('lang="ar"');
  });

  it('filters by year, State, form and action', async () => {
    const a = await agentFor(t, isu);
    const count = async (qs: string) => {
      const res = await a.get(`/en/analysis/search?q=clearance${qs}`);
      expect(res.status, qs).toBe(200);
      return (res.body.match(/class="search-result"/g) ?? []).length;
    };
    expect(await count('')).toBe(3);
    expect(await count('&year=2022')).toBe(2);
    expect(await count('&year=2023&state=NO')).toBe(1);
    expect(await count('&state=no&action=OAP-47')).toBe(1);
    expect(await count('&form=J')).toBe(3);
    expect(await count('&state=CO')).toBe(0);
  });

  it('paginates', async () => {
    const a = await agentFor(t, isu);
    const res = await a.get('/en/analysis/search?q=clearance&page=2');
    expect(res.status).toBe(200);
    expect(res.body).toContain('3 passages found');
    expect(res.body).toContain('no more results');
  });

  it('explains empty, too long and word-less queries, and never fails on hostile input', async () => {
    const a = await agentFor(t, isu);
    expect((await a.get('/en/analysis/search')).status).toBe(200);
    const filtersOnly = await a.get('/en/analysis/search?year=2023');
    expect(filtersOnly.body).toContain('Enter words to search for');
    const long = await a.get(`/en/analysis/search?q=${'a'.repeat(300)}`);
    expect(long.status).toBe(422);
    expect(long.body).toContain('Enter at most 200 characters');
    const ops = await a.get(`/en/analysis/search?q=${encodeURIComponent('" - ( ) | & ! <-> :*')}`);
    expect(ops.status).toBe(422);
    expect(ops.body).toContain('Enter at least one word');
    const hostile = [
      'q=%22unclosed',
      'q=or',
      'q=-',
      'q=a%3A*',
      'q=mine+%3C-%3E+clearance',
      'q=%00mine',
      'q=%E2%80%AEmine%E2%80%AC',
      'q=%ED%A0%80',
      'q=%27%3B+drop+table+reports%3B--',
      'q=\\',
      'q=a&q=b',
      'q[x]=1',
      'q=mine&page=0',
      'q=mine&page=99999999999',
      'q=mine&page=-1',
      'q=mine&year=abcd',
      'q=mine&year=%D9%A2%D9%A0%D9%A2%D9%A3',
      'q=mine&state=%3Cx%3E',
      'q=mine&form=%3Cscript%3E',
      'q=mine&action=OAP-999',
      `q=${encodeURIComponent('word '.repeat(39) + 'w')}`,
      `q=${encodeURIComponent('!'.repeat(150) + 'mine')}`,
      `q=${encodeURIComponent('"a" '.repeat(45))}`,
    ];
    for (const qs of hostile) {
      const res = await a.get(`/en/analysis/search?${qs}`);
      expect([200, 422], qs).toContain(res.status);
    }
  });
});

describe('results lead to the exact field', () => {
  /** Every id of a page, and the element that carries one. */
  const idsOf = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
  const elementWithId = (html: string, id: string) => {
    const at = html.indexOf(` id="${id}"`);
    return at < 0 ? '' : html.slice(html.lastIndexOf('<', at), html.indexOf('</dl>', at) + 5);
  };

  it('links each result to its field, which the report page shows with that id', async () => {
    const a = await agentFor(t, committee);
    const res = await a.get('/en/analysis/search?q=clearance+or+cooperation+or+mujeres+or+%D9%85%D8%B3%D8%A7%D8%B9%D8%AF%D9%87');
    const links = [...res.body.matchAll(/href="(\/en\/reports\/[0-9a-f-]{36}\?version=\d+)#([^"]+)"/g)].map((m) => ({ url: m[1]!, anchor: m[2]! }));
    expect(links.length).toBeGreaterThanOrEqual(6);
    expect(new Set(links.map((l) => l.anchor))).toEqual(new Set(['f-J-cooperation-narrative', 'f-J-gender-narrative']));
    for (const l of links) {
      const page = await a.get(l.url);
      expect(page.status, l.url).toBe(200);
      const all = idsOf(page.body);
      // The anchor is there once, a valid id, on the block that shows the field's answer.
      expect(all.filter((x) => x === l.anchor), `${l.url}#${l.anchor}`).toHaveLength(1);
      expect(l.anchor).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/);
      expect(elementWithId(page.body, l.anchor)).toMatch(/^<dl class="summary-list" id="[^"]+">[\s\S]*summary-list__value[\s\S]*class="narrative"/);
      // Ids stay unique across the whole page.
      expect(all.length, l.url).toBe(new Set(all).size);
    }
  });

  it('gives the public report page the same field ids, unique on the page', async () => {
    const pub = await t.app.inject({ method: 'GET', url: `/en/reports/${ids.en2022}` });
    expect(pub.statusCode).toBe(200);
    expect(elementWithId(pub.body, 'f-J-cooperation-narrative')).toContain('Norway funded mine clearance in several countries.');
    expect(pub.body).toContain('id="f-J-gender-narrative"');
    // Forms marked not applicable show no fields, so no field ids.
    expect(pub.body).not.toMatch(/id="f-A-/);
    const all = idsOf(pub.body);
    expect(all.length).toBe(new Set(all).size);
  });
});

describe('re-indexing every report', () => {
  const reindexForm = 'action="/en/analysis/search/reindex"';
  const reindexEvents = async () => (await t.database.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'analysis.search.reindexed'`))[0]!.n;

  it('ISU staff and administrators re-index from the search page and see how many reports were indexed', async () => {
    const admin = await person(t, { role: 'admin' });
    for (const p of [isu, admin]) {
      const a = await agentFor(t, p);
      const page = await a.get('/en/analysis/search');
      expect(page.body, p.principal.role).toContain(reindexForm);
      expect(page.body).toContain('Re-index all reports');
      const before = await reindexEvents();
      const res = await a.post('/en/analysis/search/reindex');
      expect(res.status, p.principal.role).toBe(303);
      const [, count] = /^\/en\/analysis\/search\?reindexed=(\d+)$/.exec(String(res.headers.location)) ?? [];
      const submitted = (await t.database.query<{ n: number }>('select count(*)::int as n from reports where current_version_no > 0'))[0]!.n;
      expect(Number(count)).toBe(submitted);
      expect(await reindexEvents()).toBe(before + 1);
      const back = await a.get(String(res.headers.location));
      expect(back.body).toContain('class="banner banner--success"');
      expect(back.body).toContain(`${submitted} reports were indexed again.`);
      // The index still answers.
      expect((await a.get('/en/analysis/search?q=victim')).body).toContain('<mark>victim</mark>');
    }
    // In Arabic and Russian, the plural forms.
    const ar = await agentFor(t, isu);
    expect((await ar.get('/ar/analysis/search?reindexed=2')).body).toContain('أُعيدت فهرسة تقريرين.');
    expect((await ar.get('/ru/analysis/search?reindexed=5')).body).toContain('Заново проиндексировано 5 докладов.');
  });

  it('committee members and others neither see the button nor may re-index; the token is required', async () => {
    const before = await reindexEvents();
    const c = await agentFor(t, committee);
    const page = await c.get('/en/analysis/search?reindexed=3');
    expect(page.status).toBe(200);
    expect(page.body).not.toContain(reindexForm);
    expect(page.body).not.toContain('banner--success');
    expect((await c.post('/en/analysis/search/reindex')).status).toBe(403);
    const state = await agentFor(t, teams.NO!.approver);
    await state.get('/en/search');
    expect((await state.post('/en/analysis/search/reindex')).status).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/en/search' })).body).not.toContain(reindexForm);
    // ISU without the form's token: refused, nothing done.
    const i = await agentFor(t, isu);
    await i.get('/en/analysis/search');
    expect((await i.post('/en/analysis/search/reindex', { _csrf: 'forged' })).status).toBe(403);
    expect(await reindexEvents()).toBe(before);
  });
});

describe('who may search', () => {
  it('committee members, ISU and administrators search restricted reports; others may not', async () => {
    const admin = await person(t, { role: 'admin' });
    for (const p of [committee, isu, admin]) {
      const res = await (await agentFor(t, p)).get('/en/analysis/search?q=victim');
      expect(res.status, p.principal.role).toBe(200);
      expect(res.body).toContain('<mark>victim</mark>');
    }
    const state = await agentFor(t, teams.NO!.preparer);
    const refused = await state.get('/en/analysis/search?q=victim');
    expect(refused.status).toBe(403);
    expect(refused.body).not.toContain('victim</mark>');
    const anonymous = await t.app.inject({ method: 'GET', url: '/en/analysis/search?q=victim' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/en/login?returnTo=');
  });

  it('a public search returns public published versions only', async () => {
    // The restricted 2023 report is never among public results, nor any unpublished version.
    const pub = await search('clearance', { publicOnly: true });
    expect(pub.rows.map((r) => r.reportId)).toEqual([ids.en2022, ids.en2022]);
    expect(pub.rows.map((r) => r.reportId)).not.toContain(ids.en2023);
    const rows = await t.database.query<{ id: string; visibility: string; published_version_no: number | null }>('select id, visibility, published_version_no from reports where id = any($1)', [pub.rows.map((r) => r.reportId)]);
    expect(rows.every((r) => r.visibility === 'public' && r.published_version_no !== null)).toBe(true);
  });
});

describe('the public search', () => {
  it('shows anyone the published versions of public reports, and nothing else', async () => {
    const anonymous = async (qs: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/en/search?${qs}` });
      expect(res.statusCode, qs).toBe(200);
      return res.body;
    };
    // The restricted report's own words find nothing; the committee finds them.
    expect(await anonymous('q=victim')).not.toContain('<mark>');
    expect(await anonymous('q=%22bold%22+script')).not.toContain('class="search-result"');
    const body = await anonymous('q=clearance+or+cooperation+or+mina+or+%D9%85%D8%B3%D8%A7%D8%B9%D8%AF%D9%87');
    const links = [...body.matchAll(/href="\/en\/reports\/([0-9a-f-]{36})\?version=(\d+)#f-/g)].map((m) => ({ id: m[1]!, version: Number(m[2]) }));
    expect(links.length).toBeGreaterThan(0);
    expect(links.map((l) => l.id)).not.toContain(ids.en2023);
    const rows = await t.database.query<{ id: string; visibility: string; published_version_no: number | null }>('select id::text as id, visibility, published_version_no from reports where id = any($1)', [links.map((l) => l.id)]);
    for (const l of links) expect(rows.find((r) => r.id === l.id), l.id).toMatchObject({ visibility: 'public', published_version_no: l.version });
    // A State user of another State, on the public page: the same rule.
    const state = await agentFor(t, teams.CO!.preparer);
    expect((await state.get('/en/search?q=victim')).body).not.toContain('<mark>');
    // Hostile input answers a page, not an error.
    for (const qs of ['q=%00', 'q=a&q=b', 'q=%22', `q=${'x'.repeat(500)}`, 'q=mine&page=0', 'q=mine&state=%3Cx%3E']) {
      const res = await t.app.inject({ method: 'GET', url: `/en/search?${qs}` });
      expect([200, 422], qs).toContain(res.statusCode);
    }
  });
});

describe('indexing', () => {
  it('replaces the rows of a report when a new version is submitted, and the poller indexes it', async () => {
    let clock = 1_000_000;
    const runner = new JobRunner({ database: t.database });
    scheduleAnalysisTasks(runner, { database: t.database }, { pollMs: 10_000, now: () => clock });
    const who = { ...teams.SN!, isu };
    const before = await t.database.db.select().from(searchDocuments).where(eq(searchDocuments.reportId, ids.fr!));
    expect(before.map((r) => r.path).sort()).toEqual(['cooperation.narrative', 'gender.narrative', 'received.assistance.1.inKind']);
    expect(before.every((r) => r.versionNo === 1 && r.lang === 'fr' && r.config === 'french')).toBe(true);
    const base = sampleFormJ(2023);
    await correctedReport(t, who, ids.fr!, { ...base, victims: { ...base.victims, narrative: null }, cooperation: { ...base.cooperation, resourcePlanSummary: null, needs: null, narrative: 'Le partenariat sud-sud a été élargi.' }, gender: { integrated: true, narrative: null } });
    clock += 20_000;
    await runner.tick();
    const after = await t.database.db.select().from(searchDocuments).where(eq(searchDocuments.reportId, ids.fr!));
    expect(after.map((r) => [r.versionNo, r.path]).sort()).toEqual([
      [2, 'cooperation.narrative'],
      [2, 'received.assistance.1.inKind'],
    ]);
    expect((await search('cooperation regionale')).rows.map((r) => r.reportId)).not.toContain(ids.fr);
    expect((await search('partenariat')).rows.map((r) => r.reportId)).toContain(ids.fr);
    // Indexing again changes nothing.
    const again = await indexReport(t.database.db, ids.fr!);
    expect(again).toMatchObject({ versionNo: 2, documents: 2, written: true });
  });

  it('does not index an answer its show-if condition hides, which the report page does not show', async () => {
    const who = { ...teams.TJ!, isu };
    const base = sampleFormJ(2023);
    const hidden = 'Обязательства доноров по программе Зеравшан.';
    await correctedReport(t, who, ids.ru!, { ...base, victims: { ...base.victims, narrative: null }, cooperation: { ...base.cooperation, resourcePlan: false, resourcePlanSummary: hidden, needs: null, narrative: 'Государство оказало помощь пострадавшим от мин.' }, gender: { integrated: null, narrative: null } });
    const r = await indexReport(t.database.db, ids.ru!);
    expect(r).toMatchObject({ versionNo: 2, written: true });
    const rows = await t.database.db.select().from(searchDocuments).where(eq(searchDocuments.reportId, ids.ru!));
    expect(rows.map((x) => x.path).sort()).not.toContain('cooperation.resourcePlanSummary');
    expect((await search('Зеравшан')).rows).toHaveLength(0);
    // The report page does not show it either (so no result could link to it).
    const page = await (await agentFor(t, committee)).get(`/en/reports/${ids.ru}?version=2`);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('Зеравшан');
    expect(page.body).not.toContain('id="f-J-cooperation-resourcePlanSummary"');
    // The same answer is indexed when its condition shows it.
    const forms = CURRENT_FORMAT.forms;
    const snap = (resourcePlan: boolean) => ({ forms: { J: { status: 'completed', values: { cooperation: { resourcePlan, resourcePlanSummary: hidden } } } } });
    expect(isShownOnPage(snap(true), forms, 'J', 'cooperation.resourcePlanSummary')).toBe(true);
    expect(isShownOnPage(snap(false), forms, 'J', 'cooperation.resourcePlanSummary')).toBe(false);
  });

  it('two indexers of the same report at once leave one set of rows', async () => {
    await Promise.all([indexReport(t.database.db, ids.es!), indexReport(t.database.db, ids.es!), indexReport(t.database.db, ids.es!)]);
    const rows = await t.database.db.select().from(searchDocuments).where(eq(searchDocuments.reportId, ids.es!));
    expect(rows.map((r) => r.path).sort()).toEqual(['cooperation.narrative', 'gender.narrative', 'received.assistance.1.inKind']);
  });
});
