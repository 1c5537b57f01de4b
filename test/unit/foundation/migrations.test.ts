// `npm run db:migrate` semantics: migrations apply through the app's own neon-http driver to the local
// endpoint, create the whole data model, and a second run changes nothing.
import { neon } from "@neondatabase/serverless";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../../db/migrate";
import { type NeonEndpoint, startNeonEndpoint } from "../../../dev/neon-endpoint/server";

let endpoint: NeonEndpoint;

beforeAll(async () => {
  endpoint = await startNeonEndpoint({ port: 0 });
  await endpoint.createDatabase("migrations_test");
});

afterAll(async () => {
  await endpoint?.close();
});

const EXPECTED_TABLES = [
  "api_keys",
  "etl_pages",
  "etl_rejects",
  "etl_runs",
  "inventory",
  "inventory_audit",
  "inventory_daily",
  "listings",
  "login_throttle",
  "marketplace_accounts",
  "organizations",
  "product_sales_windows",
  "product_stock_days",
  "product_summary",
  "product_supply_settings",
  "products",
  "sales",
  "sales_daily",
  "sales_day_totals",
  "sales_windows",
  "sessions",
  "users",
  "warehouse_aliases",
  "warehouses",
];

describe("db:migrate", () => {
  it("creates the data model and is safe to run twice", async () => {
    const config = { url: endpoint.connectionString("migrations_test"), httpEndpoint: endpoint.sqlUrl };
    await migrateDatabase(config);
    await migrateDatabase(config);

    const sql = neon(config.url);
    const tables =
      await sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`;
    for (const table of EXPECTED_TABLES) expect(tables.map((row) => row.table_name)).toContain(table);
    const applied = await sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
    expect(applied[0]?.n).toBeGreaterThanOrEqual(1);
    const journalSize = (await import("../../../db/migrations/meta/_journal.json")).entries.length;
    expect(applied[0]?.n).toBe(journalSize);
  });

  it("enforces tenant settings constraints (thresholds must be ordered)", async () => {
    const sql = neon(endpoint.connectionString("migrations_test"));
    await expect(
      sql`insert into organizations (name, slug, critical_max, low_max) values ('x', 'x', 30, 20)`,
    ).rejects.toMatchObject({ code: "23514" });
  });

  it("keeps an account's stock jump factor above 1 (null = the default)", async () => {
    const sql = neon(endpoint.connectionString("migrations_test"));
    const [org] = await sql`insert into organizations (name, slug) values ('j', 'j') returning id`;
    const account = (factor: number | null) =>
      sql`insert into marketplace_accounts (org_id, marketplace, name, credentials_encrypted, stock_jump_factor)
        values (${org?.id}, 'ozon', ${`a${factor}`}, 'v1.x.y', ${factor}) returning stock_jump_factor`;
    expect(await account(null)).toEqual([{ stock_jump_factor: null }]);
    expect(await account(2.5)).toEqual([{ stock_jump_factor: 2.5 }]);
    await expect(account(1)).rejects.toMatchObject({ code: "23514" });
  });
});
