ALTER TABLE "product_summary" ADD COLUMN "lost_units" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "product_summary" ADD COLUMN "ozon_lost_units" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "product_summary" ADD COLUMN "wb_lost_units" double precision DEFAULT 0 NOT NULL;