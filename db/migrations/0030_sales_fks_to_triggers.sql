-- Foreign keys the first sync paid for on every row it wrote, replaced where deletion must still cascade (as
-- migration 0002 did for inventory). Measured by `npm run bench:ingest -- --profile` (queue path, first sync of
-- 159,469 rows): 383,405 FOR KEY SHARE checks of the organization row, mostly from ~130,000 sales and ~200,000
-- sales_daily rows.
-- sales.org_id, sales.account_id: the listing's own (denormalised); the kept listing_id FK cascades an
--   organization's or account's deletion through listings.
-- sales_daily.org_id: the organization trigger below removes its rows, as it does inventory_daily's.
ALTER TABLE "sales" DROP CONSTRAINT IF EXISTS "sales_org_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "sales" DROP CONSTRAINT IF EXISTS "sales_account_id_marketplace_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "sales_daily" DROP CONSTRAINT IF EXISTS "sales_daily_org_id_organizations_id_fk";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "organizations_delete_audit"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM inventory_audit a USING gone g WHERE a.org_id = g.id;
  DELETE FROM inventory_daily d USING gone g WHERE d.org_id = g.id;
  DELETE FROM sales_daily s USING gone g WHERE s.org_id = g.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- sales.warehouse_id: written only for a warehouse the page just joined through warehouse_aliases; a deleted
--   warehouse's sales keep their rows without it (what ON DELETE SET NULL did, one scan per statement instead of
--   one per deleted warehouse: sales has no index on warehouse_id).
ALTER TABLE "sales" DROP CONSTRAINT IF EXISTS "sales_warehouse_id_warehouses_id_fk";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "warehouses_forget_sales"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sales s SET warehouse_id = NULL FROM gone g WHERE s.warehouse_id = g.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "warehouses_forget_sales" ON "warehouses";
--> statement-breakpoint
CREATE TRIGGER "warehouses_forget_sales" AFTER DELETE ON "warehouses" REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION "warehouses_forget_sales"();
