ALTER TABLE "product_summary" ADD COLUMN "unit_price" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "product_summary" ADD COLUMN "price_source" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
-- Backfill: the price finalize stores from now on (db/queries/unit-price-refresh.ts), so money is not 0 ₽
-- until each seller's next sync.
UPDATE "product_summary" ps SET "unit_price" = priced.unit_price, "price_source" = priced.price_source
FROM (
  SELECT p.id AS product_id, p.org_id,
    CASE WHEN lp.price > 0 THEN lp.price
      WHEN sp.units > 0 AND sp.revenue > 0 THEN sp.revenue::float8 / sp.units ELSE 0 END AS unit_price,
    CASE WHEN lp.price > 0 THEN 'listing' WHEN sp.units > 0 AND sp.revenue > 0 THEN 'sales' ELSE 'none' END AS price_source
  FROM "products" p
  LEFT JOIN (SELECT product_id, avg(price)::float8 AS price FROM "listings" WHERE price > 0 GROUP BY product_id) lp
    ON lp.product_id = p.id
  LEFT JOIN (SELECT product_id, sum(revenue) AS revenue, sum(units) AS units FROM "sales_daily"
    WHERE day > current_date - 90 GROUP BY product_id) sp ON sp.product_id = p.id
) priced
WHERE ps.product_id = priced.product_id AND ps.org_id = priced.org_id;
