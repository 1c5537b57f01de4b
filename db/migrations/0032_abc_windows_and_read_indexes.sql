CREATE TABLE "abc_class_windows" (
	"org_id" uuid NOT NULL,
	"days" integer NOT NULL,
	"scope" text NOT NULL,
	"abc_class" text NOT NULL,
	"products" integer NOT NULL,
	"revenue" double precision NOT NULL,
	"total" double precision NOT NULL,
	CONSTRAINT "abc_class_windows_org_id_days_scope_abc_class_pk" PRIMARY KEY("org_id","days","scope","abc_class")
);
--> statement-breakpoint
CREATE TABLE "product_abc_windows" (
	"org_id" uuid NOT NULL,
	"days" integer NOT NULL,
	"scope" text NOT NULL,
	"position" integer NOT NULL,
	"product_id" bigint NOT NULL,
	"revenue" double precision NOT NULL,
	"through" double precision NOT NULL,
	"abc_class" text NOT NULL,
	CONSTRAINT "product_abc_windows_org_id_days_scope_position_pk" PRIMARY KEY("org_id","days","scope","position")
);
--> statement-breakpoint
ALTER TABLE "abc_class_windows" ADD CONSTRAINT "abc_class_windows_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_abc_windows" ADD CONSTRAINT "product_abc_windows_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_stock_days_org_day_idx" ON "product_stock_days" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "product_summary_org_cover_idx" ON "product_summary" USING btree ("org_id",(case when "velocity" > 0 then "available" / "velocity" end) asc nulls last);