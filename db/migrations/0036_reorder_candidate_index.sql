-- Per-warehouse recommendations list the lines due for reorder: velocity > 0 and available + in transit ≤
-- ⌈velocity × lead⌉ + ⌈velocity × safety⌉, which implies (available + in transit − 2) ÷ velocity < lead + safety.
-- Keyed on that bound (drizzle declares the key; INCLUDE is written here), the route reads the range below
-- lead + safety + 1 — an index-only scan of the few lines near or past their reorder point — and applies the
-- exact test to those, instead of testing every product × warehouse line of the organization.
CREATE INDEX "product_warehouse_summary_reorder_idx" ON "product_warehouse_summary" USING btree ("org_id",((available + in_transit - 2)::float8 / velocity)) INCLUDE ("product_id","warehouse_id","marketplace","available","in_transit","velocity") WHERE velocity > 0;
