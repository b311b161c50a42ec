ALTER TABLE "achievements" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "tech_needs" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "cooperation_projects" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;