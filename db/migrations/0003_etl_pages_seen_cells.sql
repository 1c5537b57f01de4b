ALTER TABLE "etl_pages" ADD COLUMN "seen_listing_ids" bigint[];--> statement-breakpoint
ALTER TABLE "etl_pages" ADD COLUMN "seen_warehouse_ids" integer[];