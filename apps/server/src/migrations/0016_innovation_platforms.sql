CREATE TABLE "platform_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"platform_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"grade" text NOT NULL,
	"score" integer,
	"note" text DEFAULT '' NOT NULL,
	"met_criteria" boolean NOT NULL,
	"assessor_id" uuid,
	"assessor_name" text NOT NULL,
	"assessed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "platform_assessments_grade_known" CHECK ("platform_assessments"."grade" IN ('excellent', 'good', 'pass', 'fail'))
);
--> statement-breakpoint
CREATE TABLE "platform_criteria" (
	"region_code" text PRIMARY KEY NOT NULL,
	"min_staff" integer NOT NULL,
	"min_area_m2" integer NOT NULL,
	"min_equipment_fen" bigint NOT NULL,
	"min_rd_spending_fen" bigint NOT NULL,
	"min_outputs" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"platform_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"staff" integer NOT NULL,
	"area_m2" integer NOT NULL,
	"equipment_fen" bigint NOT NULL,
	"rd_spending_fen" bigint NOT NULL,
	"patents" integer DEFAULT 0 NOT NULL,
	"standards" integer DEFAULT 0 NOT NULL,
	"products" integer DEFAULT 0 NOT NULL,
	"served_enterprises" integer DEFAULT 0 NOT NULL,
	"revenue_fen" bigint DEFAULT 0 NOT NULL,
	"file_ids" uuid[] DEFAULT '{}' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "platform_evidence_not_negative" CHECK ("platform_evidence"."staff" >= 0 AND "platform_evidence"."area_m2" >= 0 AND "platform_evidence"."equipment_fen" >= 0 AND "platform_evidence"."rd_spending_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "platform_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"platform_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"role" text NOT NULL,
	"enterprise_id" uuid,
	"institute_id" uuid,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "platform_partners_kind_known" CHECK ("platform_partners"."kind" IN ('enterprise', 'institute', 'government')),
	CONSTRAINT "platform_partners_role_known" CHECK ("platform_partners"."role" IN ('lead_builder', 'co_builder', 'operator')),
	CONSTRAINT "platform_partners_party_set" CHECK (("platform_partners"."kind" <> 'enterprise' OR "platform_partners"."enterprise_id" IS NOT NULL) AND ("platform_partners"."kind" <> 'institute' OR "platform_partners"."institute_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "platform_projects" (
	"region_code" text NOT NULL,
	"platform_id" uuid NOT NULL,
	"project_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "platforms" ADD COLUMN "tier" text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "platforms" ADD COLUMN "established_on" date;--> statement-breakpoint
ALTER TABLE "platforms" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "platforms" ADD COLUMN "partner_enterprise_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "platforms" ADD COLUMN "partner_institute_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "platforms" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "platform_assessments" ADD CONSTRAINT "platform_assessments_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_evidence" ADD CONSTRAINT "platform_evidence_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_partners" ADD CONSTRAINT "platform_partners_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_partners" ADD CONSTRAINT "platform_partners_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_partners" ADD CONSTRAINT "platform_partners_institute_id_institutes_id_fk" FOREIGN KEY ("institute_id") REFERENCES "public"."institutes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_projects" ADD CONSTRAINT "platform_projects_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "platform_assessments_platform_year_uq" ON "platform_assessments" USING btree ("platform_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_evidence_platform_year_uq" ON "platform_evidence" USING btree ("platform_id","year");--> statement-breakpoint
CREATE INDEX "platform_partners_platform_idx" ON "platform_partners" USING btree ("platform_id");--> statement-breakpoint
CREATE INDEX "platform_partners_enterprise_idx" ON "platform_partners" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "platform_partners_institute_idx" ON "platform_partners" USING btree ("institute_id");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_projects_uq" ON "platform_projects" USING btree ("platform_id","project_id");--> statement-breakpoint
CREATE INDEX "platform_projects_project_idx" ON "platform_projects" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "platforms_region_industry_idx" ON "platforms" USING btree ("region_code","industry_id");--> statement-breakpoint
CREATE INDEX "platforms_partner_enterprises_idx" ON "platforms" USING gin ("partner_enterprise_ids");--> statement-breakpoint
CREATE INDEX "platforms_partner_institutes_idx" ON "platforms" USING gin ("partner_institute_ids");--> statement-breakpoint
ALTER TABLE "platforms" ADD CONSTRAINT "platforms_kind_known" CHECK ("platforms"."kind" IN ('joint_lab', 'innovation_center', 'research_institute', 'science_park', 'engineering_center', 'enclave_incubator', 'key_lab', 'new_rd_institution', 'other'));--> statement-breakpoint
ALTER TABLE "platforms" ADD CONSTRAINT "platforms_tier_known" CHECK ("platforms"."tier" IN ('comprehensive', 'leading', 'other'));