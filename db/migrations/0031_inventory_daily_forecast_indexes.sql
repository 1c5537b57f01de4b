-- The per-warehouse forecast of finalize (db/queries/warehouse-forecast.ts) reads a series' first snapshot and its
-- days out of stock from indexes instead of grouping every product × warehouse × day of the window: the rows of no
-- stock (a partial index, per series), and each candidate day's rows of the product at that warehouse summed from
-- the product index, which gains the warehouse as its last key column and INCLUDE (available) (written here:
-- drizzle declares the key). Its leading columns stay (org, product, day), for the readers by product and day.
DROP INDEX "inventory_daily_product_idx";--> statement-breakpoint
CREATE INDEX "inventory_daily_stock_out_idx" ON "inventory_daily" USING btree ("org_id","product_id","warehouse_id","day") WHERE "inventory_daily"."available" <= 0;--> statement-breakpoint
CREATE INDEX "inventory_daily_product_idx" ON "inventory_daily" USING btree ("org_id","product_id","day","warehouse_id") INCLUDE ("available");
