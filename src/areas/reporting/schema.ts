import { pgTable, text, uuid, timestamp, date, jsonb, integer, boolean, index, uniqueIndex, primaryKey, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { states } from '../states/schema.ts';
import { storedFiles } from '../../platform/files/schema.ts';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'acknowledged', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const FORM_STATUSES = ['not_started', 'in_progress', 'complete', 'unchanged', 'not_applicable'] as const;
export type FormStatus = (typeof FORM_STATUSES)[number];

/** The shared catalogue of anti-personnel mine types used by Forms B, C, D, G and H. */
export const mineTypes = pgTable('mine_types', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** blast, fragmentation, bounding, directional, improvised, unknown */
  category: text('category').notNull(),
  origin: text('origin'),
  notes: text('notes'),
  sortOrder: integer('sort_order').notNull().default(0),
});

/**
 * One Article 7 report of a State for one obligation: the initial report, or the annual report
 * covering calendar year `year` (due 30 April of the next year).
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stateIso2: text('state_iso2').notNull().references(() => states.iso2),
    kind: text('kind', { enum: ['initial', 'annual'] }).notNull(),
    /** Calendar year covered (annual); the year of entry into force (initial). */
    year: integer('year').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    dueDate: date('due_date').notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('draft'),
    visibility: text('visibility', { enum: ['public', 'restricted'] }).notNull().default('public'),
    /** Version of the reporting formats the report was filled in (forms/v<version>.ts). */
    formatVersion: text('format_version').notNull(),
    language: text('language').notNull().default('en'),
    /** A "nothing new" report: every form unchanged or not applicable. */
    nothingNew: boolean('nothing_new').notNull().default(false),
    /** Number of submitted versions (0 while never submitted). */
    currentVersionNo: integer('current_version_no').notNull().default(0),
    /** The version shown to the public (null until first publication). */
    publishedVersionNo: integer('published_version_no'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    uniqueIndex('reports_obligation_unique').on(t.stateIso2, t.kind, t.year),
    index('reports_status_idx').on(t.status, t.year),
    check('reports_period_order', sql`${t.periodEnd} >= ${t.periodStart}`),
    check('reports_language', sql`${t.language} in ('ar','zh','en','fr','ru','es')`),
  ],
);

/** The working copy of each form of a report (values validated by the form definition). */
export const reportForms = pgTable(
  'report_forms',
  {
    reportId: uuid('report_id').notNull().references(() => reports.id, { onDelete: 'cascade' }),
    formId: text('form_id').notNull(),
    status: text('status', { enum: FORM_STATUSES }).notNull().default('not_started'),
    /** With status `unchanged`: the year whose content still applies. */
    unchangedSinceYear: integer('unchanged_since_year'),
    values: jsonb('values').$type<Record<string, Record<string, unknown>>>().notNull().default({}),
    /** Explanations given for warnings, by field path. */
    explanations: jsonb('explanations').$type<Record<string, string>>().notNull().default({}),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.formId] })],
);

/** Every submitted version of a report, kept for ever with the reason for a correction. */
export const reportVersions = pgTable(
  'report_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id').notNull().references(() => reports.id, { onDelete: 'cascade' }),
    versionNo: integer('version_no').notNull(),
    reason: text('reason'),
    formatVersion: text('format_version').notNull(),
    language: text('language').notNull(),
    visibility: text('visibility', { enum: ['public', 'restricted'] }).notNull(),
    nothingNew: boolean('nothing_new').notNull().default(false),
    /** { forms: { [formId]: { status, unchangedSinceYear, values, explanations } } } */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    submittedBy: uuid('submitted_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('report_versions_unique').on(t.reportId, t.versionNo)],
);

/** Clarification threads between ISU and the State, per report and optionally per form. */
export const reviewComments = pgTable(
  'review_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id').notNull().references(() => reports.id, { onDelete: 'cascade' }),
    formId: text('form_id'),
    authorId: uuid('author_id'),
    authorName: text('author_name').notNull(),
    /** isu | state */
    authorSide: text('author_side', { enum: ['isu', 'state'] }).notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by'),
  },
  (t) => [index('review_comments_report_idx').on(t.reportId, t.createdAt)],
);

/** Files attached to a report (PDF, images, spreadsheets), stored in the database. */
export const reportAttachments = pgTable(
  'report_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id').notNull().references(() => reports.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id').notNull().references(() => storedFiles.id),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('report_attachments_report_idx').on(t.reportId)],
);
