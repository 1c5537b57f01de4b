-- Account names become unique per organization in any letter case (they were unique per marketplace and exact
-- case). Existing duplicates keep the oldest account's name; each later one gets its marketplace and the start
-- of its id appended, e.g. "Main (wb 1a2b3c4d)", so the index can be built and no account is lost.
UPDATE "marketplace_accounts" AS a SET "name" = a."name" || ' (' || a."marketplace" || ' ' || left(a."id"::text, 8) || ')'
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "org_id", lower("name") ORDER BY "created_at", "id") AS "rank"
  FROM "marketplace_accounts"
) AS d
WHERE d."id" = a."id" AND d."rank" > 1;--> statement-breakpoint
DROP INDEX IF EXISTS "marketplace_accounts_org_name_key";--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "marketplace_accounts_org_lower_name_key" ON "marketplace_accounts" USING btree ("org_id",lower("name"));
