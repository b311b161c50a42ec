CREATE TABLE "achievements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"institute_id" uuid NOT NULL,
	"title" text NOT NULL,
	"abstract" text NOT NULL,
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"industry_id" uuid,
	"trl" integer NOT NULL,
	"ip_type" text NOT NULL,
	"ip_numbers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cooperation_forms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "event_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"event_id" uuid NOT NULL,
	"need_id" uuid,
	"achievement_id" uuid
);
--> statement-breakpoint
CREATE TABLE "event_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"event_id" uuid NOT NULL,
	"party_kind" text NOT NULL,
	"enterprise_id" uuid,
	"institute_id" uuid,
	"org_name" text NOT NULL,
	"is_invited" boolean DEFAULT false NOT NULL,
	"attended_at" timestamp with time zone,
	"attendee_name" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"doc_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_index_snapshots" (
	"key" text PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL,
	"max_change_id" bigint NOT NULL,
	"format" text NOT NULL,
	"documents" integer NOT NULL,
	"built_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matchmaking_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"is_online" boolean DEFAULT false NOT NULL,
	"organiser" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"checkin_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "need_pairings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"need_id" uuid NOT NULL,
	"institute_id" uuid NOT NULL,
	"achievement_id" uuid,
	"source" text NOT NULL,
	"event_id" uuid,
	"outcome" text DEFAULT 'none' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "recommendation_rejections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"need_id" uuid NOT NULL,
	"institute_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "tech_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"industry_id" uuid,
	"budget_min_fen" bigint,
	"budget_max_fen" bigint,
	"cooperation_forms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deadline" date,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"stage" text NOT NULL,
	"stage_changed_at" timestamp with time zone NOT NULL,
	"review_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cooperation_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"rd_region_code" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"stage" text NOT NULL,
	"contract_no" text DEFAULT '' NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"signed_on" date,
	"landed_on" date,
	"landed_place" text DEFAULT '' NOT NULL,
	"stopped_reason" text DEFAULT '' NOT NULL,
	"source_event_id" uuid,
	"source_pairing_id" uuid,
	"need_id" uuid,
	"enterprise_ids" uuid[] DEFAULT '{}' NOT NULL,
	"institute_ids" uuid[] DEFAULT '{}' NOT NULL,
	"is_green_channel" boolean DEFAULT false NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"stage_changed_at" timestamp with time zone NOT NULL,
	"last_entry_on" date,
	"next_date" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "project_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"content" text NOT NULL,
	"stage_from" text,
	"stage_to" text,
	"next_date" date,
	"author_id" uuid,
	"author_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_helper_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"project_id" uuid NOT NULL,
	"helper_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"assigned_by" uuid,
	"reason" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date
);
--> statement-breakpoint
CREATE TABLE "project_outputs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"amount_fen" bigint,
	"recorded_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"project_id" uuid NOT NULL,
	"party_kind" text NOT NULL,
	"enterprise_id" uuid,
	"institute_id" uuid
);
--> statement-breakpoint
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_institute_id_institutes_id_fk" FOREIGN KEY ("institute_id") REFERENCES "public"."institutes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_industry_id_industries_id_fk" FOREIGN KEY ("industry_id") REFERENCES "public"."industries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_items" ADD CONSTRAINT "event_items_event_id_matchmaking_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."matchmaking_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_items" ADD CONSTRAINT "event_items_need_id_tech_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."tech_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_items" ADD CONSTRAINT "event_items_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_event_id_matchmaking_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."matchmaking_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_institute_id_institutes_id_fk" FOREIGN KEY ("institute_id") REFERENCES "public"."institutes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_pairings" ADD CONSTRAINT "need_pairings_need_id_tech_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."tech_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_pairings" ADD CONSTRAINT "need_pairings_institute_id_institutes_id_fk" FOREIGN KEY ("institute_id") REFERENCES "public"."institutes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_pairings" ADD CONSTRAINT "need_pairings_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_rejections" ADD CONSTRAINT "recommendation_rejections_need_id_tech_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."tech_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_rejections" ADD CONSTRAINT "recommendation_rejections_institute_id_institutes_id_fk" FOREIGN KEY ("institute_id") REFERENCES "public"."institutes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_needs" ADD CONSTRAINT "tech_needs_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_needs" ADD CONSTRAINT "tech_needs_industry_id_industries_id_fk" FOREIGN KEY ("industry_id") REFERENCES "public"."industries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_projects" ADD CONSTRAINT "cooperation_projects_source_event_id_matchmaking_events_id_fk" FOREIGN KEY ("source_event_id") REFERENCES "public"."matchmaking_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_projects" ADD CONSTRAINT "cooperation_projects_source_pairing_id_need_pairings_id_fk" FOREIGN KEY ("source_pairing_id") REFERENCES "public"."need_pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_projects" ADD CONSTRAINT "cooperation_projects_need_id_tech_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."tech_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_entries" ADD CONSTRAINT "project_entries_project_id_cooperation_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."cooperation_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_helper_assignments" ADD CONSTRAINT "project_helper_assignments_project_id_cooperation_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."cooperation_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_project_id_cooperation_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."cooperation_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_outputs" ADD CONSTRAINT "project_outputs_project_id_cooperation_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."cooperation_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_parties" ADD CONSTRAINT "project_parties_project_id_cooperation_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."cooperation_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_parties" ADD CONSTRAINT "project_parties_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_parties" ADD CONSTRAINT "project_parties_institute_id_institutes_id_fk" FOREIGN KEY ("institute_id") REFERENCES "public"."institutes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "achievements_institute_idx" ON "achievements" USING btree ("institute_id");--> statement-breakpoint
CREATE INDEX "achievements_region_idx" ON "achievements" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "event_items_need_uq" ON "event_items" USING btree ("event_id","need_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_items_achievement_uq" ON "event_items" USING btree ("event_id","achievement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_participants_event_org_uq" ON "event_participants" USING btree ("event_id","org_name");--> statement-breakpoint
CREATE INDEX "matchmaking_events_region_held_idx" ON "matchmaking_events" USING btree ("region_code","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "matchmaking_events_checkin_uq" ON "matchmaking_events" USING btree ("checkin_token");--> statement-breakpoint
CREATE UNIQUE INDEX "need_pairings_need_institute_uq" ON "need_pairings" USING btree ("need_id","institute_id");--> statement-breakpoint
CREATE INDEX "need_pairings_event_idx" ON "need_pairings" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendation_rejections_need_institute_uq" ON "recommendation_rejections" USING btree ("need_id","institute_id");--> statement-breakpoint
CREATE INDEX "tech_needs_region_stage_idx" ON "tech_needs" USING btree ("region_code","stage");--> statement-breakpoint
CREATE INDEX "tech_needs_enterprise_idx" ON "tech_needs" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "cooperation_projects_region_stage_idx" ON "cooperation_projects" USING btree ("region_code","stage");--> statement-breakpoint
CREATE INDEX "cooperation_projects_rd_region_idx" ON "cooperation_projects" USING btree ("rd_region_code");--> statement-breakpoint
CREATE INDEX "cooperation_projects_event_idx" ON "cooperation_projects" USING btree ("source_event_id");--> statement-breakpoint
CREATE INDEX "project_entries_project_idx" ON "project_entries" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "project_helper_current_uq" ON "project_helper_assignments" USING btree ("project_id") WHERE ended_at IS NULL;--> statement-breakpoint
CREATE INDEX "project_helper_helper_idx" ON "project_helper_assignments" USING btree ("helper_id");--> statement-breakpoint
CREATE INDEX "project_milestones_project_idx" ON "project_milestones" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_outputs_project_idx" ON "project_outputs" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_parties_enterprise_uq" ON "project_parties" USING btree ("project_id","enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_parties_institute_uq" ON "project_parties" USING btree ("project_id","institute_id");