import { sql } from 'drizzle-orm';
import { pgTable, text, uuid, timestamp, date, jsonb, integer, boolean, index, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { states, committees } from '../states/schema.ts';
import { users } from '../accounts/schema.ts';
import { storedFiles } from '../../platform/files/schema.ts';

/**
 * The Committee's own work as data: work plans (including the gender & diversity action plan),
 * meetings and events with their outcomes and follow-up actions, the individualised approach,
 * national mine action platforms, evidence links between them and anything else in the platform,
 * calendar feeds and the year's conclusions paper.
 */

/** A text in the languages it has been written in. */
export type Texts = Partial<Record<'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es', string>>;

/* ---------------- Work plans ---------------- */

export const WORK_PLAN_KINDS = ['work_plan', 'gender_action_plan'] as const;
export type WorkPlanKind = (typeof WORK_PLAN_KINDS)[number];

export const ITEM_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** A committee's plan for a year: its work plan, or its gender & diversity action plan. */
export const workPlans = pgTable(
  'work_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: text('committee_id')
      .notNull()
      .references(() => committees.id),
    year: integer('year').notNull(),
    kind: text('kind', { enum: WORK_PLAN_KINDS }).notNull(),
    /** Introduction in the languages written. */
    intro: jsonb('intro').$type<Texts>().notNull().default({}),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('work_plans_unique').on(t.committeeId, t.year, t.kind), check('work_plans_year', sql`${t.year} between 1999 and 2100`)],
);

/** One item of a plan (a workstream of the gender & diversity plan). */
export const workPlanItems = pgTable(
  'work_plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => workPlans.id, { onDelete: 'cascade' }),
    /** Position in the plan (1, 2, …), shown as the item's number. */
    position: integer('position').notNull(),
    title: jsonb('title').$type<Texts>().notNull(),
    description: jsonb('description').$type<Texts>().notNull().default({}),
    /** A platform user responsible, or a role written out ("Chair", "gender focal point"). */
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    ownerLabel: text('owner_label'),
    dueDate: date('due_date'),
    status: text('status', { enum: ITEM_STATUSES }).notNull().default('planned'),
    /** Action-plan actions the item serves, e.g. ['OAP-45', 'OAP-47']. */
    actionIds: text('action_ids').array().notNull().default([]),
    /** What was done, in the words of whoever updates the status. */
    progressNote: text('progress_note'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('work_plan_items_plan_idx').on(t.planId, t.position), index('work_plan_items_owner_idx').on(t.ownerUserId)],
);

/* ---------------- Evidence links ---------------- */

export const LINK_SOURCES = ['plan_item', 'meeting', 'meeting_action', 'individualised_approach'] as const;
export const LINK_TARGETS = ['report', 'follow_up', 'questionnaire', 'meeting', 'plan_item', 'individualised_approach', 'paper', 'url'] as const;
export type LinkSource = (typeof LINK_SOURCES)[number];
export type LinkTarget = (typeof LINK_TARGETS)[number];

/**
 * "This plan item is evidenced by that report / follow-up / questionnaire / meeting": a link from an
 * engagement record to anything in the platform (by type and id) or to a web address.
 */
export const evidenceLinks = pgTable(
  'engagement_evidence_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceType: text('source_type', { enum: LINK_SOURCES }).notNull(),
    sourceId: uuid('source_id').notNull(),
    targetType: text('target_type', { enum: LINK_TARGETS }).notNull(),
    /** The target's id (uuid, or e.g. "2023/SN" for a follow-up), or the address for `url`. */
    targetRef: text('target_ref').notNull(),
    /** What the link shows, as written when it was added (targets are re-read for their current title). */
    label: text('label'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('engagement_evidence_links_unique').on(t.sourceType, t.sourceId, t.targetType, t.targetRef),
    index('engagement_evidence_links_target_idx').on(t.targetType, t.targetRef),
  ],
);

/* ---------------- Meetings and events ---------------- */

export const MEETING_KINDS = ['committee', 'bilateral', 'workshop', 'panel', 'individualised_approach', 'intersessional', 'msp', 'review_conference'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/**
 * Who may read a meeting: `public` (listed on the public calendar and State pages), `platform`
 * (every signed-in committee member and ISU), `committee` (members of the participating committees
 * and ISU), `participants` (the people listed as participants and ISU).
 */
export const CONFIDENTIALITY = ['public', 'platform', 'committee', 'participants'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY)[number];

export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: MEETING_KINDS }).notNull(),
    title: jsonb('title').$type<Texts>().notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** A meeting over whole days (dates only shown; the feed writes DATE values). */
    allDay: boolean('all_day').notNull().default(false),
    /** IANA time zone of the venue, for display and the feed. */
    timeZone: text('time_zone').notNull().default('Europe/Zurich'),
    place: text('place'),
    online: boolean('online').notNull().default(false),
    /** Committees taking part (ids), e.g. all four for the bilateral meetings of 2023. */
    committeeIds: text('committee_ids').array().notNull().default([]),
    /** Held together with the Presidency. */
    withPresidency: boolean('with_presidency').notNull().default(false),
    confidentiality: text('confidentiality', { enum: CONFIDENTIALITY }).notNull().default('committee'),
    status: text('status', { enum: ['planned', 'held', 'cancelled'] })
      .notNull()
      .default('planned'),
    agenda: text('agenda'),
    notes: text('notes'),
    /** Gender & diversity questions raised, as recorded. */
    genderQuestions: text('gender_questions'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('meetings_starts_idx').on(t.startsAt), check('meetings_order', sql`${t.endsAt} >= ${t.startsAt}`)],
);

export const PARTICIPANT_KINDS = ['state', 'organisation', 'person'] as const;

/** States, organisations and people taking part in a meeting. */
export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: PARTICIPANT_KINDS }).notNull(),
    stateIso2: text('state_iso2').references(() => states.iso2),
    organisation: text('organisation'),
    /** A platform user (people); a `participants` meeting is readable by them. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name'),
    role: text('role', { enum: ['chair', 'presenter', 'participant', 'observer'] })
      .notNull()
      .default('participant'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('meeting_participants_meeting_idx').on(t.meetingId), index('meeting_participants_state_idx').on(t.stateIso2), index('meeting_participants_user_idx').on(t.userId)],
);

/** Documents of a meeting (agenda, presentation, profile, summary), stored in the database. */
export const meetingDocuments = pgTable(
  'meeting_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    kind: text('kind', { enum: ['agenda', 'presentation', 'profile', 'summary', 'report', 'other'] })
      .notNull()
      .default('other'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('meeting_documents_meeting_idx').on(t.meetingId)],
);

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/**
 * What came out of a meeting: outcomes (recorded) and follow-up actions or commitments (with an
 * owner, a due date and a status, tracked at later meetings).
 */
export const meetingActions = pgTable(
  'meeting_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['outcome', 'follow_up', 'commitment'] }).notNull(),
    text: text('text').notNull(),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    ownerLabel: text('owner_label'),
    /** The State that committed (commitments of an individualised-approach meeting). */
    stateIso2: text('state_iso2').references(() => states.iso2),
    dueDate: date('due_date'),
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('open'),
    actionIds: text('action_ids').array().notNull().default([]),
    /** The later meeting where it was last reviewed, and what was said. */
    reviewedAtMeetingId: uuid('reviewed_at_meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    reviewNote: text('review_note'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('meeting_actions_meeting_idx').on(t.meetingId), index('meeting_actions_owner_idx').on(t.ownerUserId), index('meeting_actions_due_idx').on(t.status, t.dueDate)],
);

/* ---------------- Individualised approach ---------------- */

export const IA_STATUSES = ['interest', 'preparation', 'meeting', 'summary', 'published', 'closed'] as const;
export type IndividualisedApproachStatus = (typeof IA_STATUSES)[number];

/** The profile prepared before the meeting, prefilled from the State's latest Article 7 report. */
export interface IaProfile {
  source?: { reportId: string; year: number; versionNo: number };
  /** Free texts per topic, editable: contamination, plans, costs, needs, victim assistance… */
  sections: Record<string, string>;
  /** Figures taken from the report (label key → value), shown with their source. */
  figures?: Record<string, number | string>;
}

/**
 * A State's way through the individualised approach: expression of interest → preparation (profile)
 * → meeting → summary and commitments → final report published on the State's public page.
 */
export const individualisedApproaches = pgTable(
  'individualised_approaches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stateIso2: text('state_iso2')
      .notNull()
      .references(() => states.iso2),
    status: text('status', { enum: IA_STATUSES }).notNull().default('interest'),
    interestOn: date('interest_on').notNull(),
    /** The event where the State intends to present (e.g. "margins of the 21MSP"). */
    intendedEvent: text('intended_event'),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    profile: jsonb('profile').$type<IaProfile>().notNull().default({ sections: {} }),
    /** Summary and final report, per language written. */
    summary: jsonb('summary').$type<Texts>().notNull().default({}),
    finalReport: jsonb('final_report').$type<Texts>().notNull().default({}),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('individualised_approaches_state_idx').on(t.stateIso2)],
);

/* ---------------- National mine action platforms ---------------- */

/** Whether a State has a national mine action platform (dialogue of the State with its partners), as last known. */
export const nationalPlatforms = pgTable(
  'national_platforms',
  {
    stateIso2: text('state_iso2')
      .primaryKey()
      .references(() => states.iso2),
    exists: text('exists', { enum: ['yes', 'no', 'unknown'] })
      .notNull()
      .default('unknown'),
    establishedOn: date('established_on'),
    lastMetOn: date('last_met_on'),
    chairedBy: text('chaired_by'),
    notes: text('notes'),
    /** Action-plan actions and indicators it evidences. */
    actionIds: text('action_ids').array().notNull().default([]),
    /** Where the information comes from (e.g. the 2023 Article 7 report, a bilateral meeting). */
    source: text('source'),
    isDemo: boolean('is_demo').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
  },
);

export const PLATFORM_MEMBER_KINDS = ['government', 'operator', 'un', 'donor', 'civil_society', 'survivors', 'other'] as const;

/** Who takes part in a national platform, with its gender balance. */
export const nationalPlatformMembers = pgTable(
  'national_platform_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stateIso2: text('state_iso2')
      .notNull()
      .references(() => nationalPlatforms.stateIso2, { onDelete: 'cascade' }),
    organisation: text('organisation').notNull(),
    kind: text('kind', { enum: PLATFORM_MEMBER_KINDS }).notNull(),
    women: integer('women'),
    men: integer('men'),
    /** People of another or unstated gender. */
    otherGender: integer('other_gender'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('national_platform_members_state_idx').on(t.stateIso2),
    check('national_platform_members_counts', sql`coalesce(${t.women}, 0) >= 0 and coalesce(${t.men}, 0) >= 0 and coalesce(${t.otherGender}, 0) >= 0`),
  ],
);

/* ---------------- Calendar feeds and the conclusions paper ---------------- */

/** A user's private iCalendar feed address: HMAC(secret, user id + nonce); the hash finds it. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  linkNonce: text('link_nonce').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
});

/** A committee's paper on its activities and priorities for a year, per language. */
export const committeePapers = pgTable(
  'committee_papers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: text('committee_id')
      .notNull()
      .references(() => committees.id),
    year: integer('year').notNull(),
    /** Editable sections per language: { en: { introduction, activities, priorities, gender }, ar: … }. */
    content: jsonb('content').$type<Partial<Record<string, Record<string, string>>>>().notNull().default({}),
    status: text('status', { enum: ['draft', 'final'] })
      .notNull()
      .default('draft'),
    generatedAt: timestamp('generated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('committee_papers_unique').on(t.committeeId, t.year)],
);
