/**
 * "Where an action is asked": the things that link to an action-plan action — Article 7 form fields
 * today, questionnaire questions and work-plan items later. Areas contribute a provider once, when
 * they register (`actionLinks(deps).provide(...)`); the action page lists what every provider
 * returns. One registry per application (keyed by its deps), so test apps do not share providers.
 */
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { textOf, type FieldDef, type FormDef } from '../../platform/forms/definition.ts';
import { CURRENT_FORMAT } from '../reporting/index.ts';

export interface ActionLink {
  /** What links, translated: e.g. "Article 7 report forms (format 2023)". Links are grouped by it. */
  group: string;
  /** Where the item sits, translated: e.g. "Form J — Other relevant matters · Cooperation". */
  context: string;
  /** The item itself, translated: e.g. a field's label. */
  label: string;
  /** A stable reference shown as code: e.g. `J.cooperation.resourcePlan`. */
  code?: string;
  href?: string;
}

export interface LinkedAction {
  id: string;
  planId: string;
}

export type ActionLinkProvider = (req: FastifyRequest, action: LinkedAction) => ActionLink[] | Promise<ActionLink[]>;

export interface ActionLinkRegistry {
  provide(provider: ActionLinkProvider): void;
  /** Everything that links to an action, provider by provider in the order they were given. */
  linksTo(req: FastifyRequest, action: LinkedAction): Promise<ActionLink[]>;
}

const registries = new WeakMap<object, ActionLinkProvider[]>();

/** The registry of one application. */
export function actionLinks(deps: Pick<AppDeps, 'slots'>): ActionLinkRegistry {
  // Keyed by the app's page slots: one per buildApp, shared by every area's deps.
  let list = registries.get(deps.slots);
  if (!list) registries.set(deps.slots, (list = []));
  const providers = list;
  return {
    provide(provider) {
      providers.push(provider);
    },
    async linksTo(req, action) {
      const out: ActionLink[] = [];
      for (const p of providers) out.push(...(await p(req, action)));
      return out;
    },
  };
}

/** Fields (and table columns) of a form definition that give evidence for an action. */
export function fieldsLinkedTo(def: FormDef, id: string): { sectionId: string; sectionTitle: FormDef['sections'][number]['title']; field: FieldDef; column?: FieldDef }[] {
  const out: ReturnType<typeof fieldsLinkedTo> = [];
  for (const section of def.sections) {
    for (const field of section.fields) {
      if (field.actions?.includes(id)) out.push({ sectionId: section.id, sectionTitle: section.title, field });
      if (field.type === 'table') for (const column of field.columns) if (column.actions?.includes(id)) out.push({ sectionId: section.id, sectionTitle: section.title, field, column });
    }
  }
  return out;
}

/** The Article 7 form fields of the current reporting format that link to an action. */
export const article7FieldLinks: ActionLinkProvider = (req, action) => {
  const text = (t: Parameters<typeof textOf>[0]) => textOf(t, req.locale, (k) => req.tr.t(k));
  const group = req.tr.t('plans.links.article7', { version: CURRENT_FORMAT.version });
  const out: ActionLink[] = [];
  for (const def of CURRENT_FORMAT.forms) {
    for (const hit of fieldsLinkedTo(def, action.id)) {
      out.push({
        group,
        context: req.tr.t('plans.links.form_section', { form: text(def.title), section: text(hit.sectionTitle) }),
        label: hit.column ? req.tr.t('plans.links.column', { table: text(hit.field.label), column: text(hit.column.label) }) : text(hit.field.label),
        code: [def.id, hit.sectionId, hit.field.id, ...(hit.column ? [hit.column.id] : [])].join('.'),
      });
    }
  }
  return out;
};
