// The day's stock snapshot and the product summary at the end of a run: the day's first run writes every cell,
// a later run of the same day brings the snapshot up to date with the cells it changed or zeroed, and rows whose
// figures did not change are left untouched.
import { beforeEach, describe, expect, it } from "vitest";
import { fullOzonStockRun } from "./ozon-stock-run";
import { migratedDatabase, seedAccount, type TestDatabase } from "./pglite-database";

let db: TestDatabase;
let ids: { orgId: string; accountId: string };

/** One full run over one page of Ozon FBO stock at Тверь: sku → available. */
const fullRun = (stock: Record<number, number>) => fullOzonStockRun(db, ids, { Тверь: stock });

/** Today's snapshot and the product summary by sku, with each row's xmin (which transaction last wrote it). */
async function snapshotAndSummary() {
  const daily = await db.query<{ sku: string; available: number; xmin: string }>(
    `select l.ozon_sku::text as sku, d.available, d.xmin::text as xmin from inventory_daily d
     join listings l on l.id = d.listing_id where d.org_id = $1 order by 1`,
    [ids.orgId],
  );
  const summary = await db.query<{ sku: string; available: number; xmin: string }>(
    `select l.ozon_sku::text as sku, s.available, s.xmin::text as xmin from product_summary s
     join listings l on l.product_id = s.product_id where s.org_id = $1 order by 1`,
    [ids.orgId],
  );
  return { daily, summary };
}

beforeEach(async () => {
  db ??= await migratedDatabase();
  ids = await seedAccount(db, "ozon");
});

describe("the day's snapshot and summaries", () => {
  it("follow a later run of the same day, rewriting only what changed", async () => {
    await fullRun({ 71: 6, 72: 8, 73: 2 });
    const first = await snapshotAndSummary();
    expect(first.daily.map(({ sku, available }) => ({ sku, available }))).toEqual([
      { sku: "71", available: 6 },
      { sku: "72", available: 8 },
      { sku: "73", available: 2 },
    ]);

    // Same day: 71 changes, 72 leaves the listing (zeroed), 73 is as it was.
    await fullRun({ 71: 5, 73: 2 });
    const second = await snapshotAndSummary();
    const available = (rows: { sku: string; available: number }[]) =>
      rows.map(({ sku, available }) => ({ sku, available }));
    expect(available(second.daily)).toEqual([
      { sku: "71", available: 5 },
      { sku: "72", available: 0 },
      { sku: "73", available: 2 },
    ]);
    expect(available(second.summary)).toEqual(available(second.daily));
    const xminOf = (rows: { sku: string; xmin: string }[], sku: string) =>
      rows.find((r) => r.sku === sku)?.xmin;
    expect(xminOf(second.daily, "73")).toBe(xminOf(first.daily, "73"));
    expect(xminOf(second.summary, "73")).toBe(xminOf(first.summary, "73"));
    expect(xminOf(second.daily, "71")).not.toBe(xminOf(first.daily, "71"));
  });
});
