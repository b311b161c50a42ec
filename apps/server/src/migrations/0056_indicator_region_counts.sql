CREATE TABLE "indicator_region_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_region_changes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "indicator_region_counts" (
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"counts" jsonb NOT NULL,
	"counted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "indicator_region_counts_pk" PRIMARY KEY("region_code","year")
);
--> statement-breakpoint
ALTER TABLE "indicator_region_counts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "indicator_region_changes_region" ON "indicator_region_changes" USING btree ("region_code");--> statement-breakpoint
CREATE POLICY "tenant_region" ON "indicator_region_changes" AS PERMISSIVE FOR ALL TO public USING (region_code = ANY ((SELECT string_to_array(current_setting('gaodi.regions', true), ','))::text[])) WITH CHECK (region_code = ANY ((SELECT string_to_array(current_setting('gaodi.regions', true), ','))::text[]));--> statement-breakpoint
CREATE POLICY "owner_all" ON "indicator_region_changes" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "tenant_region" ON "indicator_region_counts" AS PERMISSIVE FOR ALL TO public USING (region_code = ANY ((SELECT string_to_array(current_setting('gaodi.regions', true), ','))::text[])) WITH CHECK (region_code = ANY ((SELECT string_to_array(current_setting('gaodi.regions', true), ','))::text[]));--> statement-breakpoint
CREATE POLICY "owner_all" ON "indicator_region_counts" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);