CREATE TABLE "talent_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"talent_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"year" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "talent_groups_kind_known" CHECK ("talent_groups"."kind" IN ('alliance', 'phd_group', 'other'))
);
--> statement-breakpoint
CREATE TABLE "talent_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"is_leading" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"birth_year" integer,
	"degree" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"title_rank" text DEFAULT 'none' NOT NULL,
	"employer_kind" text NOT NULL,
	"enterprise_id" uuid,
	"institute_id" uuid,
	"employer_platform_id" uuid,
	"employer_name" text DEFAULT '' NOT NULL,
	"field" text DEFAULT '' NOT NULL,
	"industry_id" uuid,
	"phone_cipher" text,
	"id_number_cipher" text,
	"id_number_hash" text,
	"mode" text NOT NULL,
	"arrived_on" date,
	"group_ids" uuid[] DEFAULT '{}' NOT NULL,
	"platform_ids" uuid[] DEFAULT '{}' NOT NULL,
	"project_ids" uuid[] DEFAULT '{}' NOT NULL,
	"recruitment_ids" uuid[] DEFAULT '{}' NOT NULL,
	"owner_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "talents_degree_known" CHECK ("talents"."degree" IN ('phd', 'master', 'bachelor', 'other')),
	CONSTRAINT "talents_title_rank_known" CHECK ("talents"."title_rank" IN ('senior', 'associate', 'intermediate', 'none')),
	CONSTRAINT "talents_employer_kind_known" CHECK ("talents"."employer_kind" IN ('enterprise', 'institute', 'platform', 'other')),
	CONSTRAINT "talents_mode_known" CHECK ("talents"."mode" IN ('arrival', 'cultivation')),
	CONSTRAINT "talents_arrival_dated" CHECK ("talents"."mode" <> 'arrival' OR "talents"."arrived_on" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "talent_awards" ADD CONSTRAINT "talent_awards_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_awards" ADD CONSTRAINT "talent_awards_programme_id_talent_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."talent_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_institute_id_institutes_id_fk" FOREIGN KEY ("institute_id") REFERENCES "public"."institutes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_industry_id_industries_id_fk" FOREIGN KEY ("industry_id") REFERENCES "public"."industries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "talent_awards_uq" ON "talent_awards" USING btree ("talent_id","programme_id","year");--> statement-breakpoint
CREATE INDEX "talent_awards_programme_year_idx" ON "talent_awards" USING btree ("programme_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "talent_groups_region_name_uq" ON "talent_groups" USING btree ("region_code","name");--> statement-breakpoint
CREATE UNIQUE INDEX "talent_programmes_region_name_uq" ON "talent_programmes" USING btree ("region_code","name");--> statement-breakpoint
CREATE INDEX "talents_region_name_idx" ON "talents" USING btree ("region_code","name");--> statement-breakpoint
CREATE INDEX "talents_region_industry_idx" ON "talents" USING btree ("region_code","industry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "talents_region_id_number_uq" ON "talents" USING btree ("region_code","id_number_hash");--> statement-breakpoint
CREATE INDEX "talents_platforms_idx" ON "talents" USING gin ("platform_ids");--> statement-breakpoint
CREATE INDEX "talents_projects_idx" ON "talents" USING gin ("project_ids");--> statement-breakpoint
CREATE INDEX "talents_groups_idx" ON "talents" USING gin ("group_ids");--> statement-breakpoint
CREATE INDEX "talents_enterprise_idx" ON "talents" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "talents_institute_idx" ON "talents" USING btree ("institute_id");