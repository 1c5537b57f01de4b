CREATE TABLE "alert_digests" (
	"org_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"out_of_stock" bigint[] NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_digests_org_id_local_date_pk" PRIMARY KEY("org_id","local_date")
);
--> statement-breakpoint
ALTER TABLE "alert_digests" ADD CONSTRAINT "alert_digests_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;