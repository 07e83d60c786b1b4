import { sql } from 'drizzle-orm';
import { pgTable, text, uuid, timestamp, jsonb, integer, boolean, index, uniqueIndex, primaryKey, bigserial, customType } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../states/schema.ts';
import { states } from '../states/schema.ts';
import { reports } from '../reporting/schema.ts';

/**
 * The committee's analysis of Article 7 reports: indicators per report (from structured Form J
 * answers and from evidence found in the narratives by a transparent term detector), reviewers'
 * decisions, follow-up letters, observation papers and full-text search.
 */

export const INDICATOR_GROUPS = ['cooperation', 'gender'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

/** What the committee looks for in each report, e.g. "has a resource mobilisation plan". */
export const analysisIndicators = pgTable('analysis_indicators', {
  /** Stable key, e.g. "ca.resource_plan", "gd.integrated". */
  id: text('id').primaryKey(),
  group: text('group', { enum: INDICATOR_GROUPS }).notNull(),
  /** Action-plan actions it measures, e.g. ["OAP-42"]. */
  actionIds: text('action_ids').array().notNull().default([]),
  title: jsonb('title').$type<LocalizedText>().notNull(),
  description: jsonb('description').$type<LocalizedText>(),
  /** Whether a "yes" counts as quantitative information (amounts, counts) rather than qualitative. */
  quantitative: boolean('quantitative').notNull().default(false),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/** Term and phrase lists of the narrative detector, per indicator and language; editable by ISU. */
export const detectorTerms = pgTable(
  'analysis_detector_terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: text('indicator_id')
      .notNull()
      .references(() => analysisIndicators.id, { onDelete: 'cascade' }),
    locale: text('locale').notNull(),
    /** A term that is evidence, or a negation cue that cancels a nearby term ("no platform exists"). */
    kind: text('kind', { enum: ['term', 'negation'] })
      .notNull()
      .default('term'),
    phrase: text('phrase').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('analysis_detector_terms_unique').on(t.indicatorId, t.locale, t.kind, t.phrase), index('analysis_detector_terms_locale').on(t.locale)],
);

/** One piece of evidence behind an indicator: a structured answer or a snippet of a narrative. */
export interface IndicatorEvidence {
  source: 'structured' | 'narrative';
  formId: string;
  /** Field path within the form, e.g. "cooperation.resourcePlan" or "gender.narrative". */
  path: string;
  /** The text around the hit (narratives) or the answer shown (structured). */
  snippet: string;
  /** Offsets of the hit within `snippet` (narratives). */
  start?: number;
  end?: number;
  /** The detector term that matched, and its language. */
  term?: string;
  locale?: string;
  /** A term found but cancelled by a negation cue (shown to the reviewer, not counted). */
  negated?: boolean;
}

export const INDICATOR_VALUES = ['yes', 'no', 'unknown'] as const;
export type IndicatorValue = (typeof INDICATOR_VALUES)[number];

/**
 * An indicator's value for one report: what the analysis found (re-computed on every analysis)
 * and what a reviewer decided (kept across re-analysis; the human decision wins).
 */
export const reportIndicators = pgTable(
  'analysis_report_indicators',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    indicatorId: text('indicator_id')
      .notNull()
      .references(() => analysisIndicators.id, { onDelete: 'cascade' }),
    /** The report version analysed. */
    versionNo: integer('version_no').notNull(),
    autoValue: text('auto_value', { enum: INDICATOR_VALUES }).notNull(),
    autoSource: text('auto_source', { enum: ['structured', 'narrative', 'both', 'none'] }).notNull(),
    evidence: jsonb('evidence').$type<IndicatorEvidence[]>().notNull().default([]),
    analysedAt: timestamp('analysed_at', { withTimezone: true }).notNull().defaultNow(),
    /** The reviewer's decision: confirms or overrides autoValue. */
    decision: text('decision', { enum: ['yes', 'no'] }),
    decisionNote: text('decision_note'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.indicatorId] }), index('analysis_report_indicators_indicator').on(t.indicatorId)],
);

export const FOLLOW_UP_STATUSES = ['draft', 'sent', 'answered', 'closed'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** A follow-up letter to a State about gaps in its report, tracked until closed. */
export const followUps = pgTable(
  'analysis_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stateIso2: text('state_iso2')
      .notNull()
      .references(() => states.iso2),
    /** The reporting year whose reports showed the gap. */
    year: integer('year').notNull(),
    reportId: uuid('report_id').references(() => reports.id, { onDelete: 'set null' }),
    /** Gap keys, e.g. ["cooperation_without_gender"]. */
    gaps: text('gaps').array().notNull().default([]),
    /** Language of the letter (the State's language by default). */
    locale: text('locale').notNull(),
    templateKey: text('template_key'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: FOLLOW_UP_STATUSES }).notNull().default('draft'),
    outboxEmailId: uuid('outbox_email_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answerNote: text('answer_note'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The State's next report, where the answer is expected to show. */
    nextReportId: uuid('next_report_id').references(() => reports.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('analysis_follow_ups_state').on(t.stateIso2, t.year),
    index('analysis_follow_ups_status').on(t.status),
    // At most one open follow-up per State and year (drafting also locks; this holds whatever the code does).
    uniqueIndex('analysis_follow_ups_open').on(t.stateIso2, t.year).where(sql`${t.status} <> 'closed'`),
  ],
);

/** Letter templates per key and language (ICU placeholders such as {state}, {year}); editable by ISU. */
export const letterTemplates = pgTable(
  'analysis_letter_templates',
  {
    key: text('key').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.key, t.locale] })],
);

/** A chosen example of good practice quoted in an observations paper. */
export interface PaperExample {
  reportId: string;
  formId: string;
  path: string;
  quote: string;
  note?: string;
}

/**
 * The committee's observations paper for a year (preliminary observations in June, conclusions in
 * November): the editable parts per language; figures, charts and the follow-up list are computed
 * from the indicators when it is shown or downloaded.
 */
export const observationPapers = pgTable(
  'analysis_observation_papers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    kind: text('kind', { enum: ['preliminary', 'conclusions'] })
      .notNull()
      .default('preliminary'),
    /** Editable text per language: { en: { title, introduction, observations, conclusions }, ar: … }. */
    content: jsonb('content').$type<Partial<Record<string, Record<string, string>>>>().notNull().default({}),
    examples: jsonb('examples').$type<PaperExample[]>().notNull().default([]),
    status: text('status', { enum: ['draft', 'final'] })
      .notNull()
      .default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('analysis_observation_papers_year_kind').on(t.year, t.kind)],
);

const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});

/**
 * Full-text search over the narratives of submitted reports: one row per narrative (or text
 * cell) of a report version, with the text search configuration of its language and the
 * normalised text (Arabic letter forms and diacritics, Latin accents, Chinese segmented).
 */
export const searchDocuments = pgTable(
  'analysis_search_documents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    versionNo: integer('version_no').notNull(),
    stateIso2: text('state_iso2').notNull(),
    year: integer('year').notNull(),
    formId: text('form_id').notNull(),
    path: text('path').notNull(),
    actionIds: text('action_ids').array().notNull().default([]),
    /** Language of the text (ar, zh, en, fr, ru, es) and the PostgreSQL configuration used. */
    lang: text('lang').notNull(),
    config: text('config').notNull(),
    body: text('body').notNull(),
    normalized: text('normalized').notNull(),
    tsv: tsvector('tsv').notNull(),
    /** Public (published, public visibility) or restricted to States Parties and staff. */
    visibility: text('visibility', { enum: ['public', 'restricted'] }).notNull(),
  },
  (t) => [index('analysis_search_documents_tsv').using('gin', t.tsv), index('analysis_search_documents_report').on(t.reportId), index('analysis_search_documents_filters').on(t.year, t.stateIso2, t.formId)],
);
