CREATE TABLE "product_stock_days" (
	"org_id" uuid NOT NULL,
	"product_id" bigint NOT NULL,
	"day" date NOT NULL,
	"ozon_available" bigint DEFAULT 0 NOT NULL,
	"ozon_cells" integer DEFAULT 0 NOT NULL,
	"wb_available" bigint DEFAULT 0 NOT NULL,
	"wb_cells" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "product_stock_days_org_id_product_id_day_pk" PRIMARY KEY("org_id","product_id","day")
);
--> statement-breakpoint
ALTER TABLE "product_stock_days" ADD CONSTRAINT "product_stock_days_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Every organization's stock history so far, summed per product × day as db/queries/stock-days.ts keeps it.
INSERT INTO "product_stock_days" ("org_id", "product_id", "day", "ozon_available", "ozon_cells", "wb_available", "wb_cells")
SELECT d."org_id", d."product_id", d."day",
  coalesce(sum(d."available") FILTER (WHERE d."marketplace" = 'ozon'), 0), count(*) FILTER (WHERE d."marketplace" = 'ozon'),
  coalesce(sum(d."available") FILTER (WHERE d."marketplace" = 'wb'), 0), count(*) FILTER (WHERE d."marketplace" = 'wb')
FROM "inventory_daily" d
WHERE EXISTS (SELECT 1 FROM "organizations" o WHERE o."id" = d."org_id")
GROUP BY d."org_id", d."product_id", d."day"
ON CONFLICT DO NOTHING;
