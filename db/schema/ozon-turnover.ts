// Ozon's own turnover figures per account × SKU (/v1/analytics/turnover/stocks), kept beside ours so a seller can
// compare with the cabinet. A run writes its rows under its id; its last page marks them complete and deletes
// every other run's rows in the same transaction, so readers (complete rows only) never see a partial report.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { marketplaceAccounts } from "./accounts";

export const ozonTurnover = pgTable(
  "ozon_turnover",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => marketplaceAccounts.id, { onDelete: "cascade" }),
    runId: uuid("run_id").notNull(),
    sku: bigint("sku", { mode: "number" }).notNull(),
    offerId: text("offer_id").notNull().default(""),
    // Average units sold a day, as Ozon counts them.
    ads: real("ads").notNull(),
    currentStock: integer("current_stock").notNull(),
    // Days the stock lasts at `ads`, and Ozon's grade of it (GRADES_GREEN, …).
    idc: real("idc").notNull(),
    idcGrade: text("idc_grade").notNull(),
    turnover: real("turnover").notNull(),
    turnoverGrade: text("turnover_grade").notNull(),
    complete: boolean("complete").notNull().default(false),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.runId, t.sku] }),
    index("ozon_turnover_current_idx").on(t.accountId, t.sku).where(sql`${t.complete}`),
  ],
);
