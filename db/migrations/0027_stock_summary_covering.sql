-- One warehouse's rows in product order, with the columns the scoped dashboard, inventory list and per-warehouse
-- recommendations read (drizzle declares the key; INCLUDE is written here): an index-only scan of the warehouse's
-- rows instead of one heap page per row (the rows lie in product order, a warehouse's spread over every page).
DROP INDEX "product_warehouse_summary_warehouse_idx";--> statement-breakpoint
CREATE INDEX "product_warehouse_summary_warehouse_idx" ON "product_warehouse_summary" USING btree ("org_id","warehouse_id","product_id") INCLUDE ("marketplace","available","reserved","in_transit","velocity");
