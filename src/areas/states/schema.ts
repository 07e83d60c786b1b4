import { pgTable, text, uuid, timestamp, date, jsonb, integer, boolean, index, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export type LocalizedText = { ar: string; zh: string; en: string; fr: string; ru: string; es: string };

/**
 * Every State that is or was a party. Membership on any date derives from these dates; a future
 * accession or withdrawal is one update of one row.
 */
export const states = pgTable(
  'states',
  {
    /** ISO 3166-1 alpha-2, upper case (URLs use lower case). */
    iso2: text('iso2').primaryKey(),
    iso3: text('iso3').notNull(),
    names: jsonb('names').$type<LocalizedText>().notNull(),
    /** UN regional group-like region used for filters: africa, americas, asia_pacific, europe, middle_east. */
    region: text('region').notNull(),
    signatureDate: date('signature_date'),
    consentType: text('consent_type', { enum: ['ratification', 'accession', 'acceptance', 'approval', 'succession'] }).notNull(),
    consentDate: date('consent_date').notNull(),
    eifDate: date('eif_date').notNull(),
    withdrawalNotifiedDate: date('withdrawal_notified_date'),
    withdrawalEffectiveDate: date('withdrawal_effective_date'),
    /** A status of its own, e.g. Ukraine's 2025 notification "suspending" the treaty (not Art. 20). */
    suspensionNotifiedDate: date('suspension_notified_date'),
    /** Official language the State usually reports in (ar, zh, en, fr, ru, es). */
    reportingLanguage: text('reporting_language').notNull().default('en'),
    note: text('note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('states_iso2_format', sql`${t.iso2} ~ '^[A-Z]{2}$'`),
    check('states_eif_after_consent', sql`${t.eifDate} >= ${t.consentDate}`),
    check('states_withdrawal_order', sql`${t.withdrawalEffectiveDate} is null or ${t.withdrawalNotifiedDate} is not null`),
  ],
);

/** The four committees established by the Third Review Conference (Maputo 2014). */
export const committees = pgTable('committees', {
  id: text('id').primaryKey(), // slug: article5, victim-assistance, cooperation-assistance, cooperative-compliance
  names: jsonb('names').$type<LocalizedText>().notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Which States sit on which committee in which year, and who chairs. */
export const committeeMemberships = pgTable(
  'committee_memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: text('committee_id').notNull().references(() => committees.id),
    stateIso2: text('state_iso2').notNull().references(() => states.iso2),
    year: integer('year').notNull(),
    role: text('role', { enum: ['chair', 'member'] }).notNull().default('member'),
  },
  (t) => [uniqueIndex('committee_memberships_unique').on(t.committeeId, t.stateIso2, t.year)],
);

/**
 * Article 5 clearance deadlines with history: every change inserts a row; the current deadline of
 * a State is its newest row. Rows are never updated.
 */
export const article5Deadlines = pgTable(
  'article5_deadlines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stateIso2: text('state_iso2').notNull().references(() => states.iso2),
    deadline: date('deadline').notNull(),
    /** original (EIF + 10 years), extended (granted), requested (pending decision), completed, expired */
    status: text('status', { enum: ['original', 'extended', 'requested', 'completed', 'expired'] }).notNull(),
    /** Free text: decision reference, meeting, confidence of the source. */
    note: text('note'),
    /** Whether the figure still needs verification against the ISU's table. */
    toVerify: boolean('to_verify').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('article5_deadlines_state_idx').on(t.stateIso2, t.createdAt)],
);
