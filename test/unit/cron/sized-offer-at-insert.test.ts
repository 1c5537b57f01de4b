// A new Ozon listing of a sized offer (`<article>-<size>`) joins the WB article's product as it is inserted when
// the organization's WB listing of that article in that size is already there: its stock and audit rows carry that
// product from the start, no product is made for the offer, and the finalize's relink then moves nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { readStockOnWarehousesRow } from "../../../cron/adapters/ozon/stock-on-warehouses-v2";
import { relinkTransaction } from "../../../cron/load/finalize-run";
import { loadStockPage } from "../../../cron/load/load-stock-page";
import { validateStockPage } from "../../../cron/validate/validate-stock";
import { migratedDatabase, startTestRun, type TestDatabase } from "./pglite-database";
import { seedOrganization, seedProducts } from "./seed-organization";

let db: TestDatabase;

beforeAll(async () => {
  db = await migratedDatabase();
});

const ozonRow = (sku: number, offerId: string, available: number) => ({
  sku,
  item_code: offerId,
  item_name: `Товар ${offerId}`,
  free_to_sell_amount: available,
  promised_amount: 0,
  reserved_amount: 0,
  warehouse_name: "Хоругвино",
});

/** Every Ozon listing of the organization with its product's article, and where its stock and audit rows point. */
async function ozonCatalog(orgId: string) {
  return db.query<{ sku: string; article: string; size: string | null; stock: string; audit: string }>(
    `select l.ozon_sku::text as sku, p.article, l.size,
       (select string_agg(distinct i.product_id::text, ',') from inventory i where i.listing_id = l.id) as stock,
       (select string_agg(distinct a.product_id::text, ',') from inventory_audit a where a.listing_id = l.id) as audit
     from listings l join products p on p.id = l.product_id
     where l.org_id = $1 and l.marketplace = 'ozon' order by 1`,
    [orgId],
  );
}

describe("a new Ozon listing of a sized offer", () => {
  it("joins the WB article's product at insert, and the relink then moves nothing", async () => {
    const { orgId, accounts } = await seedOrganization(db.query, ["wb", "ozon"]);
    const [shirt, cap] = await seedProducts(db.query, orgId, ["SHIRT", "CAP"]);
    // WB sells SHIRT in size 46 and CAP unsized (size "0").
    for (const [productId, key, size] of [
      [shirt, "nm:1:46", "46"],
      [cap, "nm:2:0", "0"],
    ])
      await db.query(
        `insert into listings (org_id, product_id, account_id, marketplace, external_key, size, name)
         values ($1, $2, $3, 'wb', $4, $5, '')`,
        [orgId, productId, accounts.wb, key, size],
      );

    const runId = await startTestRun(db, orgId, accounts.ozon);
    const rows = [ozonRow(11, "SHIRT-46", 5), ozonRow(12, "SHIRT-48", 2), ozonRow(13, "CAP-0", 4)];
    const page = validateStockPage("ozon", rows.map(readStockOnWarehousesRow));
    const scope = {
      orgId,
      accountId: accounts.ozon,
      marketplace: "ozon" as const,
      runId,
      pageKey: "ozon.v2.stock_on_warehouses#0",
      endpoint: "ozon.v2.stock_on_warehouses",
    };
    const loaded = await loadStockPage(db.run, scope, page, { extracted: rows.length, pseudoRows: 0 });
    expect(loaded).toMatchObject({ claimed: true, loaded: 3, changed: 3 });

    // SHIRT-46 is SHIRT in size 46 from the start, its stock and audit with it; WB sells no SHIRT in 48 and no
    // sized CAP, so those offers stay products of their own.
    const atInsert = await ozonCatalog(orgId);
    expect(atInsert).toEqual([
      { sku: "11", article: "SHIRT", size: "46", stock: shirt, audit: shirt },
      expect.objectContaining({ sku: "12", article: "SHIRT-48" }),
      expect.objectContaining({ sku: "13", article: "CAP-0" }),
    ]);
    const articles = await db.query<{ article: string }>(
      "select article from products where org_id = $1 order by 1",
      [orgId],
    );
    expect(articles.map((p) => p.article)).toEqual(["CAP", "CAP-0", "SHIRT", "SHIRT-48"]);

    // The finalize's relink finds nothing to move and leaves the catalogue as it was.
    const relinked = await db.run(relinkTransaction(orgId));
    expect(relinked.at(-2)?.[0]).toEqual({ moved: 0 });
    expect(await ozonCatalog(orgId)).toEqual(atInsert);
  });

  it("is linked by the relink as before when its WB listing arrives later", async () => {
    const { orgId, accounts } = await seedOrganization(db.query, ["wb", "ozon"]);
    const runId = await startTestRun(db, orgId, accounts.ozon);
    const rows = [ozonRow(21, "DRESS-42", 3)];
    const page = validateStockPage("ozon", rows.map(readStockOnWarehousesRow));
    await loadStockPage(
      db.run,
      {
        orgId,
        accountId: accounts.ozon,
        marketplace: "ozon",
        runId,
        pageKey: "ozon.v2.stock_on_warehouses#0",
        endpoint: "ozon.v2.stock_on_warehouses",
      },
      page,
      { extracted: 1, pseudoRows: 0 },
    );
    expect(await ozonCatalog(orgId)).toEqual([expect.objectContaining({ sku: "21", article: "DRESS-42" })]);

    const [dress] = await seedProducts(db.query, orgId, ["DRESS"]);
    await db.query(
      `insert into listings (org_id, product_id, account_id, marketplace, external_key, size, name)
       values ($1, $2, $3, 'wb', 'nm:3:42', '42', '')`,
      [orgId, dress, accounts.wb],
    );
    const relinked = await db.run(relinkTransaction(orgId));
    expect(relinked.at(-2)?.[0]).toEqual({ moved: 1 });
    expect(await ozonCatalog(orgId)).toEqual([
      { sku: "21", article: "DRESS", size: "42", stock: dress, audit: dress },
    ]);
  });
});
