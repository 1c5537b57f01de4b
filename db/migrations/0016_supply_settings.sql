CREATE TABLE "product_supply_settings" (
	"product_id" bigint PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"min_order_units" integer,
	"pack_size" integer,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_supply_settings_positive" CHECK (("product_supply_settings"."min_order_units" is null or "product_supply_settings"."min_order_units" >= 1) and ("product_supply_settings"."pack_size" is null or "product_supply_settings"."pack_size" >= 1))
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "min_order_units" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "pack_size" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "product_supply_settings" ADD CONSTRAINT "product_supply_settings_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_supply_settings" ADD CONSTRAINT "product_supply_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_supply_settings" ADD CONSTRAINT "product_supply_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_supply_settings_org_idx" ON "product_supply_settings" USING btree ("org_id");--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_supply_units_positive" CHECK ("organizations"."min_order_units" >= 1 and "organizations"."pack_size" >= 1);