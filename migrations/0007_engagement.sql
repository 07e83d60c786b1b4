CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"link_nonce" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "committee_papers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" text NOT NULL,
	"year" integer NOT NULL,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"generated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement_evidence_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"target_type" text NOT NULL,
	"target_ref" text NOT NULL,
	"label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "individualised_approaches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state_iso2" text NOT NULL,
	"status" text DEFAULT 'interest' NOT NULL,
	"interest_on" date NOT NULL,
	"intended_event" text,
	"meeting_id" uuid,
	"profile" jsonb DEFAULT '{"sections":{}}'::jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"final_report" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"owner_user_id" uuid,
	"owner_label" text,
	"state_iso2" text,
	"due_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"action_ids" text[] DEFAULT '{}' NOT NULL,
	"reviewed_at_meeting_id" uuid,
	"review_note" text,
	"done_at" timestamp with time zone,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text DEFAULT 'other' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "meeting_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state_iso2" text,
	"organisation" text,
	"user_id" uuid,
	"name" text,
	"role" text DEFAULT 'participant' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"all_day" boolean DEFAULT false NOT NULL,
	"time_zone" text DEFAULT 'Europe/Zurich' NOT NULL,
	"place" text,
	"online" boolean DEFAULT false NOT NULL,
	"committee_ids" text[] DEFAULT '{}' NOT NULL,
	"with_presidency" boolean DEFAULT false NOT NULL,
	"confidentiality" text DEFAULT 'committee' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"agenda" text,
	"notes" text,
	"gender_questions" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "meetings_order" CHECK ("meetings"."ends_at" >= "meetings"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "national_platform_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state_iso2" text NOT NULL,
	"organisation" text NOT NULL,
	"kind" text NOT NULL,
	"women" integer,
	"men" integer,
	"other_gender" integer,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "national_platform_members_counts" CHECK (coalesce("national_platform_members"."women", 0) >= 0 and coalesce("national_platform_members"."men", 0) >= 0 and coalesce("national_platform_members"."other_gender", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "national_platforms" (
	"state_iso2" text PRIMARY KEY NOT NULL,
	"exists" text DEFAULT 'unknown' NOT NULL,
	"established_on" date,
	"last_met_on" date,
	"chaired_by" text,
	"notes" text,
	"action_ids" text[] DEFAULT '{}' NOT NULL,
	"source" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"owner_user_id" uuid,
	"owner_label" text,
	"due_date" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"action_ids" text[] DEFAULT '{}' NOT NULL,
	"progress_note" text,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"intro" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "work_plans_year" CHECK ("work_plans"."year" between 1999 and 2100)
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_papers" ADD CONSTRAINT "committee_papers_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_papers" ADD CONSTRAINT "committee_papers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_papers" ADD CONSTRAINT "committee_papers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_evidence_links" ADD CONSTRAINT "engagement_evidence_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individualised_approaches" ADD CONSTRAINT "individualised_approaches_state_iso2_states_iso2_fk" FOREIGN KEY ("state_iso2") REFERENCES "public"."states"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individualised_approaches" ADD CONSTRAINT "individualised_approaches_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individualised_approaches" ADD CONSTRAINT "individualised_approaches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_state_iso2_states_iso2_fk" FOREIGN KEY ("state_iso2") REFERENCES "public"."states"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_reviewed_at_meeting_id_meetings_id_fk" FOREIGN KEY ("reviewed_at_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_documents" ADD CONSTRAINT "meeting_documents_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_documents" ADD CONSTRAINT "meeting_documents_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_documents" ADD CONSTRAINT "meeting_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_state_iso2_states_iso2_fk" FOREIGN KEY ("state_iso2") REFERENCES "public"."states"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_platform_members" ADD CONSTRAINT "national_platform_members_state_iso2_national_platforms_state_iso2_fk" FOREIGN KEY ("state_iso2") REFERENCES "public"."national_platforms"("state_iso2") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_platforms" ADD CONSTRAINT "national_platforms_state_iso2_states_iso2_fk" FOREIGN KEY ("state_iso2") REFERENCES "public"."states"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_platforms" ADD CONSTRAINT "national_platforms_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plan_items" ADD CONSTRAINT "work_plan_items_plan_id_work_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."work_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plan_items" ADD CONSTRAINT "work_plan_items_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plans" ADD CONSTRAINT "work_plans_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plans" ADD CONSTRAINT "work_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "committee_papers_unique" ON "committee_papers" USING btree ("committee_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "engagement_evidence_links_unique" ON "engagement_evidence_links" USING btree ("source_type","source_id","target_type","target_ref");--> statement-breakpoint
CREATE INDEX "engagement_evidence_links_target_idx" ON "engagement_evidence_links" USING btree ("target_type","target_ref");--> statement-breakpoint
CREATE INDEX "individualised_approaches_state_idx" ON "individualised_approaches" USING btree ("state_iso2");--> statement-breakpoint
CREATE INDEX "meeting_actions_meeting_idx" ON "meeting_actions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_actions_owner_idx" ON "meeting_actions" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "meeting_actions_due_idx" ON "meeting_actions" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "meeting_documents_meeting_idx" ON "meeting_documents" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_participants_meeting_idx" ON "meeting_participants" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_participants_state_idx" ON "meeting_participants" USING btree ("state_iso2");--> statement-breakpoint
CREATE INDEX "meeting_participants_user_idx" ON "meeting_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meetings_starts_idx" ON "meetings" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "national_platform_members_state_idx" ON "national_platform_members" USING btree ("state_iso2");--> statement-breakpoint
CREATE INDEX "work_plan_items_plan_idx" ON "work_plan_items" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "work_plan_items_owner_idx" ON "work_plan_items" USING btree ("owner_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "work_plans_unique" ON "work_plans" USING btree ("committee_id","year","kind");