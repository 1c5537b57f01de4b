CREATE TABLE "ozon_turnover" (
	"account_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"sku" bigint NOT NULL,
	"offer_id" text DEFAULT '' NOT NULL,
	"ads" real NOT NULL,
	"current_stock" integer NOT NULL,
	"idc" real NOT NULL,
	"idc_grade" text NOT NULL,
	"turnover" real NOT NULL,
	"turnover_grade" text NOT NULL,
	"complete" boolean DEFAULT false NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ozon_turnover_account_id_run_id_sku_pk" PRIMARY KEY("account_id","run_id","sku")
);
--> statement-breakpoint
ALTER TABLE "ozon_turnover" ADD CONSTRAINT "ozon_turnover_account_id_marketplace_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."marketplace_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ozon_turnover_current_idx" ON "ozon_turnover" USING btree ("account_id","sku") WHERE "ozon_turnover"."complete";