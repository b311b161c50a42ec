CREATE TABLE "change_feed" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"txid" bigint NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"op" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" jsonb,
	"changed" text[]
);
--> statement-breakpoint
ALTER TABLE "change_feed" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "webhook_allow_lists" (
	"region_code" text PRIMARY KEY NOT NULL,
	"hosts" text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_allow_lists" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "change_feed_order_idx" ON "change_feed" USING btree ("txid","id");--> statement-breakpoint
CREATE INDEX "webhook_subscriptions_region_idx" ON "webhook_subscriptions" USING btree ("region_code");--> statement-breakpoint
CREATE POLICY "tenant_region" ON "change_feed" AS PERMISSIVE FOR ALL TO public USING (region_code = ANY ((SELECT string_to_array(current_setting('gaodi.regions', true), ','))::text[])) WITH CHECK (region_code = ANY ((SELECT string_to_array(current_setting('gaodi.regions', true), ','))::text[]));--> statement-breakpoint
CREATE POLICY "owner_all" ON "change_feed" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "change_feed_no_insert" ON "change_feed" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (false);--> statement-breakpoint
CREATE POLICY "change_feed_no_update" ON "change_feed" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (false);--> statement-breakpoint
CREATE POLICY "change_feed_no_delete" ON "change_feed" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (false);--> statement-breakpoint
CREATE POLICY "tenant_region" ON "webhook_allow_lists" AS PERMISSIVE FOR ALL TO public USING (region_code = ANY ((SELECT string_to_array(current_setting('gaodi.regions', true), ','))::text[])) WITH CHECK (region_code = ANY ((SELECT string_to_array(current_setting('gaodi.regions', true), ','))::text[]));--> statement-breakpoint
CREATE POLICY "owner_all" ON "webhook_allow_lists" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "webhook_allow_lists_sysadmin" ON "webhook_allow_lists" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_role() = 'sysadmin') WITH CHECK (gaodi_role() = 'sysadmin');--> statement-breakpoint
CREATE POLICY "tenant_region" ON "webhook_subscriptions" AS PERMISSIVE FOR ALL TO public USING (region_code = ANY ((SELECT string_to_array(current_setting('gaodi.regions', true), ','))::text[])) WITH CHECK (region_code = ANY ((SELECT string_to_array(current_setting('gaodi.regions', true), ','))::text[]));--> statement-breakpoint
CREATE POLICY "owner_all" ON "webhook_subscriptions" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "webhook_subscriptions_sysadmin" ON "webhook_subscriptions" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_role() = 'sysadmin') WITH CHECK (gaodi_role() = 'sysadmin');