-- One account per seller cabinet and organization: a keyed fingerprint of the credentials' identity (Ozon's
-- Client-Id, WB's token) beside the sealed credentials, unique per organization and marketplace. Existing rows
-- keep a null fingerprint (SQL cannot decrypt them); the Worker fills the organization's missing ones of a
-- marketplace before it compares, at the next connect or credential change (worker/accounts/same-cabinet.ts).
ALTER TABLE "marketplace_accounts" ADD COLUMN IF NOT EXISTS "credentials_fingerprint" text;--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "marketplace_accounts_org_credentials_key" ON "marketplace_accounts" USING btree ("org_id","marketplace","credentials_fingerprint");
