// Which WB article an Ozon sized offer joins when two WB articles name the same offer ("A-B" in size "C" and
// "A" in size "B-C" both name "A-B-C"): one of them, the same on every run, never back and forth.
import { beforeAll, describe, expect, it } from "vitest";
import { relinkTransaction } from "../../../cron/load/finalize-run";
import { migratedDatabase, type TestDatabase } from "./pglite-database";
import { seedOrganization, seedProducts } from "./seed-organization";

let db: TestDatabase;

beforeAll(async () => {
  db = await migratedDatabase();
});

describe("relinking an offer two WB articles name", () => {
  it("joins one of them and stays there on the next runs", async () => {
    const { orgId, accounts } = await seedOrganization(db.query, ["wb", "ozon"]);
    const [wb, ozon] = [accounts.wb, accounts.ozon];
    const [ab, a, own] = await seedProducts(db.query, orgId, ["A-B", "A", "A-B-C"]);
    for (const [productId, key, size] of [
      [ab, "nm:1:C", "C"],
      [a, "nm:2:B-C", "B-C"],
    ])
      await db.query(
        `insert into listings (org_id, product_id, account_id, marketplace, external_key, size, name)
         values ($1, $2, $3, 'wb', $4, $5, '')`,
        [orgId, productId, wb, key, size],
      );
    await db.query(
      `insert into listings (org_id, product_id, account_id, marketplace, external_key, ozon_sku, offer_id, name)
       values ($1, $2, $3, 'ozon', 'sku:7', 7, 'A-B-C', '')`,
      [orgId, own, ozon],
    );
    const productOfOffer = async () =>
      (
        await db.query<{ product: string }>(
          "select product_id::text as product from listings where ozon_sku = 7 and org_id = $1",
          [orgId],
        )
      )[0]?.product;
    const chosen: (string | undefined)[] = [];
    for (let run = 0; run < 3; run++) {
      await db.run(relinkTransaction(orgId));
      chosen.push(await productOfOffer());
    }
    const first = String(Math.min(Number(ab), Number(a)));
    expect(chosen).toEqual([first, first, first]);
  });
});
