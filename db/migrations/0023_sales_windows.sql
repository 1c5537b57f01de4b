CREATE TABLE "product_sales_windows" (
	"org_id" uuid NOT NULL,
	"days" integer NOT NULL,
	"product_id" bigint NOT NULL,
	"ozon_orders" integer,
	"ozon_units" integer,
	"ozon_revenue" numeric(18, 2),
	"ozon_returns" integer,
	"ozon_cancellations" integer,
	"wb_orders" integer,
	"wb_units" integer,
	"wb_revenue" numeric(18, 2),
	"wb_returns" integer,
	"wb_cancellations" integer,
	CONSTRAINT "product_sales_windows_org_id_days_product_id_pk" PRIMARY KEY("org_id","days","product_id")
);
--> statement-breakpoint
CREATE TABLE "sales_windows" (
	"org_id" uuid NOT NULL,
	"days" integer NOT NULL,
	"ends_on" date NOT NULL,
	CONSTRAINT "sales_windows_org_id_days_pk" PRIMARY KEY("org_id","days")
);
--> statement-breakpoint
ALTER TABLE "product_sales_windows" ADD CONSTRAINT "product_sales_windows_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_windows" ADD CONSTRAINT "sales_windows_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;