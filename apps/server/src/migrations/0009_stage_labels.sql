CREATE TABLE "stage_labels" (
	"region_code" text NOT NULL,
	"pipeline" text NOT NULL,
	"stage" text NOT NULL,
	"label" text,
	"description" text,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "stage_labels_pk" PRIMARY KEY("region_code","pipeline","stage"),
	CONSTRAINT "stage_labels_label_length" CHECK ("stage_labels"."label" IS NULL OR char_length("stage_labels"."label") BETWEEN 1 AND 12),
	CONSTRAINT "stage_labels_something_set" CHECK ("stage_labels"."label" IS NOT NULL OR "stage_labels"."description" IS NOT NULL)
);
