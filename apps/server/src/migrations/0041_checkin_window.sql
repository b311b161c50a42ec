CREATE TABLE "checkin_windows" (
	"region_code" text PRIMARY KEY NOT NULL,
	"opens_hours_before" integer NOT NULL,
	"closes_hours_after" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "checkin_windows_opens_ck" CHECK (opens_hours_before BETWEEN 0 AND 168),
	CONSTRAINT "checkin_windows_closes_ck" CHECK (closes_hours_after BETWEEN 0 AND 72)
);
--> statement-breakpoint
ALTER TABLE "checkin_windows" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "event_participants" ADD COLUMN "checkin_device" text;--> statement-breakpoint
CREATE UNIQUE INDEX "event_participants_event_device_uq" ON "event_participants" USING btree ("event_id","checkin_device");--> statement-breakpoint
CREATE POLICY "tenant_region" ON "checkin_windows" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
CREATE POLICY "owner_all" ON "checkin_windows" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "checkin_windows_bureau_only" ON "checkin_windows" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role());