// The run log: one etl_runs row per sync run with its counts and timings, etl_pages as the idempotency
// ledger (one row per run × page, committed with the page's data), etl_run_feeds as the join of the run's feeds,
// and etl_rejects for rejected rows.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { marketplaceAccounts } from "./accounts";
import { runKindEnum, runStatusEnum, runTriggerEnum } from "./enums";
import { organizations } from "./organizations";

/** One problem seen during a run (an endpoint switched off, a page sent to the DLQ, an anomaly). */
export interface RunIssue {
  code: string;
  /** English, for API users and logs. */
  message: string;
  /** The message's facts by name, for a client to say it in its own language (e.g. STOCK_JUMP's count). */
  params?: Record<string, string | number>;
  endpoint?: string;
  at: string;
}

export const etlRuns = pgTable(
  "etl_runs",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => marketplaceAccounts.id, { onDelete: "cascade" }),
    kind: runKindEnum("kind").notNull(),
    trigger: runTriggerEnum("trigger").notNull(),
    status: runStatusEnum("status").notNull().default("running"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    extracted: integer("extracted").notNull().default(0),
    validated: integer("validated").notNull().default(0),
    normalized: integer("normalized").notNull().default(0),
    inserted: integer("inserted").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    apiRequests: integer("api_requests").notNull().default(0),
    apiFailed: integer("api_failed").notNull().default(0),
    apiMs: integer("api_ms").notNull().default(0),
    runMs: integer("run_ms"),
    // Set by finalize when every stock source of the account was read whole and unseen stock zeroed: each cell
    // the run did not write was confirmed unchanged at finished_at.
    stockConfirmed: boolean("stock_confirmed").notNull().default(false),
    pagesDone: integer("pages_done").notNull().default(0),
    issues: jsonb("issues").$type<RunIssue[]>().notNull().default(sql`'[]'::jsonb`),
    error: text("error"),
  },
  (t) => [
    index("etl_runs_account_started_idx").on(t.accountId, t.startedAt),
    index("etl_runs_org_started_idx").on(t.orgId, t.startedAt),
    // An account's last run that confirmed its stock (the product page's "confirmed at"): one index entry, where
    // every run of the organization was read for each stock line.
    index("etl_runs_account_confirmed_idx").on(t.accountId, t.finishedAt).where(sql`stock_confirmed`),
  ],
);

export const etlPages = pgTable(
  "etl_pages",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => etlRuns.id, { onDelete: "cascade" }),
    // Endpoint plus its paging position, e.g. "ozon.v2.stock_on_warehouses:offset=2000".
    pageKey: text("page_key").notNull(),
    rows: integer("rows").notNull(),
    processedAt: timestamp("processed_at", { withTimezone: true }).notNull().defaultNow(),
    // The stock cells a stock page saw (listing × warehouse, pairwise): at the end of a full run, stock not
    // seen by any page goes to 0. Unchanged cells are not rewritten, so inventory itself cannot tell. Cleared
    // when the run is finalized.
    seenListingIds: bigint("seen_listing_ids", { mode: "number" }).array(),
    seenWarehouseIds: integer("seen_warehouse_ids").array(),
    // Set once the queued page's successor (next page, next feed or finalize) was sent: a redelivery of the
    // page then does nothing, so a lost ack cannot start a second chain (cron/engine/hand-on.ts).
    handedOnAt: timestamp("handed_on_at", { withTimezone: true }),
    // The successor a delivery went on to run itself instead of queueing it (one delivery runs several steps
    // while its budget lasts): a redelivery after a crash resumes the chain from here (cron/engine/hand-on.ts).
    successor: jsonb("successor"),
  },
  (t) => [primaryKey({ columns: [t.runId, t.pageKey] })],
);

/**
 * The feeds of a run that proceed side by side (cron/engine/run-feeds.ts): the stock chain (every stock source,
 * one after another), each sales feed and each vendor report. A chain's end marks its feed finished under the
 * run's row lock; the one that finishes the last feed (`last`) sends finalize. `finishedBy` is the page that
 * finished it, so only a redelivery of that page sends finalize again. The stock feed keeps which sources it read
 * whole (`progress`) for finalize.
 */
export const etlRunFeeds = pgTable(
  "etl_run_feeds",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => etlRuns.id, { onDelete: "cascade" }),
    // "stock", or a sales feed's or report's adapter id.
    feed: text("feed").notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    finishedBy: text("finished_by"),
    last: boolean("last").notNull().default(false),
    progress: jsonb("progress").$type<{ completeSources: string[]; zeroEndpoints: string[] }>(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.feed] })],
);

export const etlRejects = pgTable(
  "etl_rejects",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    runId: uuid("run_id")
      .notNull()
      .references(() => etlRuns.id, { onDelete: "cascade" }),
    pageKey: text("page_key").notNull(),
    // Position of the row within its page: with pageKey, makes a redelivered page's rejects idempotent.
    rowIndex: integer("row_index").notNull(),
    endpoint: text("endpoint").notNull(),
    row: jsonb("row").notNull(),
    reasons: text("reasons").array().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("etl_rejects_run_idx").on(t.runId),
    uniqueIndex("etl_rejects_page_row_key").on(t.runId, t.pageKey, t.rowIndex),
  ],
);
