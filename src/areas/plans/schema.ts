import { pgTable, text, timestamp, date, jsonb, integer, uuid, index, uniqueIndex } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../states/schema.ts';

/**
 * Action plans adopted by Review Conferences (Oslo Action Plan 2020–2024, Siem Reap–Angkor Action
 * Plan 2025–2029) as data: plan → sections → actions → indicators. Report fields, questionnaire
 * questions and work-plan items refer to actions by their id (e.g. "OAP-42").
 */
export const actionPlans = pgTable('action_plans', {
  /** Stable key, e.g. "oslo-2019", "siem-reap-angkor-2024". */
  id: text('id').primaryKey(),
  /** Prefix of the plan's action ids, e.g. "OAP", "SRAAP". */
  code: text('code').notNull().unique(),
  title: jsonb('title').$type<LocalizedText>().notNull(),
  /** Years the plan covers, e.g. 2020–2024. */
  periodStart: integer('period_start').notNull(),
  periodEnd: integer('period_end').notNull(),
  adoptedOn: date('adopted_on'),
  /** Where it was adopted, in the six languages (e.g. the Fourth Review Conference, Oslo). */
  adoptedAt: jsonb('adopted_at').$type<LocalizedText>(),
  sortOrder: integer('sort_order').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
  version: integer('version').notNull().default(1),
});

export const actionPlanSections = pgTable(
  'action_plan_sections',
  {
    /** e.g. "oslo-2019.VIII" */
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => actionPlans.id, { onDelete: 'cascade' }),
    /** As numbered in the plan, e.g. "VIII". */
    number: text('number').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('action_plan_sections_number').on(t.planId, t.number)],
);

export const planActions = pgTable(
  'plan_actions',
  {
    /** `<plan code>-<number>`, e.g. "OAP-42". */
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => actionPlans.id, { onDelete: 'cascade' }),
    sectionId: text('section_id')
      .notNull()
      .references(() => actionPlanSections.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    /** Short title in the six languages, written in the platform's own words. */
    title: jsonb('title').$type<LocalizedText>().notNull(),
    /** Longer gist (optional), own words. */
    summary: jsonb('summary').$type<LocalizedText>(),
    /** Themes for filtering, e.g. "cooperation", "gender". */
    themes: text('themes').array().notNull().default([]),
    sortOrder: integer('sort_order').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('plan_actions_number').on(t.planId, t.number), index('plan_actions_section').on(t.sectionId)],
);

export const planActionIndicators = pgTable(
  'plan_action_indicators',
  {
    /** `<action id>.<n>`, e.g. "OAP-42.1". */
    id: text('id').primaryKey(),
    actionId: text('action_id')
      .notNull()
      .references(() => planActions.id, { onDelete: 'cascade' }),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    /** How it is measured: a count of States, a share of States, or yes/no per State. */
    measure: text('measure', { enum: ['count', 'share', 'yesno'] }),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('plan_action_indicators_action').on(t.actionId)],
);
