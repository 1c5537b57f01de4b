-- Foreign keys the loader's own joins already guarantee, replaced where deletion must still cascade.
-- Measured by npm run bench:ingest: each inserted inventory row checked four parents (FOR KEY SHARE row locks)
-- and each audit row one; deleting products (link-products.ts drops every emptied product at a run's end)
-- ran one sequential scan per product in inventory, sales and product_summary.
-- inventory.org_id, .product_id: the listing's own (denormalised); the kept listing_id FK cascades an
--   organization's, account's or product's deletion through listings.
-- inventory.warehouse_id: written only for a warehouse the page just joined through warehouse_aliases; a
--   deleted warehouse takes its stock by the statement-level trigger below.
-- inventory_audit.org_id, inventory_daily.org_id: history has no other parent on purpose (it outlives listings);
--   the organization trigger below removes it.
-- sales.product_id: the listing's product (denormalised); the listing_id FK cascades.
-- product_summary.product_id: the products trigger below removes a deleted product's summary.
-- listings: (product_id) instead of (org_id, product_id) so the products → listings cascade is an index probe.
ALTER TABLE "inventory" DROP CONSTRAINT IF EXISTS "inventory_org_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "inventory" DROP CONSTRAINT IF EXISTS "inventory_warehouse_id_warehouses_id_fk";
--> statement-breakpoint
ALTER TABLE "inventory" DROP CONSTRAINT IF EXISTS "inventory_product_id_products_id_fk";
--> statement-breakpoint
ALTER TABLE "inventory_audit" DROP CONSTRAINT IF EXISTS "inventory_audit_org_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "inventory_daily" DROP CONSTRAINT IF EXISTS "inventory_daily_org_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "sales" DROP CONSTRAINT IF EXISTS "sales_product_id_products_id_fk";
--> statement-breakpoint
ALTER TABLE "product_summary" DROP CONSTRAINT IF EXISTS "product_summary_product_id_products_id_fk";
--> statement-breakpoint
DROP INDEX IF EXISTS "listings_org_product_idx";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "listings_product_idx" ON "listings" USING btree ("product_id");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "warehouses_delete_stock"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM inventory i USING gone g WHERE i.warehouse_id = g.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "warehouses_delete_stock" ON "warehouses";
--> statement-breakpoint
CREATE TRIGGER "warehouses_delete_stock" AFTER DELETE ON "warehouses" REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION "warehouses_delete_stock"();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "organizations_delete_audit"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM inventory_audit a USING gone g WHERE a.org_id = g.id;
  DELETE FROM inventory_daily d USING gone g WHERE d.org_id = g.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "organizations_delete_audit" ON "organizations";
--> statement-breakpoint
CREATE TRIGGER "organizations_delete_audit" AFTER DELETE ON "organizations" REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION "organizations_delete_audit"();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "products_delete_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM product_summary s USING gone g WHERE s.org_id = g.org_id AND s.product_id = g.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "products_delete_summary" ON "products";
--> statement-breakpoint
CREATE TRIGGER "products_delete_summary" AFTER DELETE ON "products" REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION "products_delete_summary"();
