CREATE TYPE "public"."alias_source" AS ENUM('rule', 'manual', 'auto');--> statement-breakpoint
CREATE TYPE "public"."marketplace" AS ENUM('ozon', 'wb');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('viewer', 'operator', 'admin');--> statement-breakpoint
CREATE TYPE "public"."run_kind" AS ENUM('full', 'incremental');--> statement-breakpoint
CREATE TYPE "public"."run_status" AS ENUM('running', 'succeeded', 'partial', 'failed', 'refused');--> statement-breakpoint
CREATE TYPE "public"."run_trigger" AS ENUM('cron', 'api', 'cli', 'dashboard');--> statement-breakpoint
CREATE TYPE "public"."sale_kind" AS ENUM('order', 'sale', 'return', 'cancellation');--> statement-breakpoint
CREATE TYPE "public"."stock_change_type" AS ENUM('created', 'updated', 'zeroed', 'manual');--> statement-breakpoint
CREATE TYPE "public"."stock_status" AS ENUM('critical', 'low', 'normal', 'overstock');--> statement-breakpoint
CREATE TYPE "public"."warehouse_type" AS ENUM('fbo', 'fbs', 'express', 'unknown');--> statement-breakpoint
CREATE TABLE "marketplace_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"marketplace" "marketplace" NOT NULL,
	"name" text NOT NULL,
	"credentials_encrypted" text NOT NULL,
	"endpoints" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"base_url" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "listings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"product_id" bigint NOT NULL,
	"account_id" uuid NOT NULL,
	"marketplace" "marketplace" NOT NULL,
	"external_key" text NOT NULL,
	"ozon_sku" bigint,
	"ozon_product_id" bigint,
	"offer_id" text,
	"wb_nm_id" bigint,
	"wb_chrt_id" bigint,
	"barcode" text,
	"size" text,
	"name" text DEFAULT '' NOT NULL,
	"price" numeric(14, 2),
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"article" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"brand" text,
	"category" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "etl_pages" (
	"run_id" uuid NOT NULL,
	"page_key" text NOT NULL,
	"rows" integer NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "etl_pages_run_id_page_key_pk" PRIMARY KEY("run_id","page_key")
);
--> statement-breakpoint
CREATE TABLE "etl_rejects" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"page_key" text NOT NULL,
	"row_index" integer NOT NULL,
	"endpoint" text NOT NULL,
	"row" jsonb NOT NULL,
	"reasons" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "etl_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" "run_kind" NOT NULL,
	"trigger" "run_trigger" NOT NULL,
	"status" "run_status" DEFAULT 'running' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"extracted" integer DEFAULT 0 NOT NULL,
	"validated" integer DEFAULT 0 NOT NULL,
	"normalized" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"api_requests" integer DEFAULT 0 NOT NULL,
	"api_failed" integer DEFAULT 0 NOT NULL,
	"api_ms" integer DEFAULT 0 NOT NULL,
	"run_ms" integer,
	"pages_done" integer DEFAULT 0 NOT NULL,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "inventory" (
	"org_id" uuid NOT NULL,
	"listing_id" bigint NOT NULL,
	"warehouse_id" integer NOT NULL,
	"product_id" bigint NOT NULL,
	"marketplace" "marketplace" NOT NULL,
	"available" integer DEFAULT 0 NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"in_transit" integer DEFAULT 0 NOT NULL,
	"source_endpoint" text NOT NULL,
	"quality_score" real DEFAULT 1 NOT NULL,
	"last_synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"run_id" uuid,
	CONSTRAINT "inventory_listing_id_warehouse_id_pk" PRIMARY KEY("listing_id","warehouse_id")
);
--> statement-breakpoint
CREATE TABLE "inventory_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"listing_id" bigint NOT NULL,
	"warehouse_id" integer NOT NULL,
	"product_id" bigint NOT NULL,
	"change_type" "stock_change_type" NOT NULL,
	"old_available" integer,
	"new_available" integer NOT NULL,
	"old_reserved" integer,
	"new_reserved" integer NOT NULL,
	"old_in_transit" integer,
	"new_in_transit" integer NOT NULL,
	"run_id" uuid,
	"user_id" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory_daily" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"listing_id" bigint NOT NULL,
	"warehouse_id" integer NOT NULL,
	"product_id" bigint NOT NULL,
	"marketplace" "marketplace" NOT NULL,
	"available" integer NOT NULL,
	"reserved" integer NOT NULL,
	"in_transit" integer NOT NULL,
	CONSTRAINT "inventory_daily_listing_id_warehouse_id_day_pk" PRIMARY KEY("listing_id","warehouse_id","day")
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"role" "role" DEFAULT 'viewer' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"critical_max" integer DEFAULT 5 NOT NULL,
	"low_max" integer DEFAULT 20 NOT NULL,
	"overstock_min" integer DEFAULT 100 NOT NULL,
	"lead_time_days" integer DEFAULT 14 NOT NULL,
	"safety_stock_days" integer DEFAULT 7 NOT NULL,
	"target_cover_days" integer DEFAULT 45 NOT NULL,
	"velocity_window_days" integer DEFAULT 30 NOT NULL,
	"time_zone" text DEFAULT 'Europe/Moscow' NOT NULL,
	"ip_allowlist" text[] DEFAULT '{}'::text[] NOT NULL,
	"data_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_thresholds_ordered" CHECK ("organizations"."critical_max" >= 0 and "organizations"."critical_max" < "organizations"."low_max" and "organizations"."low_max" < "organizations"."overstock_min"),
	CONSTRAINT "organizations_days_positive" CHECK ("organizations"."lead_time_days" >= 0 and "organizations"."safety_stock_days" >= 0 and "organizations"."target_cover_days" > 0 and "organizations"."velocity_window_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"password_hash" text NOT NULL,
	"role" "role" DEFAULT 'viewer' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sales" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"marketplace" "marketplace" NOT NULL,
	"kind" "sale_kind" NOT NULL,
	"external_id" text NOT NULL,
	"listing_id" bigint NOT NULL,
	"product_id" bigint NOT NULL,
	"warehouse_id" integer,
	"occurred_at" timestamp with time zone NOT NULL,
	"day" date NOT NULL,
	"quantity" integer NOT NULL,
	"revenue" numeric(14, 2) NOT NULL,
	"region" text,
	"status" text,
	"last_change_at" timestamp with time zone,
	"run_id" uuid
);
--> statement-breakpoint
CREATE TABLE "product_summary" (
	"org_id" uuid NOT NULL,
	"product_id" bigint NOT NULL,
	"available" integer NOT NULL,
	"reserved" integer NOT NULL,
	"in_transit" integer NOT NULL,
	"ozon_available" integer NOT NULL,
	"wb_available" integer NOT NULL,
	"warehouse_count" integer NOT NULL,
	"units_sold" integer NOT NULL,
	"revenue" numeric(16, 2) NOT NULL,
	"velocity" double precision NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_summary_org_id_product_id_pk" PRIMARY KEY("org_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "sales_daily" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"product_id" bigint NOT NULL,
	"marketplace" "marketplace" NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"orders" integer NOT NULL,
	"units" integer NOT NULL,
	"revenue" numeric(16, 2) NOT NULL,
	"returns" integer NOT NULL,
	"cancellations" integer NOT NULL,
	CONSTRAINT "sales_daily_org_id_day_product_id_marketplace_region_pk" PRIMARY KEY("org_id","day","product_id","marketplace","region")
);
--> statement-breakpoint
CREATE TABLE "warehouse_aliases" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"marketplace" "marketplace" NOT NULL,
	"alias" text NOT NULL,
	"warehouse_id" integer NOT NULL,
	"confidence" real NOT NULL,
	"source" "alias_source" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warehouses" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"marketplace" "marketplace" NOT NULL,
	"name" text NOT NULL,
	"cluster" text,
	"region" text,
	"type" "warehouse_type" DEFAULT 'fbo' NOT NULL,
	"provisional" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "marketplace_accounts" ADD CONSTRAINT "marketplace_accounts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_account_id_marketplace_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."marketplace_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "etl_pages" ADD CONSTRAINT "etl_pages_run_id_etl_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."etl_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "etl_rejects" ADD CONSTRAINT "etl_rejects_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "etl_rejects" ADD CONSTRAINT "etl_rejects_run_id_etl_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."etl_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "etl_runs" ADD CONSTRAINT "etl_runs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "etl_runs" ADD CONSTRAINT "etl_runs_account_id_marketplace_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."marketplace_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory" ADD CONSTRAINT "inventory_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory" ADD CONSTRAINT "inventory_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory" ADD CONSTRAINT "inventory_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory" ADD CONSTRAINT "inventory_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_audit" ADD CONSTRAINT "inventory_audit_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_audit" ADD CONSTRAINT "inventory_audit_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_daily" ADD CONSTRAINT "inventory_daily_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_account_id_marketplace_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."marketplace_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_summary" ADD CONSTRAINT "product_summary_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_summary" ADD CONSTRAINT "product_summary_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_daily" ADD CONSTRAINT "sales_daily_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warehouse_aliases" ADD CONSTRAINT "warehouse_aliases_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warehouse_aliases" ADD CONSTRAINT "warehouse_aliases_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warehouse_aliases" ADD CONSTRAINT "warehouse_aliases_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warehouses" ADD CONSTRAINT "warehouses_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "marketplace_accounts_org_name_key" ON "marketplace_accounts" USING btree ("org_id","marketplace","name");--> statement-breakpoint
CREATE INDEX "marketplace_accounts_enabled_idx" ON "marketplace_accounts" USING btree ("enabled");--> statement-breakpoint
CREATE UNIQUE INDEX "listings_account_key" ON "listings" USING btree ("account_id","external_key");--> statement-breakpoint
CREATE INDEX "listings_org_product_idx" ON "listings" USING btree ("org_id","product_id");--> statement-breakpoint
CREATE INDEX "listings_ozon_sku_idx" ON "listings" USING btree ("account_id","ozon_sku");--> statement-breakpoint
CREATE INDEX "listings_wb_chrt_idx" ON "listings" USING btree ("account_id","wb_chrt_id");--> statement-breakpoint
CREATE INDEX "listings_barcode_idx" ON "listings" USING btree ("account_id","barcode");--> statement-breakpoint
CREATE UNIQUE INDEX "products_org_article_key" ON "products" USING btree ("org_id","article");--> statement-breakpoint
CREATE INDEX "products_org_category_idx" ON "products" USING btree ("org_id","category");--> statement-breakpoint
CREATE INDEX "etl_rejects_run_idx" ON "etl_rejects" USING btree ("run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "etl_rejects_page_row_key" ON "etl_rejects" USING btree ("run_id","page_key","row_index");--> statement-breakpoint
CREATE INDEX "etl_runs_account_started_idx" ON "etl_runs" USING btree ("account_id","started_at");--> statement-breakpoint
CREATE INDEX "etl_runs_org_started_idx" ON "etl_runs" USING btree ("org_id","started_at");--> statement-breakpoint
CREATE INDEX "inventory_org_product_idx" ON "inventory" USING btree ("org_id","product_id");--> statement-breakpoint
CREATE INDEX "inventory_org_warehouse_idx" ON "inventory" USING btree ("org_id","warehouse_id");--> statement-breakpoint
CREATE INDEX "inventory_audit_product_idx" ON "inventory_audit" USING btree ("org_id","product_id","changed_at");--> statement-breakpoint
CREATE INDEX "inventory_audit_run_idx" ON "inventory_audit" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "inventory_daily_product_idx" ON "inventory_daily" USING btree ("org_id","product_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_org_idx" ON "api_keys" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_org_idx" ON "users" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_account_kind_external_key" ON "sales" USING btree ("account_id","kind","external_id");--> statement-breakpoint
CREATE INDEX "sales_org_day_idx" ON "sales" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "sales_org_product_day_idx" ON "sales" USING btree ("org_id","product_id","day");--> statement-breakpoint
CREATE INDEX "product_summary_org_available_idx" ON "product_summary" USING btree ("org_id","available");--> statement-breakpoint
CREATE INDEX "sales_daily_org_product_idx" ON "sales_daily" USING btree ("org_id","product_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "warehouse_aliases_org_alias_key" ON "warehouse_aliases" USING btree ("org_id","marketplace","alias");--> statement-breakpoint
CREATE INDEX "warehouse_aliases_warehouse_idx" ON "warehouse_aliases" USING btree ("warehouse_id");--> statement-breakpoint
CREATE INDEX "warehouse_aliases_review_idx" ON "warehouse_aliases" USING btree ("org_id") WHERE "warehouse_aliases"."source" <> 'manual' and "warehouse_aliases"."confidence" < 0.9;--> statement-breakpoint
CREATE UNIQUE INDEX "warehouses_org_name_key" ON "warehouses" USING btree ("org_id","marketplace","name");