CREATE TABLE "indicator_snapshot_records" (
	"region_code" text NOT NULL,
	"period" text NOT NULL,
	"code" text NOT NULL,
	"record_id" text NOT NULL,
	"title" text NOT NULL,
	"on" date,
	"href" text,
	CONSTRAINT "indicator_snapshot_records_pk" PRIMARY KEY("period","code","record_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_snapshots" (
	"region_code" text NOT NULL,
	"period" text NOT NULL,
	"code" text NOT NULL,
	"value" integer NOT NULL,
	"target" integer,
	"taken_at" timestamp with time zone NOT NULL,
	CONSTRAINT "indicator_snapshots_pk" PRIMARY KEY("region_code","period","code")
);
--> statement-breakpoint
CREATE INDEX "indicator_snapshot_records_region" ON "indicator_snapshot_records" USING btree ("region_code","period","code");