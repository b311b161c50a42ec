CREATE TABLE "platforms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"industry_id" uuid,
	"partners" text[] DEFAULT '{}' NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"record_id" uuid NOT NULL,
	"entry_on" date NOT NULL,
	"kind" text NOT NULL,
	"participants" text DEFAULT '' NOT NULL,
	"content" text NOT NULL,
	"result" text DEFAULT '' NOT NULL,
	"next_step" text DEFAULT '' NOT NULL,
	"next_date" date,
	"attachment_ids" uuid[] DEFAULT '{}' NOT NULL,
	"corrects_id" uuid,
	"stage_from" text,
	"stage_to" text,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"record_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"proof_file_id" uuid,
	"proof_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"target_recruited" integer DEFAULT 0 NOT NULL,
	"target_operating" integer DEFAULT 0 NOT NULL,
	"target_institute_ids" uuid[] DEFAULT '{}' NOT NULL,
	"owner_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"institute_id" uuid NOT NULL,
	"grade" text NOT NULL,
	"stage" text NOT NULL,
	"cooperation_mode" text DEFAULT '' NOT NULL,
	"industry_id" uuid,
	"owner_id" uuid NOT NULL,
	"task_force_lead_id" uuid NOT NULL,
	"task_force_member_ids" uuid[] DEFAULT '{}' NOT NULL,
	"is_green_channel" boolean DEFAULT false NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"signed_on" date,
	"agreement_file_id" uuid,
	"platform_id" uuid,
	"exit_reason" text DEFAULT '' NOT NULL,
	"stage_changed_at" timestamp with time zone NOT NULL,
	"last_entry_on" date,
	"next_step" text DEFAULT '' NOT NULL,
	"next_date" date,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_agenda_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"item_type" text NOT NULL,
	"item_id" uuid NOT NULL,
	"title" text NOT NULL,
	"reason" text NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"item_type" text NOT NULL,
	"item_id" uuid NOT NULL,
	"level" text NOT NULL,
	"period" text NOT NULL,
	"recipient_ids" uuid[] DEFAULT '{}' NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_light_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"item_type" text NOT NULL,
	"item_id" uuid NOT NULL,
	"light" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_lights" (
	"item_type" text NOT NULL,
	"item_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"light" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"checked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_rules" (
	"region_code" text PRIMARY KEY NOT NULL,
	"no_activity_yellow_days" integer NOT NULL,
	"no_activity_red_days" integer NOT NULL,
	"milestone_red_days_overdue" integer NOT NULL,
	"is_next_date_passed_yellow" boolean NOT NULL,
	"green_channel_percent" integer NOT NULL,
	"leader_escalation_red_days" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"job" text NOT NULL,
	"scope" text NOT NULL,
	"period" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"detail" jsonb,
	CONSTRAINT "job_runs_job_scope_period_pk" PRIMARY KEY("job","scope","period")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "platforms" ADD CONSTRAINT "platforms_industry_id_industries_id_fk" FOREIGN KEY ("industry_id") REFERENCES "public"."industries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_entries" ADD CONSTRAINT "recruitment_entries_record_id_recruitment_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."recruitment_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_milestones" ADD CONSTRAINT "recruitment_milestones_record_id_recruitment_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."recruitment_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_records" ADD CONSTRAINT "recruitment_records_institute_id_institutes_id_fk" FOREIGN KEY ("institute_id") REFERENCES "public"."institutes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_records" ADD CONSTRAINT "recruitment_records_industry_id_industries_id_fk" FOREIGN KEY ("industry_id") REFERENCES "public"."industries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "platforms_region_name_idx" ON "platforms" USING btree ("region_code","name");--> statement-breakpoint
CREATE INDEX "recruitment_entries_record_idx" ON "recruitment_entries" USING btree ("record_id","entry_on");--> statement-breakpoint
CREATE INDEX "recruitment_entries_region_month_idx" ON "recruitment_entries" USING btree ("region_code","entry_on");--> statement-breakpoint
CREATE INDEX "recruitment_milestones_record_idx" ON "recruitment_milestones" USING btree ("record_id","due_on");--> statement-breakpoint
CREATE INDEX "recruitment_milestones_open_idx" ON "recruitment_milestones" USING btree ("region_code","due_on") WHERE done_on IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "recruitment_plans_region_year_uq" ON "recruitment_plans" USING btree ("region_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "recruitment_records_institute_uq" ON "recruitment_records" USING btree ("region_code","institute_id");--> statement-breakpoint
CREATE INDEX "recruitment_records_region_stage_idx" ON "recruitment_records" USING btree ("region_code","stage","updated_at");--> statement-breakpoint
CREATE INDEX "recruitment_records_region_updated_idx" ON "recruitment_records" USING btree ("region_code","updated_at");--> statement-breakpoint
CREATE INDEX "recruitment_records_owner_idx" ON "recruitment_records" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_agenda_once_uq" ON "supervision_agenda_proposals" USING btree ("item_type","item_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_escalations_once_uq" ON "supervision_escalations" USING btree ("item_type","item_id","level","period");--> statement-breakpoint
CREATE INDEX "supervision_light_history_item_idx" ON "supervision_light_history" USING btree ("item_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_lights_item_uq" ON "supervision_lights" USING btree ("item_type","item_id");--> statement-breakpoint
CREATE INDEX "supervision_lights_region_idx" ON "supervision_lights" USING btree ("region_code","item_type","light");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "stored_files_region_idx" ON "stored_files" USING btree ("region_code","created_at");