CREATE TABLE "custom_stages" (
	"region_code" text NOT NULL,
	"pipeline" text NOT NULL,
	"code" text NOT NULL,
	"refines" text NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"is_retired" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "custom_stages_pk" PRIMARY KEY("region_code","pipeline","code"),
	CONSTRAINT "custom_stages_code_shape" CHECK ("custom_stages"."code" ~ '^c_[a-z0-9_]{1,30}$'),
	CONSTRAINT "custom_stages_label_length" CHECK (char_length("custom_stages"."label") BETWEEN 1 AND 12)
);
--> statement-breakpoint
ALTER TABLE "tech_needs" ADD COLUMN "sub_stage" text;--> statement-breakpoint
ALTER TABLE "cooperation_projects" ADD COLUMN "sub_stage" text;--> statement-breakpoint
ALTER TABLE "recruitment_records" ADD COLUMN "sub_stage" text;--> statement-breakpoint
ALTER TABLE "tech_needs" ADD CONSTRAINT "tech_needs_stage_known" CHECK ("tech_needs"."stage" IN ('collected', 'reviewed', 'published', 'matching', 'contracted', 'closed'));--> statement-breakpoint
ALTER TABLE "cooperation_projects" ADD CONSTRAINT "cooperation_projects_stage_known" CHECK ("cooperation_projects"."stage" IN ('intention', 'signed', 'in_progress', 'accepted', 'landed', 'stopped'));--> statement-breakpoint
ALTER TABLE "cooperation_projects" ADD CONSTRAINT "cooperation_projects_kind_known" CHECK ("cooperation_projects"."kind" IN ('development', 'transfer', 'license', 'consulting', 'service', 'joint_lab', 'platform', 'talent'));--> statement-breakpoint
ALTER TABLE "cooperation_projects" ADD CONSTRAINT "cooperation_projects_landed_after_signed" CHECK ("cooperation_projects"."signed_on" IS NULL OR "cooperation_projects"."landed_on" IS NULL OR "cooperation_projects"."landed_on" >= "cooperation_projects"."signed_on") NOT VALID;--> statement-breakpoint
ALTER TABLE "recruitment_entries" ADD CONSTRAINT "recruitment_entries_kind_known" CHECK ("recruitment_entries"."kind" IN ('visit', 'reception', 'meeting', 'call', 'signing', 'other'));--> statement-breakpoint
ALTER TABLE "recruitment_records" ADD CONSTRAINT "recruitment_records_stage_known" CHECK ("recruitment_records"."stage" IN ('lead', 'contacted', 'negotiating', 'signed', 'landed', 'operating', 'shelved', 'dropped'));--> statement-breakpoint
ALTER TABLE "recruitment_records" ADD CONSTRAINT "recruitment_records_grade_known" CHECK ("recruitment_records"."grade" IN ('A', 'B', 'C'));--> statement-breakpoint
-- Hand-written: rows written before the date-order rule may contradict it; NOT VALID keeps the
-- upgrade possible and binds every write from now on.
-- Custom stages, like stage names, are read from the regions below and written only by the
-- system administrator (tenant_region is added by gaodi_secure_tenant_tables()).
CREATE POLICY custom_stages_from_above ON custom_stages FOR SELECT TO gaodi_app
  USING (region_code IN (SELECT unnest(gaodi_ancestor_regions())));
--> statement-breakpoint
CREATE POLICY custom_stages_insert_by_sysadmin ON custom_stages AS RESTRICTIVE FOR INSERT TO gaodi_app
  WITH CHECK (gaodi_role() = 'sysadmin');
--> statement-breakpoint
CREATE POLICY custom_stages_update_by_sysadmin ON custom_stages AS RESTRICTIVE FOR UPDATE TO gaodi_app
  USING (gaodi_role() = 'sysadmin');
--> statement-breakpoint
CREATE POLICY custom_stages_delete_by_sysadmin ON custom_stages AS RESTRICTIVE FOR DELETE TO gaodi_app
  USING (gaodi_role() = 'sysadmin');
