CREATE TABLE "analysis_indicators" (
	"id" text PRIMARY KEY NOT NULL,
	"group" text NOT NULL,
	"action_ids" text[] DEFAULT '{}' NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"quantitative" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analysis_detector_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" text NOT NULL,
	"locale" text NOT NULL,
	"kind" text DEFAULT 'term' NOT NULL,
	"phrase" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analysis_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state_iso2" text NOT NULL,
	"year" integer NOT NULL,
	"report_id" uuid,
	"gaps" text[] DEFAULT '{}' NOT NULL,
	"locale" text NOT NULL,
	"template_key" text,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"outbox_email_id" uuid,
	"sent_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"answer_note" text,
	"closed_at" timestamp with time zone,
	"next_report_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analysis_letter_templates" (
	"key" text NOT NULL,
	"locale" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "analysis_letter_templates_key_locale_pk" PRIMARY KEY("key","locale")
);
--> statement-breakpoint
CREATE TABLE "analysis_observation_papers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"kind" text DEFAULT 'preliminary' NOT NULL,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"examples" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analysis_report_indicators" (
	"report_id" uuid NOT NULL,
	"indicator_id" text NOT NULL,
	"version_no" integer NOT NULL,
	"auto_value" text NOT NULL,
	"auto_source" text NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"analysed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision" text,
	"decision_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "analysis_report_indicators_report_id_indicator_id_pk" PRIMARY KEY("report_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "analysis_search_documents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"state_iso2" text NOT NULL,
	"year" integer NOT NULL,
	"form_id" text NOT NULL,
	"path" text NOT NULL,
	"action_ids" text[] DEFAULT '{}' NOT NULL,
	"lang" text NOT NULL,
	"config" text NOT NULL,
	"body" text NOT NULL,
	"normalized" text NOT NULL,
	"tsv" "tsvector" NOT NULL,
	"visibility" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compliance_reminder_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offset_days" integer NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compliance_reminder_rules_offset_days_unique" UNIQUE("offset_days")
);
--> statement-breakpoint
CREATE TABLE "action_plan_sections" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"number" text NOT NULL,
	"title" jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_plans" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" jsonb NOT NULL,
	"period_start" integer NOT NULL,
	"period_end" integer NOT NULL,
	"adopted_on" date,
	"adopted_at" jsonb,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "action_plans_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "plan_action_indicators" (
	"id" text PRIMARY KEY NOT NULL,
	"action_id" text NOT NULL,
	"title" jsonb NOT NULL,
	"measure" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"section_id" text NOT NULL,
	"number" integer NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analysis_detector_terms" ADD CONSTRAINT "analysis_detector_terms_indicator_id_analysis_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."analysis_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_follow_ups" ADD CONSTRAINT "analysis_follow_ups_state_iso2_states_iso2_fk" FOREIGN KEY ("state_iso2") REFERENCES "public"."states"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_follow_ups" ADD CONSTRAINT "analysis_follow_ups_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_follow_ups" ADD CONSTRAINT "analysis_follow_ups_next_report_id_reports_id_fk" FOREIGN KEY ("next_report_id") REFERENCES "public"."reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_report_indicators" ADD CONSTRAINT "analysis_report_indicators_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_report_indicators" ADD CONSTRAINT "analysis_report_indicators_indicator_id_analysis_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."analysis_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_search_documents" ADD CONSTRAINT "analysis_search_documents_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_sections" ADD CONSTRAINT "action_plan_sections_plan_id_action_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."action_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_indicators" ADD CONSTRAINT "plan_action_indicators_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_plan_id_action_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."action_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_section_id_action_plan_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."action_plan_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_detector_terms_unique" ON "analysis_detector_terms" USING btree ("indicator_id","locale","kind","phrase");--> statement-breakpoint
CREATE INDEX "analysis_detector_terms_locale" ON "analysis_detector_terms" USING btree ("locale");--> statement-breakpoint
CREATE INDEX "analysis_follow_ups_state" ON "analysis_follow_ups" USING btree ("state_iso2","year");--> statement-breakpoint
CREATE INDEX "analysis_follow_ups_status" ON "analysis_follow_ups" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_observation_papers_year_kind" ON "analysis_observation_papers" USING btree ("year","kind");--> statement-breakpoint
CREATE INDEX "analysis_report_indicators_indicator" ON "analysis_report_indicators" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "analysis_search_documents_tsv" ON "analysis_search_documents" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "analysis_search_documents_report" ON "analysis_search_documents" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "analysis_search_documents_filters" ON "analysis_search_documents" USING btree ("year","state_iso2","form_id");--> statement-breakpoint
CREATE UNIQUE INDEX "action_plan_sections_number" ON "action_plan_sections" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "plan_action_indicators_action" ON "plan_action_indicators" USING btree ("action_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_actions_number" ON "plan_actions" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "plan_actions_section" ON "plan_actions" USING btree ("section_id");