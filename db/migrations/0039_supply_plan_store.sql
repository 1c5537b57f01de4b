-- The supply plan's stored answer (db/queries/supply-plan-store.ts): each line's quantity under the organization's
-- settings and each scope's totals and reconciliation. Existing lines start uncomputed (null): the plan is computed
-- per request, as before, until the organization's next finalize or settings change stores it.
CREATE TABLE "supply_plan_read_models" (
	"org_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"data_version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"lines" integer NOT NULL,
	"shipping" integer NOT NULL,
	"totals" jsonb NOT NULL,
	"reconciliation" jsonb NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supply_plan_read_models_org_id_scope_pk" PRIMARY KEY("org_id","scope")
);
--> statement-breakpoint
ALTER TABLE "supply_plan_lines" ADD COLUMN "quantity" integer;--> statement-breakpoint
ALTER TABLE "supply_plan_read_models" ADD CONSTRAINT "supply_plan_read_models_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supply_plan_lines_ship_idx" ON "supply_plan_lines" USING btree ("org_id","marketplace","destination","article","destination_key") WHERE quantity > 0;--> statement-breakpoint
CREATE INDEX "supply_plan_lines_uncomputed_idx" ON "supply_plan_lines" USING btree ("org_id") WHERE quantity is null;