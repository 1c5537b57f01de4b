// Sales facts: orders, sales, returns and cancellations per listing, keyed by the marketplace's own id
// (WB srid, Ozon posting number + sku) so a redelivered page upserts instead of duplicating.
import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { marketplaceEnum, saleKindEnum } from "./enums";

export const sales = pgTable(
  "sales",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    // org_id and account_id: the listing's own, denormalised, with no FK (migration 0030): deleting an organization
    // or account deletes its listings, whose trigger deletes their sales (migration 0032), and checking the two
    // parents again locked the organization and account rows once per inserted sale (~130,000 on a first sync).
    orgId: uuid("org_id").notNull(),
    accountId: uuid("account_id").notNull(),
    marketplace: marketplaceEnum("marketplace").notNull(),
    kind: saleKindEnum("kind").notNull(),
    // WB srid (plus saleID for sales/returns); Ozon "<posting_number>:<sku>".
    externalId: text("external_id").notNull(),
    // No FK (migration 0032): the page writes only listings it just joined (of its own account), and a statement
    // trigger on listings deletes a deleted listing's sales, as the cascade did; checking the listing again locked
    // it once per inserted sale (~160,000 on a first sync).
    listingId: bigint("listing_id", { mode: "number" }).notNull(),
    // The listing's product, denormalised: no FK (the listing FK already cascades a product's deletion; this one
    // made every deleted product scan sales).
    productId: bigint("product_id", { mode: "number" }).notNull(),
    // No FK (migration 0030): written only for a warehouse the page just joined through warehouse_aliases; a
    // deleted warehouse's sales keep their rows with no warehouse, by a statement-level trigger.
    warehouseId: integer("warehouse_id"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    // Calendar day of occurredAt in the organization's time zone: the grain of every trend.
    day: date("day").notNull(),
    quantity: integer("quantity").notNull(),
    revenue: numeric("revenue", { precision: 14, scale: 2 }).notNull(),
    region: text("region"),
    status: text("status"),
    lastChangeAt: timestamp("last_change_at", { withTimezone: true }),
    runId: uuid("run_id"),
  },
  (t) => [
    uniqueIndex("sales_account_kind_external_key").on(t.accountId, t.kind, t.externalId),
    index("sales_org_day_idx").on(t.orgId, t.day),
    // The listings → sales cascade probes it: without it deleting an account scanned every sale once per listing
    // (a 5,000-listing account took 148 s over 400,000 sales, test/bench/account-delete.ts).
    index("sales_listing_idx").on(t.listingId),
    index("sales_org_product_day_idx").on(t.orgId, t.productId, t.day),
  ],
);
