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
CREATE INDEX "product_stock_days_org_day_idx" ON "product_stock_days" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "product_summary_org_cover_idx" ON "product_summary" USING btree ("org_id",(case when "velocity" > 0 then "available" / "velocity" end) asc nulls last);--> statement-breakpoint
-- The ABC ranks have no FK to organizations (a first-of-day refresh inserts every product's rank of every period
-- and scope, each checking it): an organization's deletion removes them by this statement trigger.
CREATE OR REPLACE FUNCTION "organizations_forget_abc"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM product_abc_windows w USING gone g WHERE w.org_id = g.id;
  DELETE FROM abc_class_windows c USING gone g WHERE c.org_id = g.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "organizations_forget_abc" ON "organizations";
--> statement-breakpoint
CREATE TRIGGER "organizations_forget_abc" AFTER DELETE ON "organizations" REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION "organizations_forget_abc"();
