/** Public JSON API: the action plans with their sections, actions and indicators. Described once for /api/openapi.json. */
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { MEASURES } from './plans.ts';
import { getPlanTree, listPlans, type PlanSummary, type PlanTree } from './plans-queries.ts';
import type { PlanRow } from './plans-repository.ts';

const localized = z
  .object({ ar: z.string(), zh: z.string(), en: z.string(), fr: z.string(), ru: z.string(), es: z.string() })
  .describe('A text in the six official languages; an empty string where a language is still missing');

const planFields = {
  id: z.string().describe('Stable key, e.g. `oslo-2019`'),
  code: z.string().describe('Prefix of the plan’s action ids, e.g. `OAP`'),
  title: localized,
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  adoptedOn: z.string().nullable().describe('Date of adoption (YYYY-MM-DD)'),
  adoptedAt: localized.nullable().describe('Where it was adopted'),
  toVerify: z.boolean().describe('Some actions are reconstructions still to verify against the official text'),
  toComplete: z.boolean().describe('Some actions are placeholders the ISU is still to complete'),
};

const planSummaryJson = z.object({
  ...planFields,
  sectionCount: z.number().int(),
  actionCount: z.number().int(),
  links: z.object({ self: z.string(), html: z.string() }),
});

const indicatorJson = z.object({
  id: z.string().describe('`<action id>.<n>`, e.g. `OAP-42.1`'),
  title: localized,
  measure: z.enum(MEASURES).nullable().describe('count: a number of States; share: a share of States; yesno: per State'),
});

const actionJson = z.object({
  id: z.string().describe('`<plan code>-<number>`, e.g. `OAP-42`; report fields refer to actions by this id'),
  number: z.number().int(),
  title: localized.describe('Short title, written in the platform’s own words'),
  summary: localized.nullable(),
  themes: z.array(z.string()).describe('e.g. cooperation, gender; `to-verify` and `to-complete` flag data the ISU is still checking'),
  indicators: z.array(indicatorJson),
  links: z.object({ html: z.string() }),
});

const sectionJson = z.object({
  id: z.string(),
  number: z.string().describe('As numbered in the plan, e.g. `VIII`'),
  title: localized,
  actions: z.array(actionJson),
});

const listResponse = z.object({ count: z.number().int(), data: z.array(planSummaryJson) });
const planDocument = z.object({ ...planFields, sections: z.array(sectionJson), links: z.object({ self: z.string(), html: z.string() }) });
const planParams = z.object({ plan: z.string().max(60).describe('The plan’s id, e.g. `oslo-2019`') });

const CACHE = 'public, max-age=300';

function planBase(p: PlanRow, flags: { toVerify: boolean; toComplete: boolean }) {
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    adoptedOn: p.adoptedOn,
    adoptedAt: p.adoptedAt,
    toVerify: flags.toVerify,
    toComplete: flags.toComplete,
  };
}

function summaryJson(s: PlanSummary, locale: string): z.infer<typeof planSummaryJson> {
  return { ...planBase(s.plan, s), sectionCount: s.sections, actionCount: s.actions, links: { self: `/api/v1/action-plans/${s.plan.id}`, html: `/${locale}/plans/${s.plan.id}` } };
}

function treeJson(tree: PlanTree, locale: string): z.infer<typeof planDocument> {
  const { plan } = tree;
  return {
    ...planBase(plan, tree),
    sections: tree.sections.map((s) => ({
      id: s.section.id,
      number: s.section.number,
      title: s.section.title,
      actions: s.actions.map(({ action, indicators }) => ({
        id: action.id,
        number: action.number,
        title: action.title,
        summary: action.summary,
        themes: action.themes,
        indicators: indicators.map((i) => ({ id: i.id, title: i.title, measure: i.measure })),
        links: { html: `/${locale}/plans/${plan.id}/actions/${action.id}` },
      })),
    })),
    links: { self: `/api/v1/action-plans/${plan.id}`, html: `/${locale}/plans/${plan.id}` },
  };
}

export function registerPlansApi(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  deps.api.describe({
    method: 'get',
    path: '/api/v1/action-plans',
    operationId: 'listActionPlans',
    summary: 'Action plans',
    description: 'The action plans adopted by Review Conferences (Oslo Action Plan 2020–2024, Siem Reap–Angkor Action Plan 2025–2029), with their number of sections and actions.',
    tags: ['Action plans'],
    response: listResponse,
    auth: 'none',
  });
  app.get('/api/v1/action-plans', async (req, reply) => {
    const data = (await listPlans(db)).map((s) => summaryJson(s, req.locale));
    return reply.header('cache-control', CACHE).header('vary', 'Accept-Language').send({ count: data.length, data } satisfies z.infer<typeof listResponse>);
  });

  deps.api.describe({
    method: 'get',
    path: '/api/v1/action-plans/{plan}',
    operationId: 'getActionPlan',
    summary: 'One action plan with its sections, actions and indicators',
    description: 'Sections, actions and indicators in the plan’s order. Unknown plans give 404.',
    tags: ['Action plans'],
    params: planParams,
    response: planDocument,
    auth: 'none',
  });
  app.get('/api/v1/action-plans/:plan', async (req, reply) => {
    const p = planParams.safeParse(req.params);
    if (!p.success) throw new AppError('not_found', 'plans.not_found');
    const tree = await getPlanTree(db, p.data.plan);
    return reply.header('cache-control', CACHE).header('vary', 'Accept-Language').send(treeJson(tree, req.locale));
  });
}
