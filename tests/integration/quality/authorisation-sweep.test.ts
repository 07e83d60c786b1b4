/**
 * The authorisation sweep: every route the app registers that changes something (POST, PUT… under
 * /:locale and /api), every /api route and every download, enumerated from app.routeList, × every
 * role and users of another State (Iraq; Senegal owns the records). GET pages are the permissions
 * matrix's (permissions-matrix.test.ts).
 *
 * The expected answers come from RULES, the policies written as a table, one entry per route: a
 * route without an entry fails the sweep with a message asking its author to add one, so a new
 * route is checked from the day it exists. For every role a rule does not allow:
 *  - the request is refused: a signed-in user gets 403 (or 404 where the app hides that the record
 *    exists); an anonymous visitor is sent to sign in (pages) or gets 401/404 problem+json (API);
 *  - nothing in the database changed (a fingerprint of every table, audit log included);
 *  - a 403 was logged with the user's id and the URL, and it was the policy that refused, not CSRF
 *    (forms are posted with a valid CSRF token of the user's session).
 * Then one allowed role sends the same request, which must go through and change the database:
 * this shows the refusals came from the policy, not from a body or a record that was unusable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { users } from '../../../src/areas/accounts/schema.ts';
import * as repo from '../../../src/areas/reporting/reports-repository.ts';
import { analyseReport } from '../../../src/areas/analysis/index.ts';
import type { ReportRow } from '../../../src/areas/reporting/reports-repository.ts';
import { exampleParams, fillRoute, type ExampleData } from '../../support/browser.ts';
import { createUser, testConfig } from '../../support/app.ts';
import { createInvitation, createQuestionnaire, createResponse } from '../../support/questionnaires.ts';
import { evidenceLinks, individualisedApproaches, meetingActions, meetingParticipants, meetings, nationalPlatformMembers, nationalPlatforms, workPlanItems, workPlans } from '../../../src/areas/engagement/schema.ts';
import { multipartBody, type Part } from '../reporting-exports/helpers.ts';
import {
  agentAt,
  attach,
  changedTables,
  createApiToken,
  createLoggedApp,
  databaseFingerprinter,
  driveReport,
  newRequestId,
  person,
  type Cast,
  type LoggedApp,
  type Person,
  type Stage,
} from './authorisation.ts';

type Who = 'anonymous' | 'preparer' | 'approver' | 'other_state' | 'other_approver' | 'committee' | 'isu' | 'admin';
const WHO: Who[] = ['anonymous', 'preparer', 'approver', 'other_state', 'other_approver', 'committee', 'isu', 'admin'];
const STATE_USERS: Who[] = ['preparer', 'approver', 'other_state', 'other_approver'];
const OWN_STATE: Who[] = ['preparer', 'approver'];
const STAFF: Who[] = ['isu', 'admin'];
const SIGNED_IN: Who[] = WHO.filter((w) => w !== 'anonymous');
/** Who builds, circulates and reads the results of a questionnaire owned by cooperation-assistance, and edits its meetings, plans and papers. */
const OWNERS: Who[] = ['committee', ...STAFF];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
/** A meeting's form (pages/meetings): cooperation-assistance only, for its members. */
const MEETING = {
  kind: 'bilateral',
  start_date: '2025-03-10',
  start_time: '10:00',
  end_date: '',
  end_time: '11:30',
  time_zone: 'Europe/Zurich',
  place: 'Geneva',
  committees: 'cooperation-assistance',
  confidentiality: 'committee',
  status: 'planned',
  agenda: 'Progress and challenges',
  notes: '',
  gender_questions: '',
};


interface Prepared {
  /** Path parameters by name (the locale is filled in). */
  params?: Record<string, string>;
  query?: string;
  /** Form fields (pages; the CSRF token is added) or a JSON body (API). */
  body?: Record<string, unknown>;
  /** A multipart body (the CSRF token is added as the first part). */
  parts?: Part[];
}

interface Rule {
  /**
   * Who may: a list of roles; 'public' (everyone, nothing to refuse); 'own-account' (every
   * signed-in user acts on their own account, so only the anonymous visitor is refused).
   */
  allowed: Who[] | 'public' | 'own-account';
  /** The records and the request: called once per rule, just before its sweep. */
  prepare?: (fx: Fixtures) => Promise<Prepared>;
  /** The allowed role that sends the request last (default: the first allowed); null for none. */
  control?: Who | null;
  /** Whether the allowed request writes (default: yes for POST/PUT/DELETE, no for GET). */
  writes?: boolean;
  /** An answer the allowed request may give other than 2xx/3xx (e.g. 422 for a file that is not a report). */
  controlStatus?: number;
  /** Why this rule is as it is (shown nowhere; for readers). */
  note?: string;
}

/* ------------------------------------------------------------------------------------------ */
/* The records the rules point at                                                              */
/* ------------------------------------------------------------------------------------------ */

interface Fixtures {
  data: ExampleData;
  people: Map<Who, Person>;
  /** A fresh report of Senegal for a year nobody used yet, at `stage`. */
  report(stage: Stage): Promise<ReportRow>;
  /** Senegal's draft that editing rules share (each reads its form versions at its turn). */
  sharedDraft(): Promise<ReportRow>;
  /** Senegal's submitted report that reading and commenting rules share. */
  sharedSubmitted(): Promise<ReportRow>;
  formVersion(reportId: string, formId: string): Promise<number>;
  freeYear(): number;
  newUser(o: { disabled?: boolean; locked?: boolean; invited?: boolean }): Promise<string>;
}

const json = (o: Record<string, unknown>) => o;

/* ------------------------------------------------------------------------------------------ */
/* The policies as a table: one rule per route                                                 */
/* ------------------------------------------------------------------------------------------ */

const RULES: Record<string, Rule> = {
  // ---- Outside /:locale and /api: probes and the language redirect.
  'GET /': { allowed: 'public' },
  'GET /healthz': { allowed: 'public' },
  'GET /readyz': { allowed: 'public' },

  // ---- Signing in, one-time links: public by design (each has its own rate limit and tests).
  'POST /:locale/login': { allowed: 'public' },
  'POST /:locale/login/two-factor': { allowed: 'public' },
  'POST /:locale/logout': { allowed: 'public' },
  'POST /:locale/password/forgot': { allowed: 'public' },
  'POST /:locale/password/reset/:token': { allowed: 'public' },
  'POST /:locale/invitation/:token': { allowed: 'public' },

  // ---- One's own account: signed-in users only, each on their own records.
  'POST /:locale/account/profile': { allowed: 'own-account', prepare: async () => ({ body: { name: 'Changed Name', locale: 'en', organisation: '', version: '1' } }) },
  'POST /:locale/account/password': { allowed: 'own-account', prepare: async () => ({ body: { current: 'correct horse battery staple', password: 'another long passphrase 42', confirm: 'another long passphrase 42' } }) },
  'POST /:locale/account/two-step': { allowed: 'own-account', prepare: async () => ({ body: { secret: 'JBSWY3DPEHPK3PXPJBSWY3DP', signature: 'x', code: '123456' } }) },
  'POST /:locale/account/two-step/remove': { allowed: 'own-account', prepare: async () => ({ body: { password: 'correct horse battery staple' } }) },
  'POST /:locale/account/sessions/others': { allowed: 'own-account' },
  'POST /:locale/account/sessions/all': { allowed: 'own-account' },
  'POST /:locale/account/api-tokens/new': { allowed: 'own-account', prepare: async () => ({ body: { name: 'sweep token', expiresInDays: '30' } }) },
  'POST /:locale/account/api-tokens/:id/revoke': {
    note: "Another user's token is unknown (404) to everyone but its owner.",
    allowed: ['admin'],
    prepare: async (fx) => ({ params: { id: await tokenIdOf(fx.people.get('admin')!) } }),
  },

  // ---- Administration.
  'POST /:locale/admin/outbox/:id/retry': {
    allowed: STAFF,
    prepare: async (fx) => {
      await db().execute(sql`update outbox_emails set status = 'failed', attempts = 3, last_error = 'sweep' where id = ${fx.data.ids.outboxEmail}`);
      return { params: { id: fx.data.ids.outboxEmail } };
    },
  },
  'POST /:locale/admin/states/:iso2/article5': { allowed: STAFF, prepare: async () => ({ params: { iso2: 'no' }, body: { deadline: '2031-03-01', status: 'extended', note: 'Recorded by the sweep', toVerify: '' } }) },
  'POST /:locale/admin/states/:iso2/membership': {
    allowed: ['admin'],
    prepare: async () => {
      const [s] = await t.database.query<{ version: number; signature_date: string | null; consent_type: string; consent_date: string; eif_date: string }>(
        `select version, signature_date::text, consent_type, consent_date::text, eif_date::text from states where iso2 = 'NO'`,
      );
      return {
        params: { iso2: 'no' },
        body: { version: String(s!.version), signatureDate: s!.signature_date ?? '', consentType: s!.consent_type, consentDate: s!.consent_date, eifDate: s!.eif_date, note: 'Checked by the sweep', withdrawalNotifiedDate: '', withdrawalEffectiveDate: '', suspensionNotifiedDate: '' },
      };
    },
  },
  'POST /:locale/admin/states/new': {
    allowed: ['admin'],
    prepare: async () => ({
      body: { iso2: 'XS', iso3: 'XSW', nameAr: 'دولة المسح', nameZh: '扫描国', nameEn: 'Sweepland', nameFr: 'Balayage', nameRu: 'Проверка', nameEs: 'Barrido', region: 'europe', reportingLanguage: 'en', consentType: 'accession', consentDate: '2025-01-10', signatureDate: '', eifDate: '', note: '' },
    }),
  },
  'POST /:locale/admin/users/new': { allowed: STAFF, prepare: async () => ({ body: { name: 'Invited By Sweep', email: `invited.sweep.${Date.now()}@test.example.org`, role: 'state_preparer', stateIso2: 'SN', committeeId: '', locale: 'fr', organisation: '' } }) },
  'POST /:locale/admin/users/:id': {
    allowed: STAFF,
    prepare: async (fx) => {
      const id = await fx.newUser({});
      return { params: { id }, body: { name: 'Renamed By Sweep', role: 'state_preparer', stateIso2: 'SN', committeeId: '', locale: 'es', organisation: '', version: '1' } };
    },
  },
  'POST /:locale/admin/users/:id/disable': { allowed: STAFF, prepare: async (fx) => ({ params: { id: await fx.newUser({}) } }) },
  'POST /:locale/admin/users/:id/enable': { allowed: STAFF, prepare: async (fx) => ({ params: { id: await fx.newUser({ disabled: true }) } }) },
  'POST /:locale/admin/users/:id/unlock': { allowed: STAFF, prepare: async (fx) => ({ params: { id: await fx.newUser({ locked: true }) } }) },
  'POST /:locale/admin/users/:id/resend-invitation': { allowed: STAFF, prepare: async (fx) => ({ params: { id: await fx.newUser({ invited: true }) } }) },
  'GET /:locale/admin/audit.csv': { allowed: STAFF },

  // ---- Reports: a State's users start their own State's reports (the State is theirs, not chosen).
  'POST /:locale/reports': { allowed: STATE_USERS, prepare: async (fx) => ({ body: { kind: 'annual', year: String(fx.freeYear()), startFrom: 'blank' } }) },
  'POST /:locale/reports/:id/forms/:form': {
    allowed: OWN_STATE,
    prepare: async (fx) => {
      const r = await fx.sharedDraft();
      return { params: { id: r.id, form: 'A' }, body: { _version: String(await fx.formVersion(r.id, 'A')), 'measures.narrative': 'Saved by the sweep', _action: 'save' } };
    },
  },
  'POST /:locale/reports/:id/forms/:form/resolve': {
    allowed: OWN_STATE,
    prepare: async (fx) => {
      const r = await fx.sharedDraft();
      return { params: { id: r.id, form: 'A' }, body: { _version: String(await fx.formVersion(r.id, 'A')), 'measures.narrative': 'Resolved by the sweep', 'keep.measures.narrative': 'mine' } };
    },
  },
  'POST /:locale/reports/:id/forms/:form/unchanged': {
    allowed: OWN_STATE,
    prepare: async (fx) => {
      const r = await fx.sharedDraft();
      return { params: { id: r.id, form: 'cover' }, body: { _version: String(await fx.formVersion(r.id, 'cover')) } };
    },
  },
  'POST /:locale/reports/:id/forms/:form/not-applicable': {
    allowed: OWN_STATE,
    prepare: async (fx) => {
      const r = await fx.sharedDraft();
      return { params: { id: r.id, form: 'B' }, body: { _version: String(await fx.formVersion(r.id, 'B')) } };
    },
  },
  'POST /:locale/reports/:id/forms/:form/comments': {
    note: 'The clarification thread: ISU, and the State once it has submitted.',
    allowed: [...OWN_STATE, ...STAFF],
    prepare: async (fx) => ({ params: { id: (await fx.sharedSubmitted()).id, form: 'cover' }, body: { body: 'A message from the sweep' } }),
  },
  'POST /:locale/reports/:id/attachments': {
    allowed: OWN_STATE,
    prepare: async (fx) => ({
      params: { id: (await fx.sharedDraft()).id },
      parts: [
        { name: 'description', value: 'Map from the sweep' },
        { name: 'file', filename: 'sweep-map.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4\n% sweep\n%%EOF\n') },
      ],
    }),
  },
  'POST /:locale/reports/:id/attachments/:attachment/delete': {
    allowed: OWN_STATE,
    prepare: async (fx) => {
      const r = await fx.sharedDraft();
      return { params: { id: r.id, attachment: await attach(t, sn, r.id, 'to-delete.pdf') } };
    },
  },
  'POST /:locale/reports/:id/import': {
    note: 'The file is read only after the policy check; for the allowed user a file that is no export is refused with 422.',
    allowed: OWN_STATE,
    writes: false,
    controlStatus: 422,
    prepare: async (fx) => ({ params: { id: (await fx.sharedDraft()).id }, parts: [{ name: 'file', filename: 'answers.json', type: 'application/json', data: Buffer.from('{"not":"an export"}') }] }),
  },
  'POST /:locale/reports/:id/submit': {
    note: 'Only an approver of the State submits.',
    allowed: ['approver'],
    prepare: async (fx) => {
      const r = await fx.report('ready');
      return { params: { id: r.id }, body: { _version: String(r.version), visibility: 'public', declaration: 'on' } };
    },
  },
  'POST /:locale/reports/:id/correction': {
    allowed: OWN_STATE,
    prepare: async (fx) => {
      const r = await fx.report('published');
      return { params: { id: r.id }, body: { _version: String(r.version) } };
    },
  },
  'POST /:locale/reports/:id/acknowledge': {
    allowed: STAFF,
    prepare: async (fx) => {
      const r = await fx.report('submitted');
      return { params: { id: r.id }, body: { _version: String(r.version) } };
    },
  },
  'POST /:locale/reports/:id/publish': {
    allowed: STAFF,
    prepare: async (fx) => {
      const r = await fx.report('acknowledged');
      return { params: { id: r.id }, body: { _version: String(r.version) } };
    },
  },
  'POST /:locale/reports/:id/return': {
    allowed: STAFF,
    prepare: async (fx) => {
      const r = await fx.report('submitted');
      return { params: { id: r.id }, body: { _version: String(r.version), 'comment._report': 'Please clarify (sweep)' } };
    },
  },

  // ---- Downloads (GET): a submitted, unpublished report is for its State, the ISU and committees.
  ...Object.fromEntries(
    ['pdf', 'xlsx', 'csv.zip', 'json'].map((ext) => [
      `GET /:locale/reports/:id/export.${ext}`,
      { allowed: [...OWN_STATE, 'committee', ...STAFF], prepare: async (fx: Fixtures) => ({ params: { id: (await fx.sharedSubmitted()).id } }) } satisfies Rule,
    ]),
  ),
  'GET /:locale/reports/bulk/:year.zip': { allowed: 'public', prepare: async () => ({ params: { year: '2001.zip' } }) },

  // ---- Compliance: public downloads; the reminder schedule and "run now" are ISU's.
  'GET /:locale/compliance.csv': { allowed: 'public' },
  'GET /:locale/compliance/trends.csv': { allowed: 'public' },
  'POST /:locale/admin/reminders': { allowed: STAFF, prepare: async () => ({ body: { offsetDays: '-45' } }) },
  'POST /:locale/admin/reminders/:id/disable': { allowed: STAFF, prepare: async () => ({ params: { id: await reminderRule(-60, true) } }) },
  'POST /:locale/admin/reminders/:id/enable': { allowed: STAFF, prepare: async () => ({ params: { id: await reminderRule(-30, false) } }) },
  'POST /:locale/admin/reminders/:id/delete': { allowed: STAFF, prepare: async () => ({ params: { id: await reminderRule(99, true) } }) },
  'POST /:locale/admin/reminders/run': { allowed: STAFF, note: 'Writes its audit event even when no reminder is due.' },

  // ---- Analysis: committee members and ISU decide on indicators; ISU analyses again and edits the term lists.
  'POST /:locale/analysis/reports/analyse': { allowed: STAFF, prepare: async (fx) => ({ body: { year: String((await fx.sharedSubmitted()).year) } }) },
  'POST /:locale/analysis/reports/:id/analyse': { allowed: STAFF, prepare: async (fx) => ({ params: { id: (await fx.sharedSubmitted()).id } }) },
  'POST /:locale/analysis/reports/:id/indicators/:indicator': {
    note: 'An override (with its note) of an indicator of a submitted report, analysed first.',
    allowed: ['committee', ...STAFF],
    prepare: async (fx) => {
      const r = await fx.sharedSubmitted();
      await analyseReport(db(), { userId: null, label: 'sweep' }, r.id, { trigger: 'manual' });
      const [row] = await t.database.query<{ version: number }>(`select version from analysis_report_indicators where report_id = $1 and indicator_id = 'ca.resource_plan'`, [r.id]);
      return { params: { id: r.id, indicator: 'ca.resource_plan' }, body: { version: String(row!.version), 'decision.ca.resource_plan': 'no', 'note.ca.resource_plan': 'Override by the sweep' } };
    },
  },
  'POST /:locale/analysis/terms': { allowed: STAFF, prepare: async () => ({ body: { indicatorId: 'ca.national_platform', locale: 'en', kind: 'term', phrase: 'sweep round table', note: '' } }) },
  'POST /:locale/analysis/terms/try': { allowed: ['committee', ...STAFF], writes: false, prepare: async () => ({ body: { sample: 'There is no national platform yet.' } }) },
  'POST /:locale/analysis/terms/:termId': { allowed: STAFF, prepare: async () => ({ params: { termId: await detectorTerm('sweep term to edit') }, body: { editPhrase: 'sweep term edited', editKind: 'term', editNote: '' } }) },
  'POST /:locale/analysis/terms/:termId/delete': { allowed: STAFF, prepare: async () => ({ params: { termId: await detectorTerm('sweep term to delete') } }) },
  'POST /:locale/analysis/search/reindex': { allowed: STAFF, note: 'Indexes every submitted report again; writes its audit event even when nothing changed.' },
  // ---- Coverage dashboard: committee members and staff download each chart's data.
  'GET /:locale/analysis/coverage.csv': { allowed: ['committee', ...STAFF], prepare: async (fx) => ({ query: `year=${(await fx.sharedSubmitted()).year}&chart=trend` }) },

  // ---- Observations paper: committee members read and download it; ISU writes it, chooses examples and marks it final.
  ...Object.fromEntries(
    ['docx', 'pdf', 'csv'].map((ext) => [
      `GET /:locale/analysis/papers/:year.${ext}`,
      { allowed: ['committee', ...STAFF], prepare: async (fx: Fixtures) => ({ params: { year: String((await fx.sharedSubmitted()).year) }, query: 'lang=ar' }) } satisfies Rule,
    ]),
  ),
  'POST /:locale/analysis/papers/:year': {
    allowed: STAFF,
    prepare: async (fx) => {
      const year = (await fx.sharedSubmitted()).year;
      return { params: { year: String(year) }, body: { version: String(await paperVersion(year)), lang: 'en', s_introduction: 'Written by the sweep', s_observations: 'Sweep observations' } };
    },
  },
  'POST /:locale/analysis/papers/:year/examples': {
    note: 'A passage of narrative evidence of a submitted, analysed report of the year.',
    allowed: STAFF,
    prepare: async (fx) => {
      const r = await fx.sharedSubmitted();
      await analyseReport(db(), { userId: null, label: 'sweep' }, r.id, { trigger: 'manual' });
      await t.database.query(`update analysis_report_indicators set evidence = $2::jsonb where report_id = $1 and indicator_id = 'ca.resource_plan'`, [r.id, JSON.stringify([{ source: 'narrative', formId: 'J', path: 'cooperation.narrative', snippet: 'A passage chosen by the sweep' }])]);
      return { params: { year: String(r.year) }, body: { version: String(await paperVersion(r.year)), lang: 'en', report: r.id, indicator: 'ca.resource_plan', index: '0' } };
    },
  },
  'POST /:locale/analysis/papers/:year/examples/remove': {
    allowed: STAFF,
    prepare: async (fx) => {
      const r = await fx.sharedSubmitted();
      await paperVersion(r.year);
      await t.database.query(`update analysis_observation_papers set examples = $2::jsonb, version = version + 1 where year = $1 and kind = 'preliminary'`, [r.year, JSON.stringify([{ reportId: r.id, formId: 'J', path: 'cooperation.narrative', quote: 'An example the sweep removes' }])]);
      return { params: { year: String(r.year) }, body: { version: String(await paperVersion(r.year)), lang: 'en', index: '0' } };
    },
  },
  'POST /:locale/analysis/papers/:year/status': {
    allowed: STAFF,
    prepare: async (fx) => {
      const year = (await fx.sharedSubmitted()).year;
      return { params: { year: String(year) }, body: { version: String(await paperVersion(year)), lang: 'en', status: 'final' } };
    },
  },

  // ---- The JSON API.
  'GET /api/openapi.json': { allowed: 'public' },
  'GET /api/v1/states': { allowed: 'public' },
  'GET /api/v1/states/:iso2': { allowed: 'public', prepare: async () => ({ params: { iso2: 'sn' } }) },
  'GET /api/v1/me': { allowed: SIGNED_IN },
  'GET /api/v1/reports': { allowed: 'public', note: 'What each caller sees in it is checked by the visibility tests.' },
  'GET /api/v1/reports/:id': { allowed: [...OWN_STATE, 'committee', ...STAFF], prepare: async (fx) => ({ params: { id: (await fx.sharedSubmitted()).id } }) },
  'GET /api/v1/reports/:id/draft': { allowed: [...OWN_STATE, ...STAFF], prepare: async (fx) => ({ params: { id: (await fx.sharedSubmitted()).id } }) },
  'GET /api/v1/reports/:id/check': { allowed: [...OWN_STATE, ...STAFF], prepare: async (fx) => ({ params: { id: (await fx.sharedSubmitted()).id } }) },
  'GET /api/v1/reports/:id/comments': { allowed: [...OWN_STATE, ...STAFF], prepare: async (fx) => ({ params: { id: (await fx.sharedSubmitted()).id } }) },
  'POST /api/v1/reports': { allowed: STATE_USERS, prepare: async (fx) => ({ body: json({ kind: 'annual', year: fx.freeYear() }) }) },
  'PUT /api/v1/reports/:id/forms/:formId': {
    allowed: OWN_STATE,
    prepare: async (fx) => {
      const r = await fx.sharedDraft();
      return { params: { id: r.id, formId: 'A' }, body: json({ version: await fx.formVersion(r.id, 'A'), values: { measures: { narrative: 'Saved through the API by the sweep' } } }) };
    },
  },
  'POST /api/v1/reports/:id/forms/:formId/not-applicable': {
    allowed: OWN_STATE,
    prepare: async (fx) => {
      const r = await fx.sharedDraft();
      return { params: { id: r.id, formId: 'C' }, body: json({ version: await fx.formVersion(r.id, 'C') }) };
    },
  },
  'POST /api/v1/reports/:id/forms/:formId/unchanged': {
    allowed: OWN_STATE,
    prepare: async (fx) => {
      const r = await fx.report('draft');
      return { params: { id: r.id, formId: 'cover' }, body: json({ version: await fx.formVersion(r.id, 'cover') }) };
    },
  },
  'POST /api/v1/reports/:id/submit': {
    allowed: ['approver'],
    prepare: async (fx) => {
      const r = await fx.report('ready');
      return { params: { id: r.id }, body: json({ version: r.version, visibility: 'restricted', declaration: true }) };
    },
  },
  'POST /api/v1/reports/:id/comments': { allowed: [...OWN_STATE, ...STAFF], prepare: async (fx) => ({ params: { id: (await fx.sharedSubmitted()).id }, body: json({ formId: null, body: 'An API message from the sweep' }) }) },
  'POST /api/v1/reports/:id/acknowledge': {
    allowed: STAFF,
    prepare: async (fx) => {
      const r = await fx.report('submitted');
      return { params: { id: r.id }, body: json({ version: r.version }) };
    },
  },
  'POST /api/v1/reports/:id/publish': {
    allowed: STAFF,
    prepare: async (fx) => {
      const r = await fx.report('acknowledged');
      return { params: { id: r.id }, body: json({ version: r.version }) };
    },
  },
  'POST /api/v1/reports/:id/return': {
    allowed: STAFF,
    prepare: async (fx) => {
      const r = await fx.report('submitted');
      return { params: { id: r.id }, body: json({ version: r.version, comments: [{ formId: null, body: 'Please clarify (API sweep)' }] }) };
    },
  },

  // ---- Action plans: public to read, ISU staff and administrators edit (reference data).
  'GET /api/v1/action-plans': { allowed: 'public' },
  'GET /api/v1/action-plans/:plan': { allowed: 'public', prepare: async () => ({ params: { plan: 'oslo-2019' } }) },
  'POST /:locale/admin/plans/:plan/edit': {
    allowed: STAFF,
    prepare: async () => {
      const [p] = await t.database.query<{ version: number; title: Record<string, string> }>(`select version, title from action_plans where id = 'oslo-2019'`);
      return { params: { plan: 'oslo-2019' }, body: { version: String(p!.version), ...planTextFields('title', { ...p!.title, fr: 'Plan d’action d’Oslo (balayage)' }), adoptedOn: '2019-11-29', periodStart: '2020', periodEnd: '2024' } };
    },
  },
  'POST /:locale/admin/plans/:plan/sections/new': { allowed: STAFF, prepare: async () => ({ params: { plan: 'oslo-2019' }, body: { number: 'SWEEP', ...planTextFields('title', { en: 'Added by the sweep' }) } }) },
  'POST /:locale/admin/plans/:plan/sections/:section': {
    allowed: STAFF,
    prepare: async () => ({ params: { plan: 'oslo-2019', section: 'oslo-2019.VIII' }, body: { version: await planRowVersion('action_plan_sections', 'oslo-2019.VIII'), number: 'VIII', ...planTextFields('title', { en: 'Cooperation and assistance (sweep)' }) } }),
  },
  'POST /:locale/admin/plans/:plan/sections/:section/move': {
    allowed: STAFF,
    prepare: async () => ({ params: { plan: 'oslo-2019', section: 'oslo-2019.IX' }, body: { version: await planRowVersion('action_plan_sections', 'oslo-2019.IX'), direction: 'up' } }),
  },
  'POST /:locale/admin/plans/:plan/actions/new': {
    allowed: STAFF,
    prepare: async () => ({ params: { plan: 'siem-reap-angkor-2024' }, body: { number: '90', sectionId: 'siem-reap-angkor-2024.7', ...planTextFields('title', { en: 'Action added by the sweep' }), themes: 'cooperation' } }),
  },
  'POST /:locale/admin/plans/:plan/actions/:action': {
    allowed: STAFF,
    prepare: async () => ({
      params: { plan: 'oslo-2019', action: 'OAP-45' },
      body: { version: await planRowVersion('plan_actions', 'OAP-45'), sectionId: 'oslo-2019.VIII', ...planTextFields('title', { en: 'National platform (sweep)', ar: 'منصة وطنية' }), themes: 'cooperation' },
    }),
  },
  'POST /:locale/admin/plans/:plan/actions/:action/move': {
    allowed: STAFF,
    prepare: async () => ({ params: { plan: 'oslo-2019', action: 'OAP-44' }, body: { version: await planRowVersion('plan_actions', 'OAP-44'), direction: 'up' } }),
  },
  'POST /:locale/admin/plans/:plan/actions/:action/indicators/new': {
    allowed: STAFF,
    prepare: async () => ({ params: { plan: 'oslo-2019', action: 'OAP-45' }, body: { ...planTextFields('title', { en: 'Indicator added by the sweep' }), measure: 'count' } }),
  },
  'POST /:locale/admin/plans/:plan/actions/:action/indicators/:indicator': {
    allowed: STAFF,
    prepare: async () => ({
      params: { plan: 'oslo-2019', action: 'OAP-45', indicator: 'OAP-45.1' },
      body: { version: await planRowVersion('plan_action_indicators', 'OAP-45.1'), ...planTextFields('title', { en: 'Indicator changed by the sweep' }), measure: 'share' },
    }),
  },
  'POST /:locale/admin/plans/:plan/actions/:action/indicators/:indicator/move': {
    allowed: STAFF,
    prepare: async () => ({ params: { plan: 'oslo-2019', action: 'OAP-45', indicator: 'OAP-45.2' }, body: { version: await planRowVersion('plan_action_indicators', 'OAP-45.2'), direction: 'up' } }),
  },

  // ---- Follow-ups: committee members read them; ISU drafts, edits, sends and tracks the letters and edits the templates.
  'POST /:locale/analysis/follow-ups': {
    note: 'A letter for Senegal, whose submitted report the reviewer found without a resource mobilisation plan.',
    allowed: STAFF,
    prepare: async (fx) => {
      const r = await fx.sharedSubmitted();
      await analyseReport(db(), { userId: null, label: 'sweep' }, r.id, { trigger: 'manual' });
      await t.database.query(`update analysis_report_indicators set decision = 'no', decision_note = 'Sweep' where report_id = $1 and indicator_id = 'ca.resource_plan'`, [r.id]);
      return { body: { state: r.stateIso2, year: String(r.year), gap: 'ca.resource_plan' } };
    },
  },
  'POST /:locale/analysis/follow-ups/:id': { allowed: STAFF, prepare: async () => followUpRequest('draft', { subject: 'Subject by the sweep', body: 'Letter written by the sweep' }) },
  'POST /:locale/analysis/follow-ups/:id/language': { allowed: STAFF, prepare: async () => followUpRequest('draft', { locale: 'fr', reply_by: '' }) },
  'POST /:locale/analysis/follow-ups/:id/send': { note: 'To the focal points of Senegal (its preparer and approver).', allowed: STAFF, prepare: async () => followUpRequest('draft', {}) },
  'POST /:locale/analysis/follow-ups/:id/answer': { allowed: STAFF, prepare: async () => followUpRequest('sent', { note: 'Answered, says the sweep' }) },
  'POST /:locale/analysis/follow-ups/:id/close': { allowed: STAFF, prepare: async () => followUpRequest('answered', {}) },
  'POST /:locale/analysis/follow-ups/templates/:key/:lang': {
    allowed: STAFF,
    prepare: async () => {
      const [row] = await t.database.query<{ version: number }>(`select version from analysis_letter_templates where key = 'gaps' and locale = 'en'`);
      return { params: { key: 'gaps', lang: 'en' }, body: { version: String(row!.version), subject: 'Sweep {year}', body: 'Written by the sweep for {state}: {gaps}' } };
    },
  },

  // ==== Questionnaires (src/areas/questionnaires/policy.ts): the owning committee's members, ISU staff
  // and administrators build, circulate and read results; the sweep's committee member belongs to
  // cooperation-assistance, which owns every questionnaire made here.
  'POST /:locale/questionnaires/new': { allowed: OWNERS, prepare: async () => ({ body: { title: 'Questionnaire of the sweep', description: '', sourceLocale: 'en', committeeId: '' } }) },
  'POST /:locale/questionnaires/:id/copy': { allowed: OWNERS, prepare: async () => ({ params: { id: await questionnaire({ circulated: true }) }, body: { title: 'Copy made by the sweep' } }) },
  'POST /:locale/questionnaires/:id/versions': {
    note: 'A new version of a circulated (frozen) questionnaire.',
    allowed: OWNERS,
    prepare: async () => ({ params: { id: await questionnaire({ circulated: true }) } }),
  },
  'POST /:locale/questionnaires/:id/build/details': {
    allowed: OWNERS,
    prepare: async () => {
      const id = await questionnaire();
      return { params: { id }, body: await formOn(`/en/questionnaires/${id}/build/details`, `/en/questionnaires/${id}/build/details`, { title: 'Renamed by the sweep' }) };
    },
  },
  'POST /:locale/questionnaires/:id/build/sections': { allowed: OWNERS, prepare: async () => ({ params: { id: await questionnaire() }, body: { _version: '1', title: 'Section added by the sweep', intro: '' } }) },
  'POST /:locale/questionnaires/:id/build/sections/:sid': {
    allowed: OWNERS,
    prepare: async () => {
      const id = await questionnaire();
      const url = `/en/questionnaires/${id}/build/sections/gender`;
      return { params: { id, sid: 'gender' }, body: await formOn(url, url, { title: 'Gender (renamed by the sweep)' }) };
    },
  },
  'POST /:locale/questionnaires/:id/build/sections/:sid/delete': {
    allowed: OWNERS,
    prepare: async () => {
      const id = await questionnaire();
      const url = `/en/questionnaires/${id}/build/sections/gender/delete`;
      return { params: { id, sid: 'gender' }, body: await formOn(url, url) };
    },
  },
  'POST /:locale/questionnaires/:id/build/sections/:sid/move': { allowed: OWNERS, prepare: async () => ({ params: { id: await questionnaire(), sid: 'gender' }, body: { _version: '1', direction: 'up' } }) },
  'POST /:locale/questionnaires/:id/build/sections/:sid/questions': {
    allowed: OWNERS,
    prepare: async () => ({ params: { id: await questionnaire(), sid: 'support' }, body: { _version: '1', type: 'yesno', label: 'A question of the sweep' } }),
  },
  'POST /:locale/questionnaires/:id/build/sections/:sid/questions/:qid': {
    allowed: OWNERS,
    prepare: async () => {
      const id = await questionnaire();
      const url = `/en/questionnaires/${id}/build/sections/support/questions/challenges`;
      const { _version, _base } = await formOn(url, url);
      return { params: { id, sid: 'support', qid: 'challenges' }, body: { _version, _base, _action: 'save', code: 'challenges', label: 'Main challenges (sweep)' } };
    },
  },
  'POST /:locale/questionnaires/:id/build/sections/:sid/questions/:qid/move': {
    allowed: OWNERS,
    prepare: async () => ({ params: { id: await questionnaire(), sid: 'support', qid: 'challenges' }, body: { _version: '1', direction: 'up' } }),
  },
  'POST /:locale/questionnaires/:id/build/sections/:sid/questions/:qid/delete': {
    allowed: OWNERS,
    prepare: async () => {
      const id = await questionnaire();
      const url = `/en/questionnaires/${id}/build/sections/support/questions/challenges/delete`;
      return { params: { id, sid: 'support', qid: 'challenges' }, body: await formOn(url, url) };
    },
  },
  'POST /:locale/questionnaires/:id/translations/:lang': {
    allowed: OWNERS,
    prepare: async () => {
      const id = await questionnaire();
      const url = `/en/questionnaires/${id}/translations/es`;
      return { params: { id, lang: 'es' }, body: await formOn(url, url, { 't.support.title': 'Apoyo recibido (barrido)' }) };
    },
  },
  'POST /:locale/questionnaires/:id/preview': {
    note: "Checks answers as a respondent would send them; stores nothing.",
    allowed: OWNERS,
    writes: false,
    prepare: async () => ({ params: { id: await questionnaire() }, query: 'lang=en', body: { 's.support.received': 'no', _action: 'check' } }),
  },

  // ---- Circulation.
  'POST /:locale/questionnaires/:id/circulation/settings': {
    allowed: OWNERS,
    prepare: async () => {
      const id = await questionnaire();
      return { params: { id }, body: { version: await questionnaireVersion(id), opensOn: '', closesOn: day(30), reminderEveryDays: '7' } };
    },
  },
  'POST /:locale/questionnaires/:id/circulation/circulate': {
    allowed: OWNERS,
    prepare: async () => {
      const id = await questionnaire({ closesAt: new Date(Date.now() + 30 * 86_400_000) });
      await createInvitation(t.database, testConfig().secret, id, {});
      return { params: { id }, body: { version: await questionnaireVersion(id), confirm: 'yes' } };
    },
  },
  'POST /:locale/questionnaires/:id/circulation/close': {
    allowed: OWNERS,
    prepare: async () => {
      const id = await questionnaire({ circulated: true });
      return { params: { id }, body: { version: await questionnaireVersion(id) } };
    },
  },
  'POST /:locale/questionnaires/:id/circulation/reopen': {
    note: 'A questionnaire closed by hand is reopened with a new closing date (canReopenQuestionnaire).',
    allowed: OWNERS,
    prepare: async () => {
      const id = await questionnaire({ circulated: true, closedAt: new Date(Date.now() - 3600_000) });
      return { params: { id }, body: { version: await questionnaireVersion(id), closesOn: day(30) } };
    },
  },
  'POST /:locale/questionnaires/:id/circulation/remind': {
    allowed: OWNERS,
    prepare: async () => {
      const id = await questionnaire({ circulated: true });
      await createInvitation(t.database, testConfig().secret, id, {});
      return { params: { id } };
    },
  },
  'POST /:locale/questionnaires/:id/circulation/invitations/new': {
    allowed: OWNERS,
    prepare: async () => ({ params: { id: await questionnaire() }, body: { audience: 'donor', stateIso2: 'NO', name: 'Kari Sweep', email: `kari.${Date.now()}@sweep.example.org`, organisation: '', locale: 'en' } }),
  },
  'POST /:locale/questionnaires/:id/circulation/invitations/group': { allowed: OWNERS, prepare: async () => ({ params: { id: await questionnaire() }, body: { group: 'committee' } }) },
  'POST /:locale/questionnaires/:id/circulation/invitations/paste': {
    allowed: OWNERS,
    prepare: async () => ({ params: { id: await questionnaire() }, body: { audience: 'mine_action_director', list: `Awa Sweep; awa.${Date.now()}@sweep.example.org; SN; fr` } }),
  },
  'POST /:locale/questionnaires/:id/circulation/invitations/:invitationId/edit': {
    allowed: OWNERS,
    prepare: async () => {
      const id = await questionnaire();
      const { invitation } = await createInvitation(t.database, testConfig().secret, id, {});
      return { params: { id, invitationId: invitation.id }, body: { name: 'Renamed By The Sweep', email: invitation.email, organisation: 'CNAMS', locale: 'fr' } };
    },
  },
  'POST /:locale/questionnaires/:id/circulation/invitations/:invitationId/new-link': {
    allowed: OWNERS,
    prepare: async () => {
      const id = await questionnaire();
      return { params: { id, invitationId: (await createInvitation(t.database, testConfig().secret, id, {})).invitation.id } };
    },
  },
  'POST /:locale/questionnaires/:id/circulation/invitations/:invitationId/revoke': {
    allowed: OWNERS,
    prepare: async () => {
      const id = await questionnaire();
      return { params: { id, invitationId: (await createInvitation(t.database, testConfig().secret, id, {})).invitation.id } };
    },
  },

  // ---- Results: never public; the owning committee, ISU staff and administrators.
  ...Object.fromEntries(
    ['csv', 'xlsx'].map((ext) => [
      `GET /:locale/questionnaires/:id/results/export.${ext}`,
      { allowed: OWNERS, prepare: async () => ({ params: { id: (await answered()).questionnaireId } }) } satisfies Rule,
    ]),
  ),
  'POST /:locale/questionnaires/:id/results/answers/tags': {
    allowed: OWNERS,
    prepare: async () => {
      const a = await answered();
      return { params: { id: a.questionnaireId }, body: { response: a.responseId, path: 'support.challenges', tag: 'funding gap' } };
    },
  },
  'POST /:locale/questionnaires/:id/results/answers/tags/remove': {
    allowed: OWNERS,
    prepare: async () => {
      const a = await answered();
      const isu = people.get('isu')!.agent!;
      await isu.get(`/en/questionnaires/${a.questionnaireId}/results/answers`);
      const added = await isu.post(`/en/questionnaires/${a.questionnaireId}/results/answers/tags`, { response: a.responseId, path: 'support.challenges', tag: 'to remove' });
      if (added.status !== 303) throw new Error(`tag not added: ${added.status}`);
      return { params: { id: a.questionnaireId }, body: { response: a.responseId, path: 'support.challenges', tag: 'to remove' } };
    },
  },

  // ---- Answering: by personal link (the token is the credential, like an invitation or a
  // password-reset link: public by design; answering-access.test.ts checks expired, revoked and
  // unknown links), or signed in through an invitation naming the account (canAnswerAsAccount).
  'POST /:locale/answer/:token/sections/:section': { allowed: 'public', note: 'Authorised by the personal link, not by a role.' },
  'POST /:locale/answer/:token/sections/:section/resolve': { allowed: 'public', note: 'Authorised by the personal link, not by a role.' },
  'POST /:locale/answer/:token/submit': { allowed: 'public', note: 'Authorised by the personal link, not by a role.' },
  'POST /:locale/answer/:token/files': { allowed: 'public', note: 'Authorised by the personal link, not by a role.' },
  'POST /:locale/answer/:token/files/:file/delete': { allowed: 'public', note: 'Authorised by the personal link, not by a role.' },
  'POST /:locale/questionnaires/:id/respond/sections/:section': {
    note: "Only the account the invitation names answers; Senegal's approver (same State) has no invitation of their own.",
    allowed: ['preparer'],
    prepare: async () => ({ params: { id: await invitedPreparer(), section: 'support' }, body: { _version: '0', 's.support.received': 'no', 's.support.challenges': 'Saved by the sweep', _action: 'later' } }),
  },
  'POST /:locale/questionnaires/:id/respond/sections/:section/resolve': {
    note: 'Keeps the respondent’s own answers after a colleague saved meanwhile.',
    allowed: ['preparer'],
    prepare: async () => {
      const id = await invitedPreparer({ values: { support: { received: 'no', challenges: 'A colleague wrote this' } } });
      return { params: { id, section: 'support' }, body: { _version: await responseVersion(id), 's.support.received': 'no', 's.support.challenges': 'The sweep keeps this', 'keep.support.challenges': 'mine' } };
    },
  },
  'POST /:locale/questionnaires/:id/respond/submit': {
    allowed: ['preparer'],
    prepare: async () => {
      const id = await invitedPreparer({ values: { support: { received: 'no' } } });
      return { params: { id }, body: { _version: await responseVersion(id), confirm: 'yes' } };
    },
  },
  'POST /:locale/questionnaires/:id/respond/files': {
    allowed: ['preparer'],
    prepare: async () => ({ params: { id: await invitedPreparer() }, parts: [{ name: 'file', filename: 'sweep-evidence.pdf', type: 'application/pdf', data: PDF }] }),
  },
  'POST /:locale/questionnaires/:id/respond/files/:file/delete': {
    allowed: ['preparer'],
    prepare: async () => {
      const id = await invitedPreparer();
      const up = await postAs('preparer', `/en/questionnaires/${id}/respond/files`, `/en/questionnaires/${id}/respond/files`, [{ name: 'file', filename: 'to-delete.pdf', type: 'application/pdf', data: PDF }]);
      if (up.statusCode !== 303) throw new Error(`upload: ${up.statusCode}`);
      const list = await people.get('preparer')!.agent!.get(`/en/questionnaires/${id}/respond/files`);
      const file = /respond\/files\/([0-9a-f-]{36})"/.exec(list.body)![1]!;
      return { params: { id, file } };
    },
  },

  // ==== Engagement (src/areas/engagement/policy.ts): committee members and ISU record meetings,
  // the individualised approach and national platforms; work plans and the conclusions paper are the
  // plan's committee's (and ISU's). State users read some of them but change none.
  'POST /:locale/meetings': { allowed: OWNERS, prepare: async () => ({ body: { ...MEETING, title: 'Meeting recorded by the sweep' } }) },
  'POST /:locale/meetings/:id': {
    allowed: OWNERS,
    prepare: async () => {
      const m = await meeting();
      return { params: { id: m.id }, body: { ...MEETING, title: 'Meeting edited by the sweep', version: String(m.version) } };
    },
  },
  'POST /:locale/meetings/:id/participants': { allowed: OWNERS, prepare: async () => ({ params: { id: (await meeting()).id }, body: { kind: 'state', state: 'TD', role: 'presenter' } }) },
  'POST /:locale/meetings/:id/participants/:participant/delete': {
    allowed: OWNERS,
    prepare: async () => {
      const m = await meeting();
      const [p] = await db().insert(meetingParticipants).values({ meetingId: m.id, kind: 'person', name: 'Awa Ndiaye', role: 'observer' }).returning();
      return { params: { id: m.id, participant: p!.id } };
    },
  },
  'POST /:locale/meetings/:id/actions': { allowed: OWNERS, prepare: async () => ({ params: { id: (await meeting()).id }, body: { kind: 'follow_up', text: 'Follow-up of the sweep', due: '2025-04-15', status: 'open' } }) },
  'POST /:locale/meetings/:id/actions/:action': {
    allowed: OWNERS,
    prepare: async () => {
      const m = await meeting();
      const a = await meetingAction(m.id);
      return { params: { id: m.id, action: a.id }, body: { version: String(a.version), kind: 'follow_up', text: 'Edited by the sweep', due: '2025-04-15', status: 'in_progress' } };
    },
  },
  'POST /:locale/meetings/:id/actions/:action/done': {
    allowed: OWNERS,
    prepare: async () => {
      const m = await meeting();
      const a = await meetingAction(m.id);
      return { params: { id: m.id, action: a.id }, body: { version: String(a.version) } };
    },
  },
  'POST /:locale/meetings/:id/actions/:action/review': {
    note: 'Reviewed at a later meeting.',
    allowed: OWNERS,
    prepare: async () => {
      const m = await meeting();
      const later = await meeting({ startsAt: new Date('2025-09-10T08:00:00Z'), endsAt: new Date('2025-09-10T09:00:00Z') });
      const a = await meetingAction(m.id);
      return { params: { id: m.id, action: a.id }, body: { version: String(a.version), later: later.id, note: 'Reviewed by the sweep', status: 'done' } };
    },
  },
  'POST /:locale/meetings/:id/documents': {
    allowed: OWNERS,
    prepare: async () => ({ params: { id: (await meeting()).id }, parts: [{ name: 'title', value: 'Agenda (sweep)' }, { name: 'kind', value: 'agenda' }, { name: 'file', filename: 'agenda.pdf', type: 'application/pdf', data: PDF }] }),
  },
  'POST /:locale/meetings/:id/documents/:doc/delete': {
    allowed: OWNERS,
    prepare: async () => {
      const m = await meeting();
      const up = await postAs('isu', `/en/meetings/${m.id}`, `/en/meetings/${m.id}/documents`, [{ name: 'title', value: 'To delete' }, { name: 'kind', value: 'agenda' }, { name: 'file', filename: 'agenda.pdf', type: 'application/pdf', data: PDF }]);
      if (up.statusCode !== 303) throw new Error(`upload: ${up.statusCode}`);
      const [d] = await t.database.query<{ id: string }>(`select id::text as id from meeting_documents where meeting_id = $1`, [m.id]);
      return { params: { id: m.id, doc: d!.id } };
    },
  },
  'POST /:locale/meetings/:id/links': {
    allowed: OWNERS,
    prepare: async () => ({ params: { id: (await meeting()).id }, body: { address: 'https://www.apminebanconvention.org/', label: 'Convention website' } }),
  },
  'POST /:locale/meetings/:id/links/:link/delete': {
    allowed: OWNERS,
    prepare: async () => {
      const m = await meeting();
      return { params: { id: m.id, link: await evidenceLink('meeting', m.id) } };
    },
  },
  'POST /:locale/calendar/feed': { allowed: SIGNED_IN, note: 'Everyone signed in has a personal feed (canHaveCalendarFeed); it lists only the meetings they may read.' },
  'GET /calendar/:file': { allowed: 'public', note: 'The iCalendar feed: its secret address is the credential (like a personal link); meetings-feed.test.ts checks what each feed lists.' },

  // ---- The individualised approach: committee members and ISU follow it; the State reads its own.
  'POST /:locale/individualised-approach': { allowed: OWNERS, prepare: async () => ({ body: { state: await nextState(), interest_on: '2023-02-15', intended_event: 'Intersessional meetings (sweep)' } }) },
  'POST /:locale/individualised-approach/:id/interest': {
    allowed: OWNERS,
    prepare: async () => {
      const ia = await individualised();
      return { params: { id: ia.id }, body: { version: String(ia.version), state: ia.stateIso2, interest_on: '2023-02-16', intended_event: 'June (sweep)' } };
    },
  },
  'POST /:locale/individualised-approach/:id/status': {
    allowed: OWNERS,
    prepare: async () => {
      const ia = await individualised();
      return { params: { id: ia.id }, body: { version: String(ia.version), to: 'preparation' } };
    },
  },
  'POST /:locale/individualised-approach/:id/profile': {
    allowed: OWNERS,
    prepare: async () => {
      const ia = await individualised();
      return { params: { id: ia.id }, body: { version: String(ia.version), needs: 'Needs written by the sweep', plans: 'Plans written by the sweep' } };
    },
  },
  'POST /:locale/individualised-approach/:id/profile/prefill': {
    allowed: OWNERS,
    prepare: async () => {
      const ia = await individualised();
      return { params: { id: ia.id }, body: { version: String(ia.version), replace: 'yes' } };
    },
  },
  'POST /:locale/individualised-approach/:id/meeting': {
    allowed: OWNERS,
    prepare: async () => {
      const ia = await individualised();
      const m = await meeting({ kind: 'individualised_approach' });
      return { params: { id: ia.id }, body: { version: String(ia.version), meeting: m.id } };
    },
  },
  'POST /:locale/individualised-approach/:id/summary': {
    allowed: OWNERS,
    prepare: async () => {
      const ia = await individualised();
      return { params: { id: ia.id }, body: { version: String(ia.version), 'text-en': 'Summary written by the sweep.' } };
    },
  },
  'POST /:locale/individualised-approach/:id/final-report': {
    allowed: OWNERS,
    prepare: async () => {
      const ia = await individualised();
      return { params: { id: ia.id }, body: { version: String(ia.version), 'text-en': 'Final report written by the sweep.' } };
    },
  },
  'POST /:locale/individualised-approach/:id/publish': {
    note: 'A final report, once written, is published on the State’s page.',
    allowed: OWNERS,
    prepare: async () => {
      const ia = await individualised({ status: 'summary', finalReport: { en: 'Final report of the sweep.' } });
      return { params: { id: ia.id }, body: { version: String(ia.version) } };
    },
  },
  'POST /:locale/individualised-approach/:id/withdraw': {
    allowed: OWNERS,
    prepare: async () => {
      const ia = await individualised({ status: 'summary', finalReport: { en: 'Published by the sweep.' }, publishedAt: new Date() });
      return { params: { id: ia.id }, body: { version: String(ia.version) } };
    },
  },

  // ---- National platforms: committee members and ISU edit; a State only reads its own.
  'POST /:locale/national-platforms/:iso2': {
    allowed: OWNERS,
    prepare: async () => {
      const iso2 = await platform();
      const [p] = await t.database.query<{ version: number }>(`select version from national_platforms where state_iso2 = $1`, [iso2]);
      return { params: { iso2: iso2.toLowerCase() }, body: { version: String(p!.version), exists: 'yes', established_on: '2023-11-20', last_met_on: '2024-05-14', chaired_by: 'National centre (sweep)' } };
    },
  },
  'POST /:locale/national-platforms/:iso2/members': {
    allowed: OWNERS,
    prepare: async () => ({ params: { iso2: (await platform()).toLowerCase() }, body: { organisation: 'Operator of the sweep', kind: 'operator', women: '2', men: '3', other: '' } }),
  },
  'POST /:locale/national-platforms/:iso2/members/:member/delete': {
    allowed: OWNERS,
    prepare: async () => {
      const iso2 = await platform();
      const [m] = await db().insert(nationalPlatformMembers).values({ stateIso2: iso2, organisation: 'To delete (sweep)', kind: 'donor' }).returning();
      return { params: { iso2: iso2.toLowerCase(), member: m!.id } };
    },
  },

  // ---- Work plans: members of the plan's committee, ISU staff and administrators edit.
  'POST /:locale/work-plans': { allowed: OWNERS, prepare: async () => ({ body: { committee: 'cooperation-assistance', year: String(nextPlanYear()), kind: 'work_plan' } }) },
  'POST /:locale/work-plans/:id/intro': {
    allowed: OWNERS,
    prepare: async () => {
      const p = await workPlan();
      return { params: { id: p.id }, body: { version: String(p.version), intro: 'Introduction by the sweep' } };
    },
  },
  'POST /:locale/work-plans/:id/items': { allowed: OWNERS, prepare: async () => ({ params: { id: (await workPlan()).id }, body: { title: 'Item of the sweep', due: '2025-06-30', status: 'planned', actions: 'OAP-45' } }) },
  'POST /:locale/work-plans/:id/items/:item': {
    allowed: OWNERS,
    prepare: async () => {
      const p = await workPlan();
      const i = await planItem(p.id);
      return { params: { id: p.id, item: i.id }, body: { version: String(i.version), title: 'Edited by the sweep', status: 'in_progress' } };
    },
  },
  'POST /:locale/work-plans/:id/items/:item/delete': {
    allowed: OWNERS,
    prepare: async () => {
      const p = await workPlan();
      const i = await planItem(p.id);
      return { params: { id: p.id, item: i.id }, body: { version: String(i.version), confirm: 'yes' } };
    },
  },
  'POST /:locale/work-plans/:id/items/:item/move': {
    allowed: OWNERS,
    prepare: async () => {
      const p = await workPlan();
      await planItem(p.id, 0);
      const i = await planItem(p.id, 1);
      return { params: { id: p.id, item: i.id }, body: { direction: 'up' } };
    },
  },
  'POST /:locale/work-plans/:id/items/:item/links': {
    allowed: OWNERS,
    prepare: async () => {
      const p = await workPlan();
      return { params: { id: p.id, item: (await planItem(p.id)).id }, body: { address: 'https://www.apminebanconvention.org/', label: 'Convention website' } };
    },
  },
  'POST /:locale/work-plans/:id/items/:item/links/:link/delete': {
    allowed: OWNERS,
    prepare: async () => {
      const p = await workPlan();
      const i = await planItem(p.id);
      return { params: { id: p.id, item: i.id, link: await evidenceLink('plan_item', i.id) } };
    },
  },

  // ---- The committee's conclusions paper: every committee member and ISU read and download it;
  // the paper's committee (and ISU) edit it.
  ...Object.fromEntries(
    ['docx', 'pdf'].map((ext) => [
      `GET /:locale/committee-papers/:committee/:year.${ext}`,
      { allowed: OWNERS, prepare: async () => ({ params: { committee: 'cooperation-assistance', year: '2023' }, query: 'lang=en' }) } satisfies Rule,
    ]),
  ),
  'POST /:locale/committee-papers/:committee/:year': {
    allowed: OWNERS,
    prepare: async () => ({ params: { committee: 'cooperation-assistance', year: '2023' }, body: await paperForm({ s_introduction: 'Introduction written by the sweep' }) }),
  },
  'POST /:locale/committee-papers/:committee/:year/redraft': {
    allowed: OWNERS,
    prepare: async () => {
      const { version, lang } = await paperForm({});
      return { params: { committee: 'cooperation-assistance', year: '2023' }, body: { version, lang } };
    },
  },
  'POST /:locale/committee-papers/:committee/:year/status': {
    allowed: OWNERS,
    prepare: async () => {
      const { version } = await paperForm({});
      const [p] = await t.database.query<{ status: string }>(`select status from committee_papers where committee_id = 'cooperation-assistance' and year = 2023`);
      return { params: { committee: 'cooperation-assistance', year: '2023' }, body: { version, lang: 'en', status: p?.status === 'final' ? 'draft' : 'final' } };
    },
  },
};

/** The six `<name>.<locale>` fields of an action-plan text. */
function planTextFields(name: string, text: Record<string, string>): Record<string, string> {
  return Object.fromEntries(['ar', 'zh', 'en', 'fr', 'ru', 'es'].map((l) => [`${name}.${l}`, text[l] ?? '']));
}

/** The current version of an action-plan row, as its edit page would carry it. */
async function planRowVersion(table: 'action_plan_sections' | 'plan_actions' | 'plan_action_indicators', id: string): Promise<string> {
  const [row] = await t.database.query<{ version: number }>(`select version from ${table} where id = $1`, [id]);
  return String(row!.version);
}

/** A detector term with this phrase (created if missing); returns its id. */
/** The version of the year's observations paper, created (empty) if there is none yet. */
async function paperVersion(year: number): Promise<number> {
  await t.database.query(`insert into analysis_observation_papers (year, kind) values ($1, 'preliminary') on conflict do nothing`, [year]);
  const [row] = await t.database.query<{ version: number }>(`select version from analysis_observation_papers where year = $1 and kind = 'preliminary'`, [year]);
  return row!.version;
}

async function detectorTerm(phrase: string): Promise<string> {
  await db().execute(sql`insert into analysis_detector_terms (indicator_id, locale, kind, phrase) values ('ca.national_platform', 'en', 'term', ${phrase}) on conflict do nothing`);
  const [row] = await t.database.query<{ id: string }>(`select id::text as id from analysis_detector_terms where phrase = $1`, [phrase]);
  return row!.id;
}

/* ------------------------------------------------------------------------------------------ */

/** A reminder rule with this offset in the given state (created if missing); returns its id. */
async function reminderRule(offsetDays: number, enabled: boolean): Promise<string> {
  await db().execute(sql`insert into compliance_reminder_rules (offset_days, enabled) values (${offsetDays}, ${enabled}) on conflict (offset_days) do update set enabled = excluded.enabled`);
  const r = (await db().execute(sql`select id::text as id from compliance_reminder_rules where offset_days = ${offsetDays}`)) as unknown as { rows?: { id: string }[] } | { id: string }[];
  return (Array.isArray(r) ? r : (r.rows ?? []))[0]!.id;
}

const DOWNLOAD = /\.(csv|json|xlsx|pdf|docx|zip|ics)$/;

/** The routes this sweep owns: everything but the GET pages of the permissions matrix. */
function sweptRoutes(app: LoggedApp['app']): string[] {
  const keys = new Set<string>();
  for (const r of app.routeList) {
    if (r.method === 'HEAD' || r.method === 'OPTIONS') continue;
    const isPage = r.method === 'GET' && (r.url === '/:locale' || r.url.startsWith('/:locale/')) && !DOWNLOAD.test(r.url);
    if (!isPage) keys.add(`${r.method} ${r.url}`);
  }
  return [...keys].sort();
}

let t: LoggedApp;
let sn: Cast;
const people = new Map<Who, Person>();
let fingerprint: () => Promise<string>;
let fx: Fixtures;
const db = () => t.database.db;

async function tokenIdOf(p: Person): Promise<string> {
  const [row] = await t.database.query<{ id: string }>(`select id from api_tokens where user_id = $1 and name = 'owned' order by created_at limit 1`, [p.id]);
  if (row) return row.id;
  await createApiToken(t.database, p.id);
  await t.database.query(`update api_tokens set name = 'owned' where id = (select id from api_tokens where user_id = $1 and name = 'sweep' order by created_at desc limit 1)`, [p.id]);
  return tokenIdOf(p);
}

beforeAll(async () => {
  t = await createLoggedApp();
  const data = await exampleParams(t.database);
  fingerprint = await databaseFingerprinter(t.database);
  const cast: [Who, Parameters<typeof person>[1]][] = [
    ['preparer', { role: 'state_preparer', stateIso2: 'SN' }],
    ['approver', { role: 'state_approver', stateIso2: 'SN' }],
    ['other_state', { role: 'state_preparer', stateIso2: 'IQ' }],
    ['other_approver', { role: 'state_approver', stateIso2: 'IQ' }],
    ['committee', { role: 'committee_member', committeeId: 'cooperation-assistance' }],
    ['isu', { role: 'isu_staff' }],
    ['admin', { role: 'admin' }],
  ];
  for (const [who, u] of cast) people.set(who, await person(t, u));
  sn = { preparer: people.get('preparer')!, approver: people.get('approver')!, isu: people.get('isu')! };

  let year = 2000;
  let draft: ReportRow | undefined;
  let submitted: ReportRow | undefined;
  // A published report first, so "unchanged since" has something to take.
  await driveReport(t, sn, { year: 1999, upTo: 'published', marker: 'BASELINE' });
  fx = {
    data,
    people,
    freeYear: () => year++,
    report: (stage) => driveReport(t, sn, { year: year++, upTo: stage, marker: `SWEEP-${stage}` }),
    sharedDraft: async () => (draft ??= await driveReport(t, sn, { year: year++, upTo: 'draft', marker: 'SHARED-DRAFT' })),
    sharedSubmitted: async () => (submitted ??= await driveReport(t, sn, { year: year++, upTo: 'submitted', marker: 'SHARED-SUBMITTED' })),
    formVersion: async (reportId, formId) => (await repo.findForm(db(), reportId, formId))!.version,
    newUser: async (o) => {
      const row = await createUser(t.database, { role: 'state_preparer', stateIso2: 'SN', name: 'Target Of The Sweep' });
      const patch: Partial<typeof users.$inferInsert> = {};
      if (o.disabled) patch.disabledAt = new Date();
      if (o.locked) patch.lockedUntil = new Date(Date.now() + 3600_000);
      if (o.invited) patch.passwordHash = null;
      if (Object.keys(patch).length) await db().update(users).set(patch).where(sql`${users.id} = ${row.id}`);
      return row.id;
    },
  };
}, 120_000);
afterAll(async () => t?.close());

/* ------------------------------------------------------------------------------------------ */
/* Sending a request as someone                                                                */
/* ------------------------------------------------------------------------------------------ */

interface Answer {
  status: number;
  location: string | undefined;
  contentType: string;
  body: string;
  reqId: string;
}

async function send(who: Who, method: string, path: string, p: Prepared): Promise<Answer> {
  const reqId = newRequestId();
  const person_ = people.get(who);
  const headers: Record<string, string> = { 'x-request-id': reqId };
  let res: { statusCode: number; headers: Record<string, unknown>; body: string };
  if (path.startsWith('/api/')) {
    headers.accept = 'application/json';
    if (person_) headers.authorization = `Bearer ${person_.token}`;
    const hasBody = method !== 'GET' && method !== 'HEAD';
    if (hasBody) headers['content-type'] = 'application/json';
    res = await t.app.inject({ method: method as 'GET', url: path, headers, ...(hasBody ? { payload: JSON.stringify(p.body ?? {}) } : {}) });
  } else {
    const agent = person_?.agent ?? anonymous;
    if (!agent.lastCsrf) await agent.get('/en/login');
    const cookie = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (cookie) headers.cookie = cookie;
    if (method === 'GET') {
      res = await t.app.inject({ method: 'GET', url: path, headers, remoteAddress: agent.ip });
    } else if (p.parts) {
      const { body, contentType } = multipartBody([{ name: '_csrf', value: agent.lastCsrf ?? '' }, ...p.parts]);
      res = await t.app.inject({ method: method as 'POST', url: path, payload: body, headers: { ...headers, 'content-type': contentType }, remoteAddress: agent.ip });
    } else {
      const form = new URLSearchParams();
      form.append('_csrf', agent.lastCsrf ?? '');
      for (const [k, v] of Object.entries(p.body ?? {})) form.append(k, String(v));
      res = await t.app.inject({ method: method as 'POST', url: path, payload: form.toString(), headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, remoteAddress: agent.ip });
    }
  }
  return {
    status: res.statusCode,
    location: typeof res.headers.location === 'string' ? res.headers.location : undefined,
    contentType: String(res.headers['content-type'] ?? ''),
    body: res.body,
    reqId,
  };
}

let anonymous: ReturnType<typeof agentAt>;

/** What is wrong with a refusal ([] when it is a proper one). */
function refusalProblems(who: Who, api: boolean, a: Answer): string[] {
  if (who === 'anonymous') {
    if (api) return (a.status === 401 || a.status === 404) && a.contentType.includes('application/problem+json') ? [] : [`expected 401/404 problem+json, got ${a.status} ${a.contentType}`];
    if ((a.status === 303 || a.status === 302) && /\/login\b/.test(a.location ?? '')) return [];
    if (a.status === 401 || a.status === 404) return [];
    return [`expected a redirect to sign in, got ${a.status}${a.location ? ` → ${a.location}` : ''}`];
  }
  if (a.status !== 403 && a.status !== 404) return [`expected 403/404, got ${a.status}${a.location ? ` → ${a.location}` : ''}`];
  if (api && !a.contentType.includes('application/problem+json')) return [`expected problem+json, got ${a.contentType}`];
  return [];
}

/** The refusal's log line: a 403 must be logged with the user's id and the URL, and not be a CSRF failure. */
function logProblems(who: Who, path: string, a: Answer): string[] {
  if (a.status !== 403) return [];
  const entry = t.logs.find((l) => l.reqId === a.reqId && l.msg === 'access denied');
  if (!entry?.denied) return ['403 not logged as "access denied"'];
  const problems: string[] = [];
  const d = entry.denied;
  if (d.userId !== (people.get(who)?.id ?? null)) problems.push(`logged user ${String(d.userId)}, expected ${people.get(who)?.id ?? null}`);
  if (!d.url.startsWith(path)) problems.push(`logged url ${d.url}`);
  if (d.code.startsWith('csrf')) problems.push('refused by the CSRF check, not by the policy');
  return problems;
}

describe('authorisation sweep', () => {
  beforeAll(async () => {
    anonymous = agentAt(t.app);
    await anonymous.get('/en/login');
  });

  it('has a rule for every route the app registers', () => {
    const missing = sweptRoutes(t.app).filter((k) => !(k in RULES));
    expect(missing, `Add a rule to RULES in tests/integration/quality/authorisation-sweep.test.ts for: ${missing.join(', ')} — who may use it, and how to prepare a request that would succeed for them`).toEqual([]);
    const stale = Object.keys(RULES).filter((k) => !sweptRoutes(t.app).includes(k));
    expect(stale, 'Rules for routes that no longer exist').toEqual([]);
  });

  it('refuses every role a rule does not allow, changes nothing, logs it; the allowed role gets through', async () => {
    const wrong: string[] = [];
    let refusals = 0;
    for (const key of sweptRoutes(t.app)) {
      const rule = RULES[key];
      if (!rule || rule.allowed === 'public') continue;
      const [method, route] = key.split(' ') as [string, string];
      const api = route.startsWith('/api/');
      const prepared = rule.prepare ? await rule.prepare(fx) : {};
      const { path: basePath, missing } = fillRoute(route, 'en', (name) => prepared.params?.[name]);
      if (missing.length) {
        wrong.push(`${key}: the rule gives no value for ${missing.join(', ')}`);
        continue;
      }
      const path = prepared.query ? `${basePath}?${prepared.query}` : basePath;
      const allowed = rule.allowed === 'own-account' ? SIGNED_IN : rule.allowed;
      const writes = rule.writes ?? method !== 'GET';
      for (const who of WHO) {
        if (allowed.includes(who)) continue;
        const before = method === 'GET' ? '' : await fingerprint();
        const a = await send(who, method, path, prepared);
        refusals++;
        for (const p of [...refusalProblems(who, api, a), ...logProblems(who, path, a)]) wrong.push(`${who} ${method} ${path} (${route}): ${p}`);
        if (a.status >= 500) wrong.push(`${who} ${method} ${path}: ${a.status}`);
        if (method !== 'GET') {
          const changed = changedTables(before, await fingerprint());
          if (changed.length) wrong.push(`${who} ${method} ${path} (${route}): refused but changed ${changed.join(', ')}`);
        }
      }
      // The allowed role, last: the same request goes through (and writes).
      const control = rule.control === undefined ? (rule.allowed === 'own-account' ? null : allowed[0]) : rule.control;
      if (!control) continue;
      const before = writes ? await fingerprint() : '';
      const a = await send(control, method, path, prepared);
      const ok = a.status < 400 || a.status === rule.controlStatus;
      if (!ok) wrong.push(`${control} (allowed) ${method} ${path} (${route}): got ${a.status} ${a.body.slice(0, 200)}`);
      if (writes && ok && !changedTables(before, await fingerprint()).length) wrong.push(`${control} (allowed) ${method} ${path} (${route}): answered ${a.status} but wrote nothing`);
    }
    expect(wrong).toEqual([]);
    expect(refusals).toBeGreaterThan(150);
  }, 300_000); // every rule × every role; minutes on a busy machine
});

describe('staff among themselves', () => {
  it('ISU staff cannot edit, disable or create administrators or other ISU staff (403, nothing written, logged)', async () => {
    const adminId = people.get('admin')!.id;
    const otherIsu = await createUser(t.database, { role: 'isu_staff' });
    const attempts: [string, Prepared][] = [
      [`/en/admin/users/${adminId}`, { body: { name: 'Demoted', role: 'state_preparer', stateIso2: 'SN', committeeId: '', locale: 'en', organisation: '', version: '1' } }],
      [`/en/admin/users/${adminId}/disable`, {}],
      [`/en/admin/users/${otherIsu.id}/disable`, {}],
      [`/en/admin/users/${otherIsu.id}`, { body: { name: 'Renamed', role: 'isu_staff', stateIso2: '', committeeId: '', locale: 'en', organisation: '', version: '1' } }],
      ['/en/admin/users/new', { body: { name: 'New Admin', email: `new.admin.${Date.now()}@test.example.org`, role: 'admin', stateIso2: '', committeeId: '', locale: 'en', organisation: '' } }],
      ['/en/admin/states/new', { body: { iso2: 'XT', iso3: 'XTT', nameAr: 'x', nameZh: 'x', nameEn: 'x', nameFr: 'x', nameRu: 'x', nameEs: 'x', region: 'europe', reportingLanguage: 'en', consentType: 'accession', consentDate: '2025-01-10' } }],
    ];
    for (const [path, p] of attempts) {
      const before = await fingerprint();
      const a = await send('isu', 'POST', path, p);
      expect(a.status, path).toBe(403);
      expect(logProblems('isu', path, a), path).toEqual([]);
      expect(changedTables(before, await fingerprint()), path).toEqual([]);
    }
  });
});

/*
 * The sweep's committee member belongs to cooperation-assistance, which owns the records of the
 * rules above. Questionnaires, meetings, work plans and papers of another committee are not theirs
 * to change (questionnaires/policy.ts `owns`, engagement/policy.ts canEditMeeting, canCreateWorkPlan,
 * canEditCommitteePaper): refused, nothing written, logged; ISU staff then send the same request.
 */
describe("another committee's records", () => {
  it('refuses a member of cooperation-assistance on records of article5; ISU staff get through with the same request', async () => {
    const wrong: string[] = [];
    const cases: [string, string, () => Promise<{ path: string; p: Prepared }>][] = [
      ['questionnaire: add a section', 'POST', async () => ({ path: `/en/questionnaires/${await questionnaire({ committeeId: 'article5' })}/build/sections`, p: { body: { _version: '1', title: 'Not theirs', intro: '' } } })],
      [
        'questionnaire: circulation settings',
        'POST',
        async () => {
          const id = await questionnaire({ committeeId: 'article5' });
          return { path: `/en/questionnaires/${id}/circulation/settings`, p: { body: { version: await questionnaireVersion(id), opensOn: '', closesOn: day(30), reminderEveryDays: '7' } } };
        },
      ],
      [
        'questionnaire: tag an answer',
        'POST',
        async () => {
          const a = await answered('article5');
          return { path: `/en/questionnaires/${a.questionnaireId}/results/answers/tags`, p: { body: { response: a.responseId, path: 'support.challenges', tag: 'not theirs' } } };
        },
      ],
      ['questionnaire: export the results', 'GET', async () => ({ path: `/en/questionnaires/${(await answered('article5')).questionnaireId}/results/export.csv`, p: {} })],
      [
        'meeting of article5 they may read (platform): edit it',
        'POST',
        async () => {
          const m = await meeting({ committeeIds: ['article5'], confidentiality: 'platform' });
          return { path: `/en/meetings/${m.id}`, p: { body: { ...MEETING, committees: 'article5', confidentiality: 'platform', title: 'Not theirs', version: String(m.version) } } };
        },
      ],
      ['meeting of article5: add a follow-up', 'POST', async () => ({ path: `/en/meetings/${(await meeting({ committeeIds: ['article5'], confidentiality: 'platform' })).id}/actions`, p: { body: { kind: 'follow_up', text: 'Not theirs', status: 'open' } } })],
      ['work plan: start one for article5', 'POST', async () => ({ path: '/en/work-plans', p: { body: { committee: 'article5', year: '2026', kind: 'gender_action_plan' } } })],
      ['work plan of article5: add an item', 'POST', async () => ({ path: `/en/work-plans/${(await workPlan('article5')).id}/items`, p: { body: { title: 'Not theirs', status: 'planned' } } })],
      [
        'conclusions paper of article5',
        'POST',
        async () => {
          const url = '/en/committee-papers/article5/2023';
          return { path: url, p: { body: await formOn(`${url}?lang=en`, url, { s_introduction: 'Not theirs' }) } };
        },
      ],
    ];
    for (const [what, method, make] of cases) {
      const { path, p } = await make();
      const before = await fingerprint();
      const a = await send('committee', method, path, p);
      for (const problem of [...refusalProblems('committee', false, a), ...logProblems('committee', path, a)]) wrong.push(`${what}: ${problem}`);
      if (method !== 'GET' && changedTables(before, await fingerprint()).length) wrong.push(`${what}: refused but changed ${changedTables(before, await fingerprint()).join(', ')}`);
      const control = await send('isu', method, path, p);
      if (control.status >= 400) wrong.push(`${what}: ISU staff got ${control.status}`);
      if (method !== 'GET' && !changedTables(before, await fingerprint()).length) wrong.push(`${what}: ISU staff wrote nothing`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

describe('a State taking part in a meeting', () => {
  it("reads it but changes nothing in it: Senegal's users are refused (403, logged), ISU staff get through", async () => {
    const m = await meeting({ confidentiality: 'participants' });
    await db().insert(meetingParticipants).values({ meetingId: m.id, kind: 'state', stateIso2: 'SN', role: 'presenter' });
    const requests: [string, Prepared][] = [
      [`/en/meetings/${m.id}`, { body: { ...MEETING, confidentiality: 'participants', title: 'Changed by a participant', version: String(m.version) } }],
      [`/en/meetings/${m.id}/actions`, { body: { kind: 'commitment', text: 'Written by a participant', status: 'open' } }],
      [`/en/meetings/${m.id}/links`, { body: { address: 'https://www.apminebanconvention.org/' } }],
    ];
    for (const who of OWN_STATE) {
      expect((await send(who, 'GET', `/en/meetings/${m.id}`, {})).status, `${who} reads the meeting`).toBe(200);
      for (const [path, p] of requests) {
        const before = await fingerprint();
        const a = await send(who, 'POST', path, p);
        expect(a.status, `${who} ${path}`).toBe(403);
        expect(logProblems(who, path, a), path).toEqual([]);
        expect(changedTables(before, await fingerprint()), path).toEqual([]);
      }
    }
    const before = await fingerprint();
    expect((await send('isu', 'POST', requests[1]![0], requests[1]![1])).status).toBe(303);
    expect(changedTables(before, await fingerprint()).length).toBeGreaterThan(0);
  });
});

/*
 * H4. Refusals that hide a record's existence (404: another State's draft asked for by id, in the
 * pages and the API) are not logged: server.tsx logs "access denied" for 403 only, and a 404 for a
 * record the caller may not see cannot be told from an unknown id. Fix: give AppError an optional
 * `denied` flag that is never serialised (not in `details`, which problem+json sends), set it where
 * a policy hides a record (reporting routes.tsx loadReport callers, export-routes.tsx loadVersion,
 * api-routes.ts visibleReport) with e.g. `hidden()` = `Object.assign(notFound(), { denied: true })`,
 * and in server.tsx's error handler log `access denied` when `status === 403 || e.denied`.
 * Expected to fail until then: make it an `it` when it turns red.
 */
describe("hidden refusals", () => {
  const paths = (id: string) => [`/en/reports/${id}`, `/en/reports/${id}/export.json`, `/api/v1/reports/${id}`, `/api/v1/reports/${id}/draft`];
  it("another State's draft is hidden: 404, as for an unknown id", async () => {
    const draft = await fx.sharedDraft();
    for (const path of paths(draft.id)) expect((await send('other_state', 'GET', path, {})).status, path).toBe(404);
  });

  it("H4: another State's draft asked for by id is logged as a refusal, in pages and the API", async () => {
    const draft = await fx.sharedDraft();
    for (const path of paths(draft.id)) {
      const a = await send('other_state', 'GET', path, {});
      const entry = t.logs.find((l) => l.reqId === a.reqId && l.msg === 'access denied');
      expect(entry?.denied?.userId, path).toBe(people.get('other_state')!.id);
    }
  });
});

/** A follow-up of Senegal in the given status, created for one rule; the request that acts on it. */
/** Each sweep follow-up has a year of its own: a State has at most one open follow-up per year. */
let followUpYear = 1900;
async function followUpRequest(status: 'draft' | 'sent' | 'answered', body: Record<string, string>): Promise<Prepared> {
  const [row] = await t.database.query<{ id: string; version: number }>(
    `insert into analysis_follow_ups (state_iso2, year, gaps, locale, template_key, subject, body, status, sent_at) values ('SN', $2, '{ca.resource_plan}', 'fr', 'gaps', 'Lettre de suivi (balayage)', 'Texte de la lettre (balayage)', $1, case when $1 = 'draft' then null else now() end) returning id::text as id, version`,
    [status, ++followUpYear],
  );
  return { params: { id: row!.id }, body: { version: String(row!.version), ...body } };
}

/* ------------------------------------------------------------------------------------------ */
/* Records for the questionnaires and engagement rules                                         */
/* ------------------------------------------------------------------------------------------ */

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/**
 * The fields of the form on `page` that posts to `action`, as ISU staff see it (hidden versions and
 * bases included: they do not depend on who reads them), with some changed.
 */
async function formOn(page: string, action: string, changes: Record<string, string> = {}): Promise<Record<string, string>> {
  const res = await people.get('isu')!.agent!.get(page);
  if (res.status !== 200) throw new Error(`${page}: ${res.status}`);
  const form = [...res.body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].find((m) => decode(/action="([^"]*)"/.exec(m[1]!)?.[1] ?? '').split('?')[0] === action);
  if (!form) throw new Error(`${page}: no form posting to ${action}`);
  const html = form[2]!;
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input\b[^>]*>/g)) {
    const tag = m[0];
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    if (!name || name === '_csrf') continue;
    if (/type="(checkbox|radio)"/.test(tag) && !/\schecked/.test(tag)) continue;
    fields[decode(name)] = decode(/value="([^"]*)"/.exec(tag)?.[1] ?? '');
  }
  for (const m of html.matchAll(/<textarea\b[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) fields[decode(m[1]!)] = decode(m[2]!);
  for (const m of html.matchAll(/<select\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = /<option\b[^>]*value="([^"]*)"[^>]*\sselected/.exec(m[2]!) ?? /<option\b[^>]*value="([^"]*)"/.exec(m[2]!);
    fields[decode(m[1]!)] = decode(selected?.[1] ?? '');
  }
  return { ...fields, ...changes };
}

/** A multipart form posted by `who` from `page` (for records a rule needs before its request). */
async function postAs(who: Who, page: string, action: string, parts: Part[]) {
  const agent = people.get(who)!.agent!;
  await agent.get(page);
  const { body, contentType } = multipartBody([{ name: '_csrf', value: agent.lastCsrf ?? '' }, ...parts]);
  const cookie = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.inject({ method: 'POST', url: action, payload: body, headers: { cookie, 'content-type': contentType }, remoteAddress: agent.ip });
}

/** A questionnaire of cooperation-assistance with the sample content: a draft unless `circulated`. */
async function questionnaire(o: { circulated?: boolean; closesAt?: Date; closedAt?: Date; committeeId?: string } = {}): Promise<string> {
  return (await createQuestionnaire(t.database, { circulated: o.circulated ?? false, ...(o.closesAt ? { closesAt: o.closesAt } : {}), ...(o.closedAt ? { closedAt: o.closedAt } : {}), ...(o.committeeId ? { committeeId: o.committeeId } : {}) })).questionnaireId;
}

async function questionnaireVersion(id: string): Promise<string> {
  const [row] = await t.database.query<{ version: number }>(`select version from questionnaires where id = $1`, [id]);
  return String(row!.version);
}

/** An open questionnaire with a submitted answer from Senegal. */
async function answered(committeeId = 'cooperation-assistance'): Promise<{ questionnaireId: string; responseId: string }> {
  const f = await createQuestionnaire(t.database, { committeeId });
  const { invitation } = await createInvitation(t.database, testConfig().secret, f.questionnaireId, {});
  const r = await createResponse(t.database, f, invitation, { values: { support: { received: true, amount: 1000, challenges: 'Funding is short' } }, submitted: true });
  return { questionnaireId: f.questionnaireId, responseId: r.id };
}

/** An open questionnaire with an invitation naming Senegal's preparer (and a response with `values`, if given). */
async function invitedPreparer(o: { values?: Record<string, Record<string, unknown>> } = {}): Promise<string> {
  const f = await createQuestionnaire(t.database, {});
  const { invitation } = await createInvitation(t.database, testConfig().secret, f.questionnaireId, { userId: people.get('preparer')!.id, stateIso2: 'SN' });
  if (o.values) await createResponse(t.database, f, invitation, { values: o.values });
  return f.questionnaireId;
}

async function responseVersion(questionnaireId: string): Promise<string> {
  const [row] = await t.database.query<{ version: number }>(`select version from questionnaire_responses where questionnaire_id = $1`, [questionnaireId]);
  return String(row!.version);
}


/** A meeting of cooperation-assistance (committee confidentiality unless changed). */
async function meeting(o: Partial<typeof meetings.$inferInsert> = {}): Promise<{ id: string; version: number }> {
  const [m] = await db()
    .insert(meetings)
    .values({ kind: 'bilateral', title: { en: 'Meeting of the sweep' }, startsAt: new Date('2025-03-10T09:00:00Z'), endsAt: new Date('2025-03-10T10:30:00Z'), committeeIds: ['cooperation-assistance'], confidentiality: 'committee', ...o })
    .returning();
  return { id: m!.id, version: m!.version };
}

async function meetingAction(meetingId: string) {
  const [a] = await db().insert(meetingActions).values({ meetingId, kind: 'follow_up', text: 'Action of the sweep', status: 'open' }).returning();
  return a!;
}

async function evidenceLink(sourceType: 'meeting' | 'plan_item', sourceId: string): Promise<string> {
  const [l] = await db().insert(evidenceLinks).values({ sourceType, sourceId, targetType: 'url', targetRef: 'https://www.apminebanconvention.org/', label: 'Linked by the sweep' }).returning();
  return l!.id;
}

/** A State with no individualised approach yet, for the rule that starts one. */
async function nextState(): Promise<string> {
  const [row] = await t.database.query<{ iso2: string }>(
    `select iso2 from states where iso2 = any($1::text[]) and iso2 not in (select state_iso2 from individualised_approaches) order by array_position($1::text[], iso2) limit 1`,
    [['KH', 'TD', 'AO', 'CO', 'TH', 'LK', 'ZW', 'YE']],
  );
  return row!.iso2;
}

async function individualised(o: Partial<typeof individualisedApproaches.$inferInsert> = {}) {
  const [r] = await db().insert(individualisedApproaches).values({ stateIso2: 'SN', interestOn: '2023-02-15', ...o }).returning();
  return r!;
}

/** Senegal's national platform (recorded once). */
async function platform(): Promise<string> {
  await db().insert(nationalPlatforms).values({ stateIso2: 'SN', exists: 'yes' }).onConflictDoNothing();
  return 'SN';
}

let planYear = 2060;
const nextPlanYear = () => planYear++;

async function workPlan(committeeId = 'cooperation-assistance') {
  const [p] = await db().insert(workPlans).values({ committeeId, year: nextPlanYear(), kind: 'work_plan' }).returning();
  return p!;
}

async function planItem(planId: string, position = 0) {
  const [i] = await db().insert(workPlanItems).values({ planId, position, title: { en: `Item ${position} of the sweep` } }).returning();
  return i!;
}

/** The conclusions paper's edit form for cooperation-assistance, 2023, in English. */
async function paperForm(changes: Record<string, string>): Promise<Record<string, string>> {
  const url = '/en/committee-papers/cooperation-assistance/2023';
  return formOn(`${url}?lang=en`, url, changes);
}
