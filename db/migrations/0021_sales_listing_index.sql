CREATE INDEX IF NOT EXISTS "sales_listing_idx" ON "sales" USING btree ("listing_id");
