-- The snapshot is a cache: drop what is there and store it in parts from now on.
DELETE FROM "match_index_snapshots";--> statement-breakpoint
ALTER TABLE "match_index_snapshots" DROP CONSTRAINT "match_index_snapshots_pkey";--> statement-breakpoint
ALTER TABLE "match_index_snapshots" ADD COLUMN "part" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "match_index_snapshots" ADD CONSTRAINT "match_index_snapshots_key_part_pk" PRIMARY KEY("key","part");
