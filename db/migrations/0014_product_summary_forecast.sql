ALTER TABLE "product_summary" ADD COLUMN "demand_model" text;--> statement-breakpoint
ALTER TABLE "product_summary" ADD COLUMN "observed_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "product_summary" ADD COLUMN "censored_days" integer DEFAULT 0 NOT NULL;