CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"total" integer NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"result" jsonb,
	"error" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "import_jobs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "tenant_region" ON "import_jobs" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
CREATE POLICY "owner_all" ON "import_jobs" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "import_jobs_own" ON "import_jobs" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING ((user_id)::text = current_setting('gaodi.user_id'::text, true)) WITH CHECK ((user_id)::text = current_setting('gaodi.user_id'::text, true));