CREATE TABLE "service_handoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"request_id" uuid NOT NULL,
	"department" text NOT NULL,
	"sent_on" date NOT NULL,
	"question" text NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"answered_on" date,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "service_request_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"is_green_channel" boolean DEFAULT false NOT NULL,
	"stage" text NOT NULL,
	"sub_stage" text,
	"subject_type" text DEFAULT 'none' NOT NULL,
	"subject_id" uuid,
	"subject_name" text DEFAULT '' NOT NULL,
	"requester_user_id" uuid,
	"requester_name" text NOT NULL,
	"enterprise_id" uuid,
	"institute_id" uuid,
	"phone_enc" text,
	"phone_masked" text DEFAULT '' NOT NULL,
	"phone_hash" text,
	"helper_id" uuid,
	"assigned_by" uuid,
	"accept_due_on" date,
	"resolve_due_on" date,
	"accepted_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"resolution" text DEFAULT '' NOT NULL,
	"return_reason" text DEFAULT '' NOT NULL,
	"rating" integer,
	"rating_comment" text DEFAULT '' NOT NULL,
	"last_entry_on" date,
	"idempotency_key" uuid NOT NULL,
	"stage_changed_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "service_requests_stage_known" CHECK ("service_requests"."stage" IN ('submitted', 'accepted', 'in_progress', 'resolved', 'rated', 'returned', 'withdrawn')),
	CONSTRAINT "service_requests_kind_known" CHECK ("service_requests"."kind" IN ('policy', 'land', 'funding', 'approvals', 'talent', 'equipment', 'housing', 'schooling', 'spouse_job', 'settling', 'other')),
	CONSTRAINT "service_requests_channel_known" CHECK ("service_requests"."channel" IN ('portal', 'staff', 'station')),
	CONSTRAINT "service_requests_subject_known" CHECK ("service_requests"."subject_type" IN ('project', 'enterprise', 'talent', 'none')),
	CONSTRAINT "service_requests_rating_range" CHECK ("service_requests"."rating" IS NULL OR "service_requests"."rating" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "service_time_limits" (
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"accept_days" integer NOT NULL,
	"resolve_days" integer NOT NULL,
	"green_accept_days" integer NOT NULL,
	"green_resolve_days" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_time_limits_region_code_kind_pk" PRIMARY KEY("region_code","kind")
);
--> statement-breakpoint
CREATE TABLE "service_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"request_id" uuid NOT NULL,
	"from_helper_id" uuid,
	"to_helper_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text DEFAULT '' NOT NULL,
	CONSTRAINT "service_transfers_status_known" CHECK ("service_transfers"."status" IN ('pending', 'approved', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "working_calendar_days" (
	"region_code" text NOT NULL,
	"day" date NOT NULL,
	"is_working" boolean NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	CONSTRAINT "working_calendar_days_region_code_day_pk" PRIMARY KEY("region_code","day")
);
--> statement-breakpoint
CREATE TABLE "roundtable_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"meeting_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"content" text NOT NULL,
	"owner_user_id" uuid,
	"owner_department" text DEFAULT '' NOT NULL,
	"deadline" date NOT NULL,
	"proof_required" text DEFAULT '' NOT NULL,
	"proof" text DEFAULT '' NOT NULL,
	"stage" text NOT NULL,
	"sub_stage" text,
	"stage_changed_at" timestamp with time zone NOT NULL,
	"last_entry_on" date,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "roundtable_decisions_stage_known" CHECK ("roundtable_decisions"."stage" IN ('open', 'proof_submitted', 'closed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "roundtable_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source_type" text,
	"source_id" uuid,
	"proposal_id" uuid
);
--> statement-breakpoint
CREATE TABLE "roundtable_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"starts_at" text DEFAULT '09:00' NOT NULL,
	"place" text NOT NULL,
	"chair_id" uuid NOT NULL,
	"attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "roundtable_meetings_status_known" CHECK ("roundtable_meetings"."status" IN ('planned', 'held'))
);
--> statement-breakpoint
ALTER TABLE "service_handoffs" ADD CONSTRAINT "service_handoffs_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request_entries" ADD CONSTRAINT "service_request_entries_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_transfers" ADD CONSTRAINT "service_transfers_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roundtable_decisions" ADD CONSTRAINT "roundtable_decisions_meeting_id_roundtable_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."roundtable_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roundtable_decisions" ADD CONSTRAINT "roundtable_decisions_item_id_roundtable_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."roundtable_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roundtable_items" ADD CONSTRAINT "roundtable_items_meeting_id_roundtable_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."roundtable_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_handoffs_request_idx" ON "service_handoffs" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "service_request_entries_request_idx" ON "service_request_entries" USING btree ("request_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "service_requests_number_uq" ON "service_requests" USING btree ("region_code","number");--> statement-breakpoint
CREATE UNIQUE INDEX "service_requests_once_uq" ON "service_requests" USING btree ("region_code","idempotency_key");--> statement-breakpoint
CREATE INDEX "service_requests_helper_idx" ON "service_requests" USING btree ("helper_id","stage","created_at");--> statement-breakpoint
CREATE INDEX "service_requests_region_stage_idx" ON "service_requests" USING btree ("region_code","stage","created_at");--> statement-breakpoint
CREATE INDEX "service_requests_requester_idx" ON "service_requests" USING btree ("requester_user_id","created_at");--> statement-breakpoint
CREATE INDEX "service_requests_enterprise_idx" ON "service_requests" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "service_requests_phone_idx" ON "service_requests" USING btree ("phone_hash","created_at");--> statement-breakpoint
CREATE INDEX "service_transfers_request_idx" ON "service_transfers" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_transfers_one_pending_uq" ON "service_transfers" USING btree ("request_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "roundtable_decisions_region_stage_idx" ON "roundtable_decisions" USING btree ("region_code","stage","deadline");--> statement-breakpoint
CREATE INDEX "roundtable_decisions_owner_idx" ON "roundtable_decisions" USING btree ("owner_user_id","stage");--> statement-breakpoint
CREATE INDEX "roundtable_decisions_item_idx" ON "roundtable_decisions" USING btree ("item_id","number");--> statement-breakpoint
CREATE INDEX "roundtable_items_meeting_idx" ON "roundtable_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "roundtable_items_source_idx" ON "roundtable_items" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "roundtable_items_proposal_uq" ON "roundtable_items" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "roundtable_meetings_region_idx" ON "roundtable_meetings" USING btree ("region_code","held_on");