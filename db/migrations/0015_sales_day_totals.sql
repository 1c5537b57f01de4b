CREATE TABLE "sales_day_totals" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"marketplace" "marketplace" NOT NULL,
	"region" text NOT NULL,
	"orders" integer NOT NULL,
	"units" integer NOT NULL,
	"revenue" numeric(18, 2) NOT NULL,
	"returns" integer NOT NULL,
	"cancellations" integer NOT NULL,
	CONSTRAINT "sales_day_totals_org_id_day_marketplace_region_pk" PRIMARY KEY("org_id","day","marketplace","region")
);
--> statement-breakpoint
ALTER TABLE "sales_day_totals" ADD CONSTRAINT "sales_day_totals_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Backfill: every organization's sales_daily summed over products, as finalize keeps it from now on.
INSERT INTO "sales_day_totals" ("org_id", "day", "marketplace", "region", "orders", "units", "revenue", "returns", "cancellations")
SELECT "org_id", "day", "marketplace", "region", sum("orders")::int, sum("units")::int, sum("revenue"), sum("returns")::int,
  sum("cancellations")::int
FROM "sales_daily" GROUP BY "org_id", "day", "marketplace", "region";
