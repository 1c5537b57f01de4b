-- The last foreign key a sales upsert checked per row, replaced by statement-level triggers (as migrations 0002
-- and 0030 did for inventory's and the other sales parents). Measured by `npm run bench:ingest -- --profile`
-- (queue path, first sync of 159,469 rows): ~163,000 FOR KEY SHARE checks of the listing row, one SPI query per
-- inserted sale.
-- sales.listing_id: a sales page writes only listings it has just joined in the same statement (its own
--   account's, by external key). A statement trigger checks each statement's new rows at once (one anti-join,
--   no row lock) and refuses a sale whose listing does not exist, as the FK did; a statement trigger on listings
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
DROP TRIGGER IF EXISTS "sales_refuse_unknown_listing_update" ON "sales";
--> statement-breakpoint
CREATE TRIGGER "sales_refuse_unknown_listing_update" AFTER UPDATE ON "sales" REFERENCING NEW TABLE AS written
  FOR EACH STATEMENT EXECUTE FUNCTION "sales_refuse_unknown_listing"();
