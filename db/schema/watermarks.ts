// Incremental sync positions: per account × endpoint, the newest vendor change stamp loaded so far (WB
// lastChangeDate in Moscow time, Ozon created_at). An incremental run starts each feed from its watermark.
import { pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { marketplaceAccounts } from "./accounts";

export const syncWatermarks = pgTable(
  "sync_watermarks",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => marketplaceAccounts.id, { onDelete: "cascade" }),
    // Adapter id, e.g. "wb.v1.supplier_orders".
    endpoint: text("endpoint").notNull(),
    // The vendor's own stamp as text; compared as text (both vendors write sortable ISO-like stamps).
    watermark: text("watermark").notNull(),
    runId: uuid("run_id"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.endpoint] })],
);
