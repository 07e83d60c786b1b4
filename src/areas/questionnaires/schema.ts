import { sql } from 'drizzle-orm';
import { pgTable, text, uuid, timestamp, jsonb, integer, boolean, index, uniqueIndex, primaryKey, bigserial, check } from 'drizzle-orm/pg-core';
import { states, committees } from '../states/schema.ts';
import { users } from '../accounts/schema.ts';
import { storedFiles } from '../../platform/files/schema.ts';
import type { QuestionnaireContent, Texts } from './content.ts';

/**
 * Questionnaires the Committee circulates (e.g. the 1 May 2023 one to mine action directors and
 * donors): content as versioned documents compiled to the form engine, invitations with personal
 * links, one shared response per State and audience, its history, tags on free-text answers.
 */

/** Who a questionnaire is sent to. */
export const AUDIENCES = ['mine_action_director', 'donor', 'committee_member', 'other'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const questionnaires = pgTable(
  'questionnaires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Title in the languages it has been written in (the builder shows what is missing). */
    title: jsonb('title').$type<Texts>().notNull(),
    description: jsonb('description').$type<Texts>().notNull().default({}),
    /** The committee that owns it (null: ISU's own). */
    committeeId: text('committee_id').references(() => committees.id),
    /** The language it is written in first; other languages are translations of it. */
    sourceLocale: text('source_locale').notNull().default('en'),
    /** Answers accepted from (inclusive) … until (exclusive); null closesAt: open until closed by hand. */
    opensAt: timestamp('opens_at', { withTimezone: true }),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    /** First circulated (a version frozen and invitations possible); null while a draft. */
    circulatedAt: timestamp('circulated_at', { withTimezone: true }),
    /** Closed by hand before closesAt. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Days between reminders to invitees who have not submitted (null: no automatic reminders). */
    reminderEveryDays: integer('reminder_every_days'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('questionnaires_dates_order', sql`${t.opensAt} is null or ${t.closesAt} is null or ${t.closesAt} > ${t.opensAt}`),
    check('questionnaires_source_locale', sql`${t.sourceLocale} in ('ar','zh','en','fr','ru','es')`),
    check('questionnaires_reminder_days', sql`${t.reminderEveryDays} is null or ${t.reminderEveryDays} between 1 and 90`),
  ],
);

/**
 * The content of a questionnaire, version by version. A version is edited while a draft and frozen
 * when circulated; editing a circulated questionnaire starts the next version (copy of the last).
 * Responses keep the version they were started on.
 */
export const questionnaireVersions = pgTable(
  'questionnaire_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id, { onDelete: 'cascade' }),
    versionNo: integer('version_no').notNull(),
    content: jsonb('content').$type<QuestionnaireContent>().notNull(),
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Optimistic lock of builder edits. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('questionnaire_versions_unique').on(t.questionnaireId, t.versionNo),
    // At most one draft (unfrozen) version per questionnaire.
    uniqueIndex('questionnaire_versions_one_draft').on(t.questionnaireId).where(sql`${t.frozenAt} is null`),
  ],
);

/**
 * One person invited to answer: by e-mail with a personal link, or as a platform user who signs in.
 * The link's token is signed: HMAC(application secret, invitation id + linkNonce), so reminders can
 * repeat the same link while the database alone (which stores only the nonce and the token's
 * SHA-256 for lookup) yields no usable link. A new nonce replaces the link; revocation ends it.
 */
export const questionnaireInvitations = pgTable(
  'questionnaire_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id, { onDelete: 'cascade' }),
    audience: text('audience', { enum: AUDIENCES }).notNull(),
    /** The State the person answers for (colleagues of one State and audience share one response). */
    stateIso2: text('state_iso2').references(() => states.iso2),
    /** A platform account, when the person has one (may then answer after signing in). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    organisation: text('organisation'),
    /** Language of the e-mails and of the first page the link opens. */
    locale: text('locale').notNull().default('en'),
    /** Random value signed into the link; replaced when a new link is issued. */
    linkNonce: text('link_nonce').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    remindersSent: integer('reminders_sent').notNull().default(0),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
    /** Last time the link was opened. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('questionnaire_invitations_q_idx').on(t.questionnaireId),
    uniqueIndex('questionnaire_invitations_token').on(t.tokenHash),
    uniqueIndex('questionnaire_invitations_email').on(t.questionnaireId, sql`lower(${t.email})`),
    check('questionnaire_invitations_locale', sql`${t.locale} in ('ar','zh','en','fr','ru','es')`),
  ],
);

export const RESPONSE_STATUSES = ['in_progress', 'submitted'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

/**
 * One response: shared by the colleagues of one State for one audience (respondentKey
 * `<audience>:<ISO2>`), or personal (`invitation:<id>`) when the invitee answers for no State.
 */
export const questionnaireResponses = pgTable(
  'questionnaire_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => questionnaireVersions.id),
    respondentKey: text('respondent_key').notNull(),
    audience: text('audience', { enum: AUDIENCES }).notNull(),
    stateIso2: text('state_iso2').references(() => states.iso2),
    /** Answers as form values: section → question → value (tables: rows with a stable `_id`). */
    values: jsonb('values').$type<Record<string, Record<string, unknown>>>().notNull().default({}),
    status: text('status', { enum: RESPONSE_STATUSES }).notNull().default('in_progress'),
    /** The language the respondent last answered in. */
    locale: text('locale').notNull().default('en'),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedByName: text('submitted_by_name'),
    /** Receipt reference given on submission, e.g. Q23-SN-7K3D. */
    receipt: text('receipt'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedByName: text('updated_by_name'),
    /** Optimistic lock: saves carry the version they were made on (conflicts shown, not overwritten). */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('questionnaire_responses_respondent').on(t.questionnaireId, t.respondentKey),
    index('questionnaire_responses_state_idx').on(t.stateIso2),
  ],
);

/** What happened to a response after it was first submitted: each submission and each later change, with the values as they then were. */
export const questionnaireResponseEvents = pgTable(
  'questionnaire_response_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    responseId: uuid('response_id')
      .notNull()
      .references(() => questionnaireResponses.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind', { enum: ['submitted', 'changed'] }).notNull(),
    actorName: text('actor_name').notNull(),
    invitationId: uuid('invitation_id').references(() => questionnaireInvitations.id, { onDelete: 'set null' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    values: jsonb('values').$type<Record<string, Record<string, unknown>>>().notNull(),
  },
  (t) => [index('questionnaire_response_events_response_idx').on(t.responseId, t.at)],
);

/** Files attached to a response (stored in the database; chosen in file questions). */
export const questionnaireResponseFiles = pgTable(
  'questionnaire_response_files',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => questionnaireResponses.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdByName: text('created_by_name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.fileId] })],
);

/** Analysts' tags on free-text answers (e.g. "funding gap", "South–South"). */
export const questionnaireAnswerTags = pgTable(
  'questionnaire_answer_tags',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => questionnaireResponses.id, { onDelete: 'cascade' }),
    /** Path of the answer: `section.question` or `section.table.<rowId>.column`. */
    path: text('path').notNull(),
    tag: text('tag').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.path, t.tag] }), index('questionnaire_answer_tags_tag_idx').on(t.tag)],
);
