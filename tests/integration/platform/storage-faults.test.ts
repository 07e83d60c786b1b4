/**
 * Storage faults while a State prepares its report: an oversized upload or form, and a database
 * that refuses to store (disk full, out of memory, a value over a PostgreSQL limit). Each answers a
 * clear page in the user's language — never a bare 500 — and the draft stays exactly as last saved:
 * same values, same version, no audit event, no orphan file.
 *
 * The database faults are injected, not provoked: a test-only trigger raises the SQLSTATE that
 * PostgreSQL raises when its disk is full (53100 disk_full), out of memory (53200) or past a limit
 * (54000 program_limit_exceeded) whenever the row being written carries a marker. Runs on PGlite and
 * on the PostgreSQL server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';

const UPLOAD_LIMIT = 64 * 1024;
const BODY_LIMIT = 256 * 1024;

let t: TestApp;
let prep: Agent;
let approver: Agent;
let reportId = '';
let readyReportId = '';

function versionOf(html: string): string {
  const m = /name="_version" value="(\d+)"/.exec(html);
  if (!m) throw new Error('no _version in page');
  return m[1]!;
}

async function formRow(id: string, formId: string) {
  const [row] = await t.database.query<{ values: Record<string, Record<string, unknown>>; version: number; status: string }>(
    'select values, version, status from report_forms where report_id = $1 and form_id = $2',
    [id, formId],
  );
  return row!;
}

const count = async (sql: string, params: unknown[] = []) => Number((await t.database.query<{ n: string | number }>(sql, params))[0]!.n);

function multipart(fields: Record<string, string>, file: { name: string; data: Buffer }) {
  const boundary = '----apmbcFaultBoundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`), file.data, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(agent: Agent, locale: string, file: { name: string; data: Buffer }) {
  const page = await agent.get(`/${locale}/reports/${reportId}/attachments`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const { payload, headers } = multipart({ _csrf: csrf, description: 'Carte' }, file);
  const cookie = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.inject({ method: 'POST', url: `/${locale}/reports/${reportId}/attachments`, payload, headers: { ...headers, cookie } });
}

const SAVED = 'Les équipes de déminage comptent un tiers de femmes.';

beforeAll(async () => {
  t = await createTestApp({ UPLOAD_LIMIT: String(UPLOAD_LIMIT), BODY_LIMIT: String(BODY_LIMIT) });
  const [p, a] = await Promise.all([
    createUser(t.database, { role: 'state_preparer', stateIso2: 'SN', locale: 'fr' }),
    createUser(t.database, { role: 'state_approver', stateIso2: 'KH', locale: 'es' }),
  ]);
  prep = new Agent(t.app);
  approver = new Agent(t.app);
  await prep.signIn(p.email, undefined, 'fr');
  await approver.signIn(a.email, undefined, 'es');
  const res = await prep.post('/fr/reports', { kind: 'annual', year: '2023', startFrom: 'blank' });
  reportId = /reports\/([0-9a-f-]{36})/.exec(res.location!)![1]!;
  const page = await prep.get(`/fr/reports/${reportId}/forms/J`);
  const saved = await prep.post(`/fr/reports/${reportId}/forms/J`, { _version: versionOf(page.body), _action: 'save', 's.gender.narrative': SAVED });
  expect(saved.status).toBe(303);

  // A second report, ready to submit, for the fault during submission.
  const created = await approver.post('/es/reports', { kind: 'annual', year: '2023', startFrom: 'blank' });
  readyReportId = /reports\/([0-9a-f-]{36})/.exec(created.location!)![1]!;
  for (const form of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']) {
    const f = await approver.get(`/es/reports/${readyReportId}/forms/${form}`);
    expect((await approver.post(`/es/reports/${readyReportId}/forms/${form}/not-applicable`, { _version: versionOf(f.body) })).status, form).toBe(303);
  }
  for (const [form, fields] of [
    ['cover', { 's.contacts.people.0.organisation': 'CMAA', 's.contacts.people.0.name': 'Demo Focal Point', 's.general.language': 'en' }],
    ['J', { 's.gender.narrative': 'Mixed survey teams.' }],
  ] as const) {
    const f = await approver.get(`/es/reports/${readyReportId}/forms/${form}`);
    expect((await approver.post(`/es/reports/${readyReportId}/forms/${form}`, { _version: versionOf(f.body), _action: 'complete', ...fields })).status, form).toBe(303);
  }

  // The injected faults: a row carrying FAULT-<sqlstate> is refused with that SQLSTATE, as
  // PostgreSQL refuses a write when its disk is full.
  await t.database.exec(`
    create function test_storage_fault() returns trigger language plpgsql as $$
    declare
      code text := substring(row_to_json(new)::text from 'FAULT-([0-9A-Z]{5})');
    begin
      if code is not null then
        raise exception 'injected storage fault %', code using errcode = code;
      end if;
      return new;
    end $$;
    create trigger test_storage_fault before insert or update on report_forms for each row execute function test_storage_fault();
    create trigger test_storage_fault before insert on stored_files for each row execute function test_storage_fault();
  `);
});
afterAll(async () => t.close());

describe('oversized input', () => {
  it('refuses an attachment over the upload limit with a 413 page in French, storing nothing', async () => {
    const files = await count('select count(*) as n from stored_files');
    const audit = await count('select count(*) as n from audit_events where entity_id = $1', [reportId]);
    const res = await upload(prep, 'fr', { name: 'carte.pdf', data: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(UPLOAD_LIMIT + 1000, 65)]) });
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('lang="fr"');
    expect(res.body).toContain('Le fichier doit faire moins de');
    expect(res.body).not.toContain('must be smaller');
    expect(await count('select count(*) as n from stored_files')).toBe(files);
    expect(await count('select count(*) as n from report_attachments where report_id = $1', [reportId])).toBe(0);
    expect(await count('select count(*) as n from audit_events where entity_id = $1', [reportId])).toBe(audit);
    // The draft is intact and still editable.
    const page = await prep.get(`/fr/reports/${reportId}/forms/J`);
    expect(page.body).toContain(SAVED);
    const ok = await upload(prep, 'fr', { name: 'carte.pdf', data: Buffer.from('%PDF-1.4\n%small\n') });
    expect(ok.statusCode).toBe(303);
  });

  it('refuses an attachment over the upload limit in Arabic, right to left', async () => {
    const res = await upload(prep, 'ar', { name: 'map.pdf', data: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(UPLOAD_LIMIT * 2, 65)]) });
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('dir="rtl"');
    expect(res.body).toContain('يجب أن يكون حجم الملف أقل من');
  });

  it('refuses a form post over the body limit with a translated 413 page, the draft unchanged', async () => {
    const before = await formRow(reportId, 'J');
    const page = await prep.get(`/fr/reports/${reportId}/forms/J`);
    const res = await prep.post(`/fr/reports/${reportId}/forms/J`, { _version: versionOf(page.body), _action: 'save', 's.gender.narrative': 'x'.repeat(BODY_LIMIT + 10) });
    expect(res.status).toBe(413);
    expect(res.body).toContain('lang="fr"');
    expect(res.body).toContain('Ce que vous avez envoyé dépasse la taille autorisée.');
    expect(await formRow(reportId, 'J')).toEqual(before);
  });
});

describe('the database cannot store (injected SQLSTATE)', () => {
  const cases = [
    { sqlstate: '53100', status: 507, fr: 'Le serveur n’a pas d’espace pour enregistrer ceci', code: 'db.disk_full' },
    { sqlstate: '53200', status: 503, fr: 'Le serveur manque de ressources pour le moment', code: 'db.insufficient_resources' },
    { sqlstate: '54000', status: 413, fr: 'Ce contenu est trop volumineux pour être enregistré', code: 'db.too_large' },
  ];

  it.each(cases)('a form save refused with $sqlstate answers $status with a clear French page; the draft is unchanged', async ({ sqlstate, status, fr }) => {
    const before = await formRow(reportId, 'J');
    const audit = await count('select count(*) as n from audit_events where entity_id = $1', [reportId]);
    const page = await prep.get(`/fr/reports/${reportId}/forms/J`);
    const res = await prep.post(`/fr/reports/${reportId}/forms/J`, { _version: versionOf(page.body), _action: 'save', 's.gender.narrative': `Nouveau texte FAULT-${sqlstate}` });
    expect(res.status).toBe(status);
    expect(res.body).toContain('lang="fr"');
    expect(res.body).toContain(fr);
    expect(res.body).toContain('Votre brouillon est inchangé');
    expect(await formRow(reportId, 'J')).toEqual(before);
    expect(await count('select count(*) as n from audit_events where entity_id = $1', [reportId])).toBe(audit);
    expect((await prep.get(`/fr/reports/${reportId}/forms/J`)).body).toContain(SAVED);
  });

  it('answers autosave with a problem document carrying the code, and saves again once space is back', async () => {
    const page = await prep.get(`/fr/reports/${reportId}/forms/J`);
    const v = versionOf(page.body);
    const full = await prep.post(`/fr/reports/${reportId}/forms/J`, { _version: v, _action: 'save', 's.gender.narrative': 'Brouillon FAULT-53100' }, { 'x-autosave': '1', accept: 'application/json' });
    expect(full.status).toBe(507);
    expect(full.headers['content-type']).toContain('application/problem+json');
    const problem = full.json<{ code: string; title: string; status: number }>();
    expect(problem.code).toBe('db.disk_full');
    expect(problem.status).toBe(507);
    expect(problem.title).toContain('Votre brouillon est inchangé');
    // Space is back: the same version saves, nothing was consumed by the refused attempt.
    const ok = await prep.post(`/fr/reports/${reportId}/forms/J`, { _version: v, _action: 'save', 's.gender.narrative': `${SAVED} Mis à jour.` }, { 'x-autosave': '1', accept: 'application/json' });
    expect(ok.status).toBe(200);
    expect(ok.json<{ version: number }>().version).toBe(Number(v) + 1);
    expect((await formRow(reportId, 'J')).values.gender?.narrative).toBe(`${SAVED} Mis à jour.`);
  });

  it('refuses an upload when the disk is full: 507, no attachment, no orphan file', async () => {
    const files = await count('select count(*) as n from stored_files');
    const attachments = await count('select count(*) as n from report_attachments where report_id = $1', [reportId]);
    const res = await upload(prep, 'fr', { name: 'FAULT-53100.pdf', data: Buffer.from('%PDF-1.4\n%full\n') });
    expect(res.statusCode).toBe(507);
    expect(res.body).toContain('Le serveur n’a pas d’espace pour enregistrer ceci');
    expect(await count('select count(*) as n from stored_files')).toBe(files);
    expect(await count('select count(*) as n from report_attachments where report_id = $1', [reportId])).toBe(attachments);
  });

  it('refuses a submission when the disk is full: the report stays a draft with no half-written version, and submits once space is back', async () => {
    // The version row (the snapshot) is the big write of a submission: refuse it for this report.
    await t.database.exec(`
      create function test_version_fault() returns trigger language plpgsql as $$
      begin
        raise exception 'injected: could not extend file' using errcode = 'disk_full';
      end $$;
      create trigger test_version_fault before insert on report_versions for each row
        when (new.report_id = '${readyReportId}') execute function test_version_fault();
    `);
    const reportRow = async () => (await t.database.query<{ status: string; version: number; current_version_no: number }>('select status, version, current_version_no from reports where id = $1', [readyReportId]))[0]!;
    const before = await reportRow();
    const forms = await t.database.query('select form_id, values, version, status, explanations from report_forms where report_id = $1 order by form_id', [readyReportId]);
    const check = await approver.get(`/es/reports/${readyReportId}/check`);
    const submit = () => approver.post(`/es/reports/${readyReportId}/submit`, { _version: versionOf(check.body), visibility: 'public', declaration: 'on' });
    const refused = await submit();
    expect(refused.status).toBe(507);
    expect(refused.body).toContain('lang="es"');
    expect(refused.body).toContain('El servidor no tiene espacio para guardar esto');
    expect(refused.body).toContain('Su borrador no ha cambiado');
    expect(await reportRow()).toEqual(before);
    expect(before.status).toBe('draft');
    expect(await count('select count(*) as n from report_versions where report_id = $1', [readyReportId])).toBe(0);
    expect(await count(`select count(*) as n from audit_events where entity_id = $1 and action = 'reporting.report.submitted'`, [readyReportId])).toBe(0);
    expect(await count(`select count(*) as n from outbox_emails where kind = 'report_receipt'`)).toBe(0);
    expect(await t.database.query('select form_id, values, version, status, explanations from report_forms where report_id = $1 order by form_id', [readyReportId])).toEqual(forms);

    await t.database.exec('drop trigger test_version_fault on report_versions');
    const ok = await submit();
    expect(ok.status).toBe(303);
    expect(await reportRow()).toMatchObject({ status: 'submitted', current_version_no: 1 });
    expect(await count('select count(*) as n from report_versions where report_id = $1', [readyReportId])).toBe(1);
  });
});
