CREATE TABLE "carrier_occupancy" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"carrier_id" uuid NOT NULL,
	"on" date NOT NULL,
	"seats_used" integer NOT NULL,
	"area_used" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incubatee_moves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"incubatee_id" uuid NOT NULL,
	"on" date NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"carrier_id" uuid,
	"text" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incubatee_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"incubatee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"revenue" double precision NOT NULL,
	"staff" integer NOT NULL,
	"rd_spend" double precision NOT NULL,
	"ip_count" integer NOT NULL,
	"financing" double precision NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "incubatee_reports_quarter" CHECK ("incubatee_reports"."quarter" BETWEEN 1 AND 4)
);
--> statement-breakpoint
CREATE TABLE "incubatee_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"incubatee_id" uuid NOT NULL,
	"on" date NOT NULL,
	"visitor" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"problems" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incubatees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"enterprise_id" uuid,
	"stage" text NOT NULL,
	"sub_stage" text,
	"stage_changed_at" timestamp with time zone NOT NULL,
	"carrier_id" uuid,
	"space" text DEFAULT '' NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"entered_on" date NOT NULL,
	"rd_region_code" text,
	"landed_on" date,
	"graduated_on" date,
	"criteria" text DEFAULT '' NOT NULL,
	"exit_reason" text DEFAULT '' NOT NULL,
	"exited_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "incubatees_stage_known" CHECK ("incubatees"."stage" IN ('maker_space', 'incubator', 'accelerator', 'park', 'graduated', 'exited')),
	CONSTRAINT "incubatees_graduated_after_entry" CHECK ("incubatees"."graduated_on" IS NULL OR "incubatees"."graduated_on" >= "incubatees"."entered_on")
);
--> statement-breakpoint
CREATE TABLE "incubation_carriers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"cert_level" text DEFAULT 'none' NOT NULL,
	"cert_year" integer,
	"operator" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"area_m2" double precision DEFAULT 0 NOT NULL,
	"seats" integer DEFAULT 0 NOT NULL,
	"rooms" integer DEFAULT 0 NOT NULL,
	"industry_ids" uuid[] DEFAULT '{}' NOT NULL,
	"location_region_code" text,
	"partner_institute_ids" uuid[] DEFAULT '{}' NOT NULL,
	"mentor_talent_ids" uuid[] DEFAULT '{}' NOT NULL,
	"services" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "incubation_carriers_kind_known" CHECK ("incubation_carriers"."kind" IN ('maker_space', 'incubator', 'accelerator', 'park')),
	CONSTRAINT "incubation_carriers_cert_known" CHECK ("incubation_carriers"."cert_level" IN ('national', 'provincial', 'municipal', 'none'))
);
--> statement-breakpoint
ALTER TABLE "carrier_occupancy" ADD CONSTRAINT "carrier_occupancy_carrier_id_incubation_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."incubation_carriers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubatee_moves" ADD CONSTRAINT "incubatee_moves_incubatee_id_incubatees_id_fk" FOREIGN KEY ("incubatee_id") REFERENCES "public"."incubatees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubatee_moves" ADD CONSTRAINT "incubatee_moves_carrier_id_incubation_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."incubation_carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubatee_reports" ADD CONSTRAINT "incubatee_reports_incubatee_id_incubatees_id_fk" FOREIGN KEY ("incubatee_id") REFERENCES "public"."incubatees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubatee_visits" ADD CONSTRAINT "incubatee_visits_incubatee_id_incubatees_id_fk" FOREIGN KEY ("incubatee_id") REFERENCES "public"."incubatees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubatees" ADD CONSTRAINT "incubatees_carrier_id_incubation_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."incubation_carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "carrier_occupancy_uq" ON "carrier_occupancy" USING btree ("carrier_id","on");--> statement-breakpoint
CREATE INDEX "incubatee_moves_incubatee_idx" ON "incubatee_moves" USING btree ("incubatee_id","at");--> statement-breakpoint
CREATE INDEX "incubatee_moves_on_idx" ON "incubatee_moves" USING btree ("region_code","on");--> statement-breakpoint
CREATE UNIQUE INDEX "incubatee_reports_uq" ON "incubatee_reports" USING btree ("incubatee_id","year","quarter");--> statement-breakpoint
CREATE INDEX "incubatee_visits_incubatee_idx" ON "incubatee_visits" USING btree ("incubatee_id","on");--> statement-breakpoint
CREATE UNIQUE INDEX "incubatees_region_credit_code_uq" ON "incubatees" USING btree ("region_code","credit_code");--> statement-breakpoint
CREATE INDEX "incubatees_region_stage_idx" ON "incubatees" USING btree ("region_code","stage");--> statement-breakpoint
CREATE INDEX "incubatees_carrier_idx" ON "incubatees" USING btree ("carrier_id");--> statement-breakpoint
CREATE INDEX "incubatees_rd_region_idx" ON "incubatees" USING btree ("rd_region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "incubation_carriers_region_name_uq" ON "incubation_carriers" USING btree ("region_code","name");--> statement-breakpoint
CREATE INDEX "incubation_carriers_location_idx" ON "incubation_carriers" USING btree ("location_region_code");