// How long deleting a marketplace account takes, and whether it follows the account's own data or the whole
// organization's: the API benchmark's seller (two big accounts) plus one small account, into a throwaway
// PostgreSQL 15 through the local Neon endpoint; the small account is deleted first, then a big one.
// Run: npx tsx test/bench/account-delete.ts [products] [sales]
import pg from "pg";
import { createDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { deleteAccount } from "../../db/queries/account-admin";
import { startBenchPostgres } from "./api-postgres";
import { seedBenchData } from "./api-seed";

const PRODUCTS = Number(process.argv[2] ?? 5_000);
const SALES = Number(process.argv[3] ?? 400_000);

/** A third account with a few listings and sales of its own, beside the seller's two big ones. */
async function seedSmallAccount(client: pg.Client, orgId: string): Promise<string> {
  const account = await client.query(
    `insert into marketplace_accounts (org_id, marketplace, name, credentials_encrypted)
     values ($1, 'ozon', 'Small', 'v1.x.y') returning id`,
    [orgId],
  );
  const id: string = account.rows[0].id;
  await client.query(
    `insert into listings (org_id, product_id, account_id, marketplace, external_key, name)
     select org_id, id, $2, 'ozon', 'small:' || article, name from products where org_id = $1 order by id limit 50`,
    [orgId, id],
  );
  await client.query(
    `insert into sales (org_id, account_id, marketplace, kind, external_id, listing_id, product_id, warehouse_id,
       occurred_at, day, quantity, revenue, region)
     select l.org_id, l.account_id, 'ozon', 'order', 'small-' || g || '-' || l.id, l.id, l.product_id,
       (select min(id) from warehouses where org_id = $1), now() - ((g % 60) || ' days')::interval,
       current_date - (g % 60), 1, 500, 'Region ' || (g % 8)
     from listings l, generate_series(1, 20) g where l.account_id = $2`,
    [orgId, id],
  );
  await client.query("vacuum analyze");
  return id;
}

async function main(): Promise<void> {
  const postgres = startBenchPostgres();
  const endpointModule = "../../dev/neon-endpoint/server";
  const { startNeonEndpoint } = await import(endpointModule);
  const endpoint = await startNeonEndpoint({ port: 0, backend: { kind: "postgres", url: postgres.url } });
  try {
    await endpoint.createDatabase("bench");
    const url: string = endpoint.connectionString("bench");
    await migrateDatabase({ url, httpEndpoint: endpoint.sqlUrl });
    const direct = new pg.Client({ connectionString: postgres.url.replace(/\/[^/]*$/, "/bench") });
    await direct.connect();
    const orgId = crypto.randomUUID();
    console.log(`seeding ${PRODUCTS} products, ${SALES} sales over two accounts…`);
    await seedBenchData(direct, orgId, "x", { products: PRODUCTS, warehouses: 40, sales: SALES });
    const small = await seedSmallAccount(direct, orgId);
    const db = createDatabase({ url, httpEndpoint: endpoint.sqlUrl });
    const counts = async (accountId: string) =>
      (
        await direct.query(
          `select (select count(*) from sales where account_id = $1)::int as sales,
             (select count(*) from listings where account_id = $1)::int as listings`,
          [accountId],
        )
      ).rows[0];
    const big = (await direct.query("select id from marketplace_accounts where name = 'WB'")).rows[0].id;
    for (const [label, id] of [
      ["small account", small],
      ["big account", big],
    ] as const) {
      const size = await counts(id);
      const started = performance.now();
      const outcome = await deleteAccount(db, orgId, id);
      const ms = Math.round(performance.now() - started);
      console.log(`${label}: ${size.sales} sales, ${size.listings} listings → ${outcome} in ${ms} ms`);
    }
    await direct.end();
  } finally {
    await endpoint.close();
    postgres.stop();
  }
}

await main();
