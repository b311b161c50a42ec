ALTER TABLE "platform_evidence" ADD COLUMN "meets_criteria" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "platforms" ADD COLUMN "operating_years" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "platforms" ADD COLUMN "latest_evidence_year" integer;--> statement-breakpoint
ALTER TABLE "platforms" ADD COLUMN "latest_grade" text;--> statement-breakpoint
ALTER TABLE "talents" ADD COLUMN "leading_years" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "talents" ADD COLUMN "is_high_level" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "platforms_operating_years_idx" ON "platforms" USING gin ("operating_years");--> statement-breakpoint
CREATE INDEX "talents_leading_years_idx" ON "talents" USING gin ("leading_years");--> statement-breakpoint
CREATE INDEX "talents_arrived_on_idx" ON "talents" USING btree ("arrived_on");