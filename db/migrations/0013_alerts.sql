CREATE TABLE "alert_channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"telegram_chat_id" text,
	"link_code_hash" text,
	"link_code_expires_at" timestamp with time zone,
	"webhook_url" text,
	"webhook_secret" text,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"failing_since" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_channels_kind" CHECK ("alert_channels"."kind" in ('telegram', 'webhook'))
);
--> statement-breakpoint
CREATE TABLE "alert_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"run_id" uuid NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "alert_deliveries_status" CHECK ("alert_deliveries"."status" in ('queued', 'sent', 'failed', 'dead'))
);
--> statement-breakpoint
CREATE TABLE "alert_episodes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"subject_key" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_run_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_run_id" uuid
);
--> statement-breakpoint
CREATE TABLE "alert_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"rules" text[] DEFAULT '{product_critical,run_failed,endpoint_sunset}'::text[] NOT NULL,
	"language" text DEFAULT 'ru' NOT NULL,
	"quiet_start_hour" smallint,
	"quiet_end_hour" smallint,
	"time_zone" text DEFAULT 'Europe/Moscow' NOT NULL,
	"digest_hour" smallint,
	"sunset_warning_days" integer DEFAULT 30 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_settings_language" CHECK ("alert_settings"."language" in ('ru', 'en')),
	CONSTRAINT "alert_settings_hours" CHECK ("alert_settings"."quiet_start_hour" between 0 and 23 and "alert_settings"."quiet_end_hour" between 0 and 23 and "alert_settings"."digest_hour" between 0 and 23)
);
--> statement-breakpoint
ALTER TABLE "alert_channels" ADD CONSTRAINT "alert_channels_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_channel_id_alert_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."alert_channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_episodes" ADD CONSTRAINT "alert_episodes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_settings" ADD CONSTRAINT "alert_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alert_channels_org_kind_key" ON "alert_channels" USING btree ("org_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_channels_link_code_key" ON "alert_channels" USING btree ("link_code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_deliveries_run_rule_channel_key" ON "alert_deliveries" USING btree ("run_id","rule","channel_id");--> statement-breakpoint
CREATE INDEX "alert_deliveries_org_created_idx" ON "alert_deliveries" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_episodes_open_key" ON "alert_episodes" USING btree ("org_id","rule","subject_key") WHERE "alert_episodes"."closed_at" is null;