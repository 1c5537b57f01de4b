-- The last foreign key a sales upsert checked per row, replaced by statement-level triggers (as migrations 0002
-- and 0030 did for inventory's and the other sales parents). Measured by `npm run bench:ingest -- --profile`
-- (queue path, first sync of 159,469 rows): ~163,000 FOR KEY SHARE checks of the listing row, one SPI query per
-- inserted sale.
-- sales.listing_id: a sales page writes only listings it has just joined in the same statement (its own
--   account's, by external key). Statement triggers check each statement's new rows at once (one anti-join, no
--   row lock) and refuse a sale whose listing does not exist, as the FK did (an update: only a sale it moved to
--   another listing); a statement trigger on listings
--   deletes a deleted listing's sales, as ON DELETE CASCADE did (also when the listings go by their own cascade
--   from an account, product or organization), probing sales_listing_idx.
ALTER TABLE "sales" DROP CONSTRAINT IF EXISTS "sales_listing_id_listings_id_fk";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "listings_delete_sales"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM sales s USING gone g WHERE s.listing_id = g.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "listings_delete_sales" ON "listings";
--> statement-breakpoint
CREATE TRIGGER "listings_delete_sales" AFTER DELETE ON "listings" REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION "listings_delete_sales"();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "sales_refuse_unknown_listing"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing bigint;
BEGIN
  SELECT n.listing_id INTO missing FROM written n
    WHERE NOT EXISTS (SELECT 1 FROM listings l WHERE l.id = n.listing_id) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'insert or update on table "sales" violates its listing check: listing % does not exist', missing
      USING ERRCODE = 'foreign_key_violation', TABLE = 'sales', COLUMN = 'listing_id';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "sales_refuse_unknown_listing_insert" ON "sales";
--> statement-breakpoint
CREATE TRIGGER "sales_refuse_unknown_listing_insert" AFTER INSERT ON "sales" REFERENCING NEW TABLE AS written
  FOR EACH STATEMENT EXECUTE FUNCTION "sales_refuse_unknown_listing"();
--> statement-breakpoint
-- An update is checked only where it moved a sale to another listing: an organization's deletion deletes its
-- listings and forgets its warehouses in one statement, and the warehouses trigger then updates sales whose
-- listing is already gone (the listings trigger deletes them right after).
CREATE OR REPLACE FUNCTION "sales_refuse_moved_to_unknown_listing"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing bigint;
BEGIN
  SELECT n.listing_id INTO missing FROM written n JOIN was o ON o.id = n.id
    WHERE n.listing_id <> o.listing_id AND NOT EXISTS (SELECT 1 FROM listings l WHERE l.id = n.listing_id) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'insert or update on table "sales" violates its listing check: listing % does not exist', missing
      USING ERRCODE = 'foreign_key_violation', TABLE = 'sales', COLUMN = 'listing_id';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "sales_refuse_unknown_listing_update" ON "sales";
--> statement-breakpoint
CREATE TRIGGER "sales_refuse_unknown_listing_update" AFTER UPDATE ON "sales"
  REFERENCING OLD TABLE AS was NEW TABLE AS written
  FOR EACH STATEMENT EXECUTE FUNCTION "sales_refuse_moved_to_unknown_listing"();
--> statement-breakpoint
-- The summaries finalize writes for every product of a first sync checked their organization once per row (most
-- of the 46,262 FOR KEY SHARE checks of the organization row in the same benchmark's in-process first sync of
-- 20,407 stock rows; listings and products hold the rest): product_summary, product_stock_days, product_marketplace_stock and
-- product_warehouse_summary lose their org_id FK, and the organization trigger removes their rows, as it does
-- inventory_daily's and sales_daily's.
ALTER TABLE "product_marketplace_stock" DROP CONSTRAINT IF EXISTS "product_marketplace_stock_org_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "product_warehouse_summary" DROP CONSTRAINT IF EXISTS "product_warehouse_summary_org_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "product_stock_days" DROP CONSTRAINT IF EXISTS "product_stock_days_org_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "product_summary" DROP CONSTRAINT IF EXISTS "product_summary_org_id_organizations_id_fk";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "organizations_delete_audit"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM inventory_audit a USING gone g WHERE a.org_id = g.id;
  DELETE FROM inventory_daily d USING gone g WHERE d.org_id = g.id;
  DELETE FROM sales_daily s USING gone g WHERE s.org_id = g.id;
  DELETE FROM product_summary s USING gone g WHERE s.org_id = g.id;
  DELETE FROM product_stock_days s USING gone g WHERE s.org_id = g.id;
  DELETE FROM product_marketplace_stock s USING gone g WHERE s.org_id = g.id;
  DELETE FROM product_warehouse_summary s USING gone g WHERE s.org_id = g.id;
  RETURN NULL;
END $$;
