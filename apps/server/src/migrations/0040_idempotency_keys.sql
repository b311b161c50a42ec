CREATE TABLE "idempotency_keys" (
	"region_code" text NOT NULL,
	"user_id" uuid NOT NULL,
	"route" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_region_code_route_key_pk" PRIMARY KEY("user_id","region_code","route","key")
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE UNIQUE INDEX "cooperation_projects_pairing_uq" ON "cooperation_projects" USING btree ("source_pairing_id");--> statement-breakpoint
CREATE POLICY "tenant_region" ON "idempotency_keys" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
CREATE POLICY "owner_all" ON "idempotency_keys" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "idempotency_keys_own" ON "idempotency_keys" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING ((user_id)::text = current_setting('gaodi.user_id'::text, true)) WITH CHECK ((user_id)::text = current_setting('gaodi.user_id'::text, true));