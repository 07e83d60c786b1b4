CREATE TABLE "questionnaire_answer_tags" (
	"response_id" uuid NOT NULL,
	"path" text NOT NULL,
	"tag" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "questionnaire_answer_tags_response_id_path_tag_pk" PRIMARY KEY("response_id","path","tag")
);
--> statement-breakpoint
CREATE TABLE "questionnaire_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"state_iso2" text,
	"user_id" uuid,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"organisation" text,
	"locale" text DEFAULT 'en' NOT NULL,
	"link_nonce" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"last_reminded_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "questionnaire_invitations_locale" CHECK ("questionnaire_invitations"."locale" in ('ar','zh','en','fr','ru','es'))
);
--> statement-breakpoint
CREATE TABLE "questionnaire_response_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"response_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"actor_name" text NOT NULL,
	"invitation_id" uuid,
	"user_id" uuid,
	"values" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questionnaire_response_files" (
	"response_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_name" text NOT NULL,
	CONSTRAINT "questionnaire_response_files_response_id_file_id_pk" PRIMARY KEY("response_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "questionnaire_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"respondent_key" text NOT NULL,
	"audience" text NOT NULL,
	"state_iso2" text,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submitted_by_name" text,
	"receipt" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_name" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questionnaire_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"content" jsonb NOT NULL,
	"frozen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questionnaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"committee_id" text,
	"source_locale" text DEFAULT 'en' NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"circulated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"reminder_every_days" integer,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "questionnaires_dates_order" CHECK ("questionnaires"."opens_at" is null or "questionnaires"."closes_at" is null or "questionnaires"."closes_at" > "questionnaires"."opens_at"),
	CONSTRAINT "questionnaires_source_locale" CHECK ("questionnaires"."source_locale" in ('ar','zh','en','fr','ru','es')),
	CONSTRAINT "questionnaires_reminder_days" CHECK ("questionnaires"."reminder_every_days" is null or "questionnaires"."reminder_every_days" between 1 and 90)
);
--> statement-breakpoint
ALTER TABLE "questionnaire_answer_tags" ADD CONSTRAINT "questionnaire_answer_tags_response_id_questionnaire_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."questionnaire_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_answer_tags" ADD CONSTRAINT "questionnaire_answer_tags_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_invitations" ADD CONSTRAINT "questionnaire_invitations_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_invitations" ADD CONSTRAINT "questionnaire_invitations_state_iso2_states_iso2_fk" FOREIGN KEY ("state_iso2") REFERENCES "public"."states"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_invitations" ADD CONSTRAINT "questionnaire_invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_invitations" ADD CONSTRAINT "questionnaire_invitations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_response_events" ADD CONSTRAINT "questionnaire_response_events_response_id_questionnaire_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."questionnaire_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_response_events" ADD CONSTRAINT "questionnaire_response_events_invitation_id_questionnaire_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."questionnaire_invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_response_events" ADD CONSTRAINT "questionnaire_response_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_response_files" ADD CONSTRAINT "questionnaire_response_files_response_id_questionnaire_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."questionnaire_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_response_files" ADD CONSTRAINT "questionnaire_response_files_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_version_id_questionnaire_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."questionnaire_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_state_iso2_states_iso2_fk" FOREIGN KEY ("state_iso2") REFERENCES "public"."states"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_versions" ADD CONSTRAINT "questionnaire_versions_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_versions" ADD CONSTRAINT "questionnaire_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "questionnaire_answer_tags_tag_idx" ON "questionnaire_answer_tags" USING btree ("tag");--> statement-breakpoint
CREATE INDEX "questionnaire_invitations_q_idx" ON "questionnaire_invitations" USING btree ("questionnaire_id");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_invitations_token" ON "questionnaire_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_invitations_email" ON "questionnaire_invitations" USING btree ("questionnaire_id",lower("email"));--> statement-breakpoint
CREATE INDEX "questionnaire_response_events_response_idx" ON "questionnaire_response_events" USING btree ("response_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_responses_respondent" ON "questionnaire_responses" USING btree ("questionnaire_id","respondent_key");--> statement-breakpoint
CREATE INDEX "questionnaire_responses_state_idx" ON "questionnaire_responses" USING btree ("state_iso2");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_versions_unique" ON "questionnaire_versions" USING btree ("questionnaire_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_versions_one_draft" ON "questionnaire_versions" USING btree ("questionnaire_id") WHERE "questionnaire_versions"."frozen_at" is null;