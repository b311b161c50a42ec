CREATE TABLE "indicator_targets" (
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"code" text NOT NULL,
	"target" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "indicator_targets_pk" PRIMARY KEY("region_code","year","code")
);
