// The Overview's answer for all warehouses and for each marketplace, stored whole (db/queries/dashboard-store.ts):
// the counts per stock status, the first DASHBOARD_STORED_TOP products of each status and the money, as the
// per-request statements compute them. Written in the same transaction as what changes them (a finalize's close,
// a settings change) and tagged with the organization's data version and the settings it was classified by; a
// request uses it only when both still match the organization, and computes the answer itself otherwise.
import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

export const dashboardReadModels = pgTable(
  "dashboard_read_models",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** 'all' (both marketplaces), 'ozon' or 'wb'. */
    scope: text("scope").notNull(),
    /** organizations.data_version when it was computed. */
    dataVersion: integer("data_version").notNull(),
    /** The status and money settings it was computed with (db/queries/dashboard-store.ts' dashboardRules). */
    rules: jsonb("rules").notNull(),
    /** {counts, critical, low, normal, overstock}: dashboardData's row. */
    stock: jsonb("stock").notNull(),
    /** dashboardMoney's sums, without the period's observed days (they move with the date). */
    money: jsonb("money").notNull(),
    refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.scope] })],
);
