CREATE TABLE "notification_channels" (
	"region_code" text NOT NULL,
	"channel" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"settings" jsonb NOT NULL,
	"secret" text,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "notification_channels_region_code_channel_pk" PRIMARY KEY("region_code","channel")
);
--> statement-breakpoint
ALTER TABLE "notification_channels" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"email" text,
	"phone" text,
	"events" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"quiet_from" integer DEFAULT 1320 NOT NULL,
	"quiet_to" integer DEFAULT 420 NOT NULL,
	"lang" text DEFAULT 'zh' NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification_preferences" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"channel" text NOT NULL,
	"recipient_id" uuid,
	"target" text,
	"notification_id" uuid,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "outbox" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "outbox_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"outbox_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"attempt" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"status" text,
	"detail" text,
	"ms" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox_attempts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("next_attempt_at") WHERE status = 'pending'::text;--> statement-breakpoint
CREATE INDEX "outbox_region_idx" ON "outbox" USING btree ("region_code","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_notification_channel_key" ON "outbox" USING btree ("notification_id","channel");--> statement-breakpoint
CREATE INDEX "outbox_attempts_outbox_idx" ON "outbox_attempts" USING btree ("outbox_id","attempt");--> statement-breakpoint
CREATE POLICY "tenant_region" ON "notification_channels" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
CREATE POLICY "owner_all" ON "notification_channels" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "notification_channels_by_sysadmin" ON "notification_channels" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_role() = 'sysadmin'::text) WITH CHECK (gaodi_role() = 'sysadmin'::text);--> statement-breakpoint
CREATE POLICY "tenant_region" ON "notification_preferences" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
CREATE POLICY "owner_all" ON "notification_preferences" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "notification_preferences_self" ON "notification_preferences" AS PERMISSIVE FOR ALL TO public USING ((user_id)::text = current_setting('gaodi.user_id'::text, true)) WITH CHECK ((user_id)::text = current_setting('gaodi.user_id'::text, true));--> statement-breakpoint
CREATE POLICY "notification_preferences_own" ON "notification_preferences" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING ((user_id)::text = current_setting('gaodi.user_id'::text, true)) WITH CHECK ((user_id)::text = current_setting('gaodi.user_id'::text, true));--> statement-breakpoint
CREATE POLICY "tenant_region" ON "outbox" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
CREATE POLICY "owner_all" ON "outbox" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "outbox_read_by_sysadmin_or_recipient" ON "outbox" AS RESTRICTIVE FOR SELECT TO "gaodi_app" USING (gaodi_role() = 'sysadmin'::text OR (recipient_id)::text = current_setting('gaodi.user_id'::text, true));--> statement-breakpoint
CREATE POLICY "outbox_update_by_sysadmin" ON "outbox" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (gaodi_role() = 'sysadmin'::text);--> statement-breakpoint
CREATE POLICY "outbox_never_deleted" ON "outbox" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (false);--> statement-breakpoint
CREATE POLICY "tenant_region" ON "outbox_attempts" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
CREATE POLICY "owner_all" ON "outbox_attempts" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "outbox_attempts_read_by_sysadmin" ON "outbox_attempts" AS RESTRICTIVE FOR SELECT TO "gaodi_app" USING (gaodi_role() = 'sysadmin'::text);--> statement-breakpoint
CREATE POLICY "outbox_attempts_append_only" ON "outbox_attempts" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (false);--> statement-breakpoint
CREATE POLICY "outbox_attempts_never_deleted" ON "outbox_attempts" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (false);