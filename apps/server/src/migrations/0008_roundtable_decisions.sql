ALTER TABLE "supervision_agenda_proposals" ADD COLUMN "proposed_by" uuid;--> statement-breakpoint
ALTER TABLE "supervision_agenda_proposals" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "supervision_agenda_proposals" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "supervision_agenda_proposals" ADD COLUMN "decision_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "supervision_agenda_region_idx" ON "supervision_agenda_proposals" USING btree ("region_code","status","proposed_at");