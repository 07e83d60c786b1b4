/** Public JSON API: States that are or were parties. Described once for /api/openapi.json. */
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { ARTICLE5_STATUSES, CONSENT_TYPES, isIsoDate, MEMBERSHIP_STATUSES, membershipStatus, REGIONS, REPORTING_LANGUAGES, todayIso } from './membership.ts';
import { currentArticle5Deadline, findState, listStates, type Article5Deadline, type State } from './states-queries.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const localized = z.object({ ar: z.string(), zh: z.string(), en: z.string(), fr: z.string(), ru: z.string(), es: z.string() });

const article5Json = z
  .object({
    deadline: date,
    status: z.enum(ARTICLE5_STATUSES),
    note: z.string().nullable(),
    toVerify: z.boolean().describe('The figure still needs checking against the ISU table'),
    recordedAt: z.string().describe('When this deadline was recorded (ISO 8601)'),
  })
  .describe('The current (most recently recorded) Article 5 clearance deadline');

const stateJson = z.object({
  iso2: z.string().describe('ISO 3166-1 alpha-2, upper case'),
  iso3: z.string().describe('ISO 3166-1 alpha-3'),
  names: localized.describe('Names in the six official languages'),
  region: z.enum(REGIONS),
  signatureDate: date.nullable(),
  consentType: z.enum(CONSENT_TYPES),
  consentDate: date.describe('Deposit of the instrument of ratification, accession, acceptance, approval or succession'),
  eifDate: date.describe('Entry into force for this State'),
  withdrawalNotifiedDate: date.nullable(),
  withdrawalEffectiveDate: date.nullable(),
  suspensionNotifiedDate: date.nullable(),
  reportingLanguage: z.enum(REPORTING_LANGUAGES),
  membershipStatus: z.enum(MEMBERSHIP_STATUSES).describe('Status today (UTC)'),
  article5: article5Json.nullable(),
});

const listQuery = z.object({
  on: z.string().max(20).optional().describe('Keep only the States that were parties on this date (YYYY-MM-DD)'),
});
const listResponse = z.object({
  on: date.nullable().describe('The date asked for with ?on=, or null'),
  count: z.number().int(),
  data: z.array(stateJson),
});
const oneParams = z.object({ iso2: z.string().describe('ISO 3166-1 alpha-2 code, any letter case') });

function article5ToJson(a: Article5Deadline | null): z.infer<typeof article5Json> | null {
  return a ? { deadline: a.deadline, status: a.status, note: a.note, toVerify: a.toVerify, recordedAt: a.createdAt.toISOString() } : null;
}

function stateToJson(s: State, article5: Article5Deadline | null, today: string): z.infer<typeof stateJson> {
  return {
    iso2: s.iso2,
    iso3: s.iso3,
    names: s.names,
    region: s.region as z.infer<typeof stateJson>['region'],
    signatureDate: s.signatureDate,
    consentType: s.consentType,
    consentDate: s.consentDate,
    eifDate: s.eifDate,
    withdrawalNotifiedDate: s.withdrawalNotifiedDate,
    withdrawalEffectiveDate: s.withdrawalEffectiveDate,
    suspensionNotifiedDate: s.suspensionNotifiedDate,
    reportingLanguage: s.reportingLanguage as z.infer<typeof stateJson>['reportingLanguage'],
    membershipStatus: membershipStatus(s, today),
    article5: article5ToJson(article5),
  };
}

const CACHE = 'public, max-age=300';

export function registerStatesApi(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  deps.api.describe({
    method: 'get',
    path: '/api/v1/states',
    operationId: 'listStates',
    summary: 'States that are or were parties',
    description: 'Every State that is or was a party to the Convention, with its membership dates, status today and current Article 5 deadline. With `on`, only the States that were parties on that date.',
    tags: ['States'],
    query: listQuery,
    response: listResponse,
    auth: 'none',
  });
  app.get('/api/v1/states', async (req, reply) => {
    const q = listQuery.safeParse(req.query ?? {});
    if (!q.success || (q.data.on !== undefined && !isIsoDate(q.data.on))) throw new AppError('bad_request', 'api.invalid_date');
    const on = q.data.on;
    const today = todayIso();
    const items = await listStates(db, { partyOn: on, on: today });
    const data = items.map((i) => stateToJson(i.state, i.article5, today)).sort((a, b) => (a.iso2 < b.iso2 ? -1 : 1));
    return reply.header('cache-control', CACHE).send({ on: on ?? null, count: data.length, data } satisfies z.infer<typeof listResponse>);
  });

  deps.api.describe({
    method: 'get',
    path: '/api/v1/states/{iso2}',
    operationId: 'getState',
    summary: 'One State',
    description: 'A State that is or was a party, by its ISO 3166-1 alpha-2 code. Unknown codes give 404.',
    tags: ['States'],
    params: oneParams,
    response: stateJson,
    auth: 'none',
  });
  app.get('/api/v1/states/:iso2', async (req, reply) => {
    const p = oneParams.safeParse(req.params);
    const state = p.success ? await findState(db, p.data.iso2) : undefined;
    if (!state) throw new AppError('not_found', 'states.not_found');
    const article5 = await currentArticle5Deadline(db, state.iso2);
    return reply.header('cache-control', CACHE).send(stateToJson(state, article5, todayIso()));
  });
}
