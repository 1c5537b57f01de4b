CREATE TABLE "category_sales_windows" (
	"org_id" uuid NOT NULL,
	"days" integer NOT NULL,
	"category" text,
	"products" integer NOT NULL,
	"ozon_products" integer NOT NULL,
	"wb_products" integer NOT NULL,
	"ozon_orders" bigint NOT NULL,
	"ozon_units" bigint NOT NULL,
	"ozon_revenue" numeric(20, 2) NOT NULL,
	"ozon_returns" bigint NOT NULL,
	"ozon_cancellations" bigint NOT NULL,
	"wb_orders" bigint NOT NULL,
	"wb_units" bigint NOT NULL,
	"wb_revenue" numeric(20, 2) NOT NULL,
	"wb_returns" bigint NOT NULL,
	"wb_cancellations" bigint NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "category_sales_windows" ADD CONSTRAINT "category_sales_windows_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_stock_days" ADD CONSTRAINT "product_stock_days_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "category_sales_windows_org_days_idx" ON "category_sales_windows" USING btree ("org_id","days");--> statement-breakpoint
CREATE INDEX "product_sales_windows_revenue_idx" ON "product_sales_windows" USING btree ("org_id","days",(coalesce("ozon_revenue", 0) + coalesce("wb_revenue", 0)) desc nulls last);--> statement-breakpoint
CREATE INDEX "product_sales_windows_ozon_revenue_idx" ON "product_sales_windows" USING btree ("org_id","days","ozon_revenue" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "product_sales_windows_wb_revenue_idx" ON "product_sales_windows" USING btree ("org_id","days","wb_revenue" DESC NULLS LAST);--> statement-breakpoint
-- Every organization's stock history so far, summed per product × day as db/queries/stock-days.ts keeps it.
INSERT INTO "product_stock_days" ("org_id", "product_id", "day", "ozon_available", "ozon_cells", "wb_available", "wb_cells")
SELECT d."org_id", d."product_id", d."day",
  coalesce(sum(d."available") FILTER (WHERE d."marketplace" = 'ozon'), 0), count(*) FILTER (WHERE d."marketplace" = 'ozon'),
  coalesce(sum(d."available") FILTER (WHERE d."marketplace" = 'wb'), 0), count(*) FILTER (WHERE d."marketplace" = 'wb')
FROM "inventory_daily" d
WHERE EXISTS (SELECT 1 FROM "organizations" o WHERE o."id" = d."org_id")
GROUP BY d."org_id", d."product_id", d."day"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- The standard periods' sales per category, from the per-product rows (db/queries/sales-windows.ts keeps them).
INSERT INTO "category_sales_windows" ("org_id", "days", "category", "products", "ozon_products", "wb_products",
  "ozon_orders", "ozon_units", "ozon_revenue", "ozon_returns", "ozon_cancellations",
  "wb_orders", "wb_units", "wb_revenue", "wb_returns", "wb_cancellations")
SELECT w."org_id", w."days", p."category", count(*), count(*) FILTER (WHERE w."ozon_orders" IS NOT NULL),
  count(*) FILTER (WHERE w."wb_orders" IS NOT NULL),
  coalesce(sum(w."ozon_orders"), 0), coalesce(sum(w."ozon_units"), 0), coalesce(sum(w."ozon_revenue"), 0),
  coalesce(sum(w."ozon_returns"), 0), coalesce(sum(w."ozon_cancellations"), 0),
  coalesce(sum(w."wb_orders"), 0), coalesce(sum(w."wb_units"), 0), coalesce(sum(w."wb_revenue"), 0),
  coalesce(sum(w."wb_returns"), 0), coalesce(sum(w."wb_cancellations"), 0)
FROM "product_sales_windows" w JOIN "products" p ON p."id" = w."product_id" AND p."org_id" = w."org_id"
WHERE NOT EXISTS (SELECT 1 FROM "category_sales_windows" c WHERE c."org_id" = w."org_id")
GROUP BY w."org_id", w."days", p."category";
