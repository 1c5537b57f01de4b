// A benchmark's own database on the throwaway PostgreSQL (created through the local Neon endpoint, migrated),
// seeded as the queue path's seller (one organization, an Ozon and a Wildberries account with the client's budgets
// lifted), and what a sync's runs did in it (status, rows, each run's end, pages per adapter). The queue path
// and the in-process full sync each use one, so their workloads start from the same state.
import { sql } from "drizzle-orm";
import pg from "pg";
import { encryptCredentials } from "../../cron/credentials";
import { createDatabase, type Database, type DatabaseConfig } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { type AccountEndpoints, marketplaceAccounts, organizations } from "../../db/schema";
import { LIFTED_RATE_SCALE } from "./ingest-pipeline";
import { BENCH_CREDENTIALS, type IngestWorld } from "./ingest-setup";

export interface BenchDatabase {
  name: string;
  config: DatabaseConfig;
  db: Database;
}

/** Creates and migrates database `name` beside the benchmark's main one. */
export async function createBenchDatabase(world: IngestWorld, name: string): Promise<BenchDatabase> {
  const created = await fetch(`${world.endpoint.url}/_dev/databases`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name }),
  });
  if (!created.ok)
    throw new Error(`create the ${name} database: HTTP ${created.status} ${await created.text()}`);
  const host = new URL(world.endpoint.url).host;
  const config = { url: `postgresql://local:local@${host}/${name}`, httpEndpoint: world.endpoint.sqlUrl };
  await migrateDatabase(config);
  return { name, config, db: createDatabase(config) };
}

/** Each account's feeds, when not the marketplace defaults (e.g. stock only: the in-process stock sync's feeds). */
export type BenchFeeds = Record<"ozon" | "wb", Omit<AccountEndpoints, "rateScale">>;

/** One organization with an Ozon and a Wildberries account on the simulator, client budgets lifted. */
export async function seedBenchSeller(
  db: Database,
  simUrl: string,
  key: string,
  slug: string,
  feeds?: BenchFeeds,
): Promise<{ orgId: string; accounts: { ozon: string; wb: string } }> {
  const orgId = crypto.randomUUID();
  await db.insert(organizations).values({ id: orgId, name: `Bench seller (${slug})`, slug });
  const account = async (marketplace: "ozon" | "wb") => {
    const [row] = await db
      .insert(marketplaceAccounts)
      .values({
        orgId,
        marketplace,
        name: `Bench ${marketplace}`,
        baseUrl: `${simUrl}/${marketplace}`,
        endpoints: { ...feeds?.[marketplace], rateScale: LIFTED_RATE_SCALE },
        credentialsEncrypted: await encryptCredentials(BENCH_CREDENTIALS, key),
      })
      .returning({ id: marketplaceAccounts.id });
    if (!row) throw new Error("the benchmark account was not created");
    return row.id;
  };
  return { orgId, accounts: { ozon: await account("ozon"), wb: await account("wb") } };
}

/** VACUUM ANALYZE of the database, over a direct connection (it cannot run inside the endpoint's transaction). */
export async function vacuumBenchDatabase(world: IngestWorld, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: world.directUrl.replace(/\/main$/, `/${name}`) });
  await client.connect();
  try {
    await client.query("vacuum analyze");
  } finally {
    await client.end();
  }
}

/** What a sync's runs did, both drivers alike. */
export interface SyncRuns {
  status: string[];
  /** Each account's run: ms from the sync's start to its finished_at (which account sets the wall time). */
  runs: { marketplace: string; ms: number }[];
  /** Rows the runs' pages delivered (etl_runs.extracted: stock and sales feeds and reports). */
  extracted: number;
  pages: number;
  /** Pages, rows and the largest load part per adapter (etl_pages.page_key before "#"; a vendor page over the
   * request budget loads in parts, "~n"), and when, in ms from the sync's start, its first page was loaded and
   * its last handed on (where a feed waited: for a queue hop, a batch, another feed). */
  byEndpoint: Record<
    string,
    { pages: number; rows: number; largest: number; firstMs: number; lastMs: number }
  >;
  /** From the sync's start to the last run's finished_at. */
  ms: number;
}

/** A timestamptz as the driver gives it (a Date, or text), to the millisecond (String(date) would drop them). */
const timeMs = (value: unknown) => (value instanceof Date ? value.getTime() : Date.parse(String(value)));

/** The runs started since `startedAt` (refusals left out), or null while one of them is still running. */
export async function syncRunsSince(db: Database, startedAt: Date): Promise<SyncRuns | null> {
  const since = startedAt.toISOString();
  const { rows } = await db.execute(
    sql`select r.id, r.status, r.extracted, r.finished_at, a.marketplace from etl_runs r
      join marketplace_accounts a on a.id = r.account_id
      where r.started_at >= ${since}::timestamptz and r.status <> 'refused'`,
  );
  if (rows.length !== 2 || rows.some((row) => row.status === "running")) return null;
  const finished = Math.max(...rows.map((row) => timeMs(row.finished_at)));
  // page_key is "<adapter>#<position>" (a "~n" suffix for a feed's later windows).
  const pages = await db.execute(
    sql`select split_part(page_key, '#', 1) as endpoint, count(*)::int as pages,
        sum(rows)::int as rows, max(rows)::int as largest, min(processed_at) as first_at,
        max(coalesce(handed_on_at, processed_at)) as last_at
      from etl_pages where run_id in (select id from etl_runs where started_at >= ${since}::timestamptz)
      group by 1 order by 1`,
  );
  return {
    status: rows.map((row) => String(row.status)),
    runs: rows.map((row) => ({
      marketplace: String(row.marketplace),
      ms: timeMs(row.finished_at) - startedAt.getTime(),
    })),
    extracted: rows.reduce((sum, row) => sum + Number(row.extracted), 0),
    pages: pages.rows.reduce((sum, row) => sum + Number(row.pages), 0),
    byEndpoint: Object.fromEntries(
      pages.rows.map((row) => [
        String(row.endpoint),
        {
          pages: Number(row.pages),
          rows: Number(row.rows),
          largest: Number(row.largest),
          firstMs: timeMs(row.first_at) - startedAt.getTime(),
          lastMs: timeMs(row.last_at) - startedAt.getTime(),
        },
      ]),
    ),
    ms: finished - startedAt.getTime(),
  };
}
