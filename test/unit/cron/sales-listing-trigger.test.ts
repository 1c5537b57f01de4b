// sales.listing_id has no foreign key (migration 0032): on a real PostgreSQL server, a deleted listing's sales go
// with it (also when its account or product is deleted and the listings go by their own cascade), the other
// listings' sales stay, and a sale naming a listing that does not exist is refused, whole statement and all, on
// insert and on update, as the foreign key refused it.
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { postgresInstalled, usePostgresSessions } from "./postgres-sessions";
import { type RowsQuery, seedOrganization, seedProducts } from "./seed-organization";

describe.skipIf(!postgresInstalled())("sales without a listing foreign key (real PostgreSQL)", () => {
  const pg = usePostgresSessions([] as const);
  const rows: RowsQuery = async (text, params) => (await pg.observer.query(text, params)).rows;

  /** An organization with a WB and an Ozon account, two products, a listing of each product on each account. */
  async function seed() {
    const { orgId, accounts } = await seedOrganization(rows, ["wb", "ozon"]);
    const [shirt, cap] = await seedProducts(rows, orgId, ["SHIRT", "CAP"]);
    const listing = async (account: string, marketplace: "wb" | "ozon", product: string, key: string) =>
      String(
        (
          await rows(
            `insert into listings (org_id, product_id, account_id, marketplace, external_key, name)
             values ($1, $2, $3, $4, $5, 'x') returning id`,
            [orgId, product, account, marketplace, key],
          )
        )[0]?.id,
      );
    return {
      orgId,
      accounts,
      products: { shirt, cap },
      listings: {
        wbShirt: await listing(accounts.wb, "wb", shirt, "wb:shirt"),
        wbCap: await listing(accounts.wb, "wb", cap, "wb:cap"),
        ozonShirt: await listing(accounts.ozon, "ozon", shirt, "ozon:shirt"),
      },
    };
  }
  type Seeded = Awaited<ReturnType<typeof seed>>;

  /** One order of the listing (its account, marketplace and product as the listing has them). */
  const sale = (client: pg.Client, listing: string, externalId: string) =>
    client.query(
      `insert into sales (org_id, account_id, marketplace, kind, external_id, listing_id, product_id, occurred_at,
         day, quantity, revenue)
       select l.org_id, l.account_id, l.marketplace, 'order', $2, $1::bigint, l.product_id, now(), current_date, 1, 100
       from listings l where l.id = $1::bigint`,
      [listing, externalId],
    );

  async function sellEach(seeded: Seeded): Promise<void> {
    await sale(pg.observer, seeded.listings.wbShirt, "wb-1");
    await sale(pg.observer, seeded.listings.wbCap, "wb-2");
    await sale(pg.observer, seeded.listings.ozonShirt, "ozon-1");
  }

  const salesOf = async (orgId: string) =>
    (await rows("select external_id from sales where org_id = $1 order by external_id", [orgId])).map(
      (row) => row.external_id,
    );

  it("a deleted listing's sales go with it, the others' stay", async () => {
    const seeded = await seed();
    await sellEach(seeded);
    await rows("delete from listings where id = $1", [seeded.listings.wbCap]);
    expect(await salesOf(seeded.orgId)).toEqual(["ozon-1", "wb-1"]);
  });

  it("a deleted account's sales go with its listings, the other account's stay", async () => {
    const seeded = await seed();
    await sellEach(seeded);
    await rows("delete from marketplace_accounts where id = $1", [seeded.accounts.wb]);
    expect(await salesOf(seeded.orgId)).toEqual(["ozon-1"]);
  });

  it("a deleted product's sales go with its listings on every account", async () => {
    const seeded = await seed();
    await sellEach(seeded);
    await rows("delete from products where id = $1", [seeded.products.shirt]);
    expect(await salesOf(seeded.orgId)).toEqual(["wb-2"]);
  });

  it("a sale of a listing that does not exist is refused, and the statement writes nothing", async () => {
    const seeded = await seed();
    const refused = pg.observer.query(
      `insert into sales (org_id, account_id, marketplace, kind, external_id, listing_id, product_id, occurred_at,
         day, quantity, revenue)
       values ($1, $2, 'wb', 'order', 'wb-1', $3, $4, now(), current_date, 1, 100),
         ($1, $2, 'wb', 'order', 'wb-2', -1, $4, now(), current_date, 1, 100)`,
      [seeded.orgId, seeded.accounts.wb, seeded.listings.wbShirt, seeded.products.shirt],
    );
    await expect(refused).rejects.toMatchObject({ code: "23503", message: /listing -1 does not exist/ });
    expect(await salesOf(seeded.orgId)).toEqual([]);
  });

  it("moving a sale to a listing that does not exist is refused", async () => {
    const seeded = await seed();
    await sellEach(seeded);
    const refused = rows("update sales set listing_id = listing_id + 1000000 where org_id = $1", [
      seeded.orgId,
    ]);
    await expect(refused).rejects.toMatchObject({ code: "23503" });
    const kept = await rows(
      "select listing_id::text as listing from sales where external_id = 'wb-1' and org_id = $1",
      [seeded.orgId],
    );
    expect(kept).toEqual([{ listing: seeded.listings.wbShirt }]);
  });
});
