CREATE TABLE "dashboard_read_models" (
	"org_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"data_version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"stock" jsonb NOT NULL,
	"money" jsonb NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dashboard_read_models_org_id_scope_pk" PRIMARY KEY("org_id","scope")
);
--> statement-breakpoint
ALTER TABLE "sales_windows" ADD COLUMN "abc_stale" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "dashboard_read_models" ADD CONSTRAINT "dashboard_read_models_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;