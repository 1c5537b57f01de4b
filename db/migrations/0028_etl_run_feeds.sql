CREATE TABLE "etl_run_feeds" (
	"run_id" uuid NOT NULL,
	"feed" text NOT NULL,
	"finished_at" timestamp with time zone,
	"finished_by" text,
	"last" boolean DEFAULT false NOT NULL,
	"progress" jsonb,
	CONSTRAINT "etl_run_feeds_run_id_feed_pk" PRIMARY KEY("run_id","feed")
);
--> statement-breakpoint
ALTER TABLE "etl_run_feeds" ADD CONSTRAINT "etl_run_feeds_run_id_etl_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."etl_runs"("id") ON DELETE cascade ON UPDATE no action;