CREATE TYPE "public"."status_basis" AS ENUM('cover', 'units');--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "status_basis" "status_basis" DEFAULT 'cover' NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "cover_ceiling_days" integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_cover_ceiling_above_safety" CHECK ("organizations"."cover_ceiling_days" > "organizations"."lead_time_days" + "organizations"."safety_stock_days");