// Shared pieces of the ingestion tests in workerd: an organization with a marketplace account pointed at the
// simulator, waiting for a run to close, and the simulator's truth compared with what the database holds.
import { env } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { encryptCredentials } from "../../../cron/credentials";
import { type AccountEndpoints, marketplaceAccounts, organizations } from "../../../db/schema";
import { databaseFromEnv } from "../../../worker/db";
import { coordinatorFor } from "../../../worker/sync/coordinator";
import { startRun } from "../../../worker/sync/start-run";

export const db = () => databaseFromEnv(env);

/**
 * The stock adapters these tests drive unless they name others: one source each (Ozon FBO per warehouse, WB
 * supplier/stocks), whose answers the truth helpers below compare, on the simulator in its legacy mode.
 */
const TEST_STOCK_ADAPTERS = { ozon: ["ozon.v2.stock_on_warehouses"], wb: ["wb.v1.supplier_stocks"] };

/** A marketplace account on the simulator, in a new organization unless `orgId` names one. */
export async function seedSimAccount(
  marketplace: "ozon" | "wb",
  endpoints: AccountEndpoints = {},
  orgId?: string,
) {
  const slug = `ingest-${crypto.randomUUID().slice(0, 8)}`;
  const [org] = orgId
    ? [{ id: orgId }]
    : await db().insert(organizations).values({ name: slug, slug }).returning({ id: organizations.id });
  if (!org) throw new Error("organization not created");
  const credentials = await encryptCredentials(
    { ozon: { clientId: "1001", apiKey: "demo-ozon-key" }, wb: { token: "demo-wb-token" } },
    env.CREDENTIALS_KEY,
  );
  const [account] = await db()
    .insert(marketplaceAccounts)
    .values({
      orgId: org.id,
      marketplace,
      name: `${slug} ${marketplace}`,
      credentialsEncrypted: credentials,
      baseUrl: `${env.SIMULATOR_URL}/${marketplace}`,
      endpoints: { rateScale: 600, stock: TEST_STOCK_ADAPTERS[marketplace], ...endpoints },
    })
    .returning({ id: marketplaceAccounts.id });
  if (!account) throw new Error("account not created");
  return { orgId: org.id, accountId: account.id };
}

/** Polls the run log until the run is no longer running; returns its row. */
/**
 * Waits until the run has ended in the run log AND its account's coordinator has let it go: the log closes
 * first, and the run's end is judged for alerts before the lease is released, so a test that starts the next
 * run (or asks the coordinator) as soon as the log says "succeeded" would race that release.
 */
export async function waitForRun(runId: string, timeoutMs = 50_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await db().execute(
      sql`select status, error, pages_done, extracted, failed, account_id from etl_runs where id = ${runId}`,
    );
    const run = result.rows[0] as
      | { status: string; error: string | null; pages_done: number; account_id: string }
      | undefined;
    if (run && run.status !== "running") {
      const { active } = await coordinatorFor(env, run.account_id).status();
      if (active?.runId !== runId) return run;
    }
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run?.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Starts a run of the account through the queue, waits for it to close and expects it succeeded; returns its id. */
export async function syncThroughQueue(
  ids: { orgId: string; accountId: string },
  kind: "full" | "incremental",
): Promise<string> {
  const outcome = await startRun(env, db(), { ...ids, kind, trigger: "api" });
  if (!outcome.started) throw new Error("run refused");
  const run = await waitForRun(outcome.runId);
  expect(run.status, run.error ?? "").toBe("succeeded");
  return outcome.runId;
}

export async function simulator<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${env.SIMULATOR_URL}${path}`, init);
  if (!response.ok) throw new Error(`simulator ${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** "sku:<sku>|canonical warehouse" → "available/reserved/inTransit" of the Ozon truth's FBO cells with stock. */
export async function ozonStockTruth(): Promise<Map<string, string>> {
  const cells = await simulator<
    {
      sku: number;
      warehouse: string;
      warehouseType: string;
      available: number;
      reserved: number;
      inTransit: number;
      inFeed: boolean;
    }[]
  >("/_sim/truth/stock?marketplace=ozon");
  return new Map(
    cells
      .filter((c) => c.warehouseType === "fbo" && c.inFeed && c.available + c.reserved + c.inTransit > 0)
      .map((c) => [`sku:${c.sku}|${c.warehouse}`, `${c.available}/${c.reserved}/${c.inTransit}`]),
  );
}

export async function loadedStock(accountId: string): Promise<Map<string, string>> {
  const result = await db().execute(sql`select l.external_key as key, w.name as warehouse,
      i.available as a, i.reserved as r, i.in_transit as t
    from inventory i join listings l on l.id = i.listing_id join warehouses w on w.id = i.warehouse_id
    where l.account_id = ${accountId} and (i.available + i.reserved + i.in_transit) > 0`);
  const rows = result.rows as { key: string; warehouse: string; a: number; r: number; t: number }[];
  return new Map(rows.map((row) => [`${row.key}|${row.warehouse}`, `${row.a}/${row.r}/${row.t}`]));
}

/** "posting:sku" → "quantity/revenue" of the Ozon sales truth, and of the loaded orders. */
export async function ozonOrdersTruth(): Promise<Map<string, string>> {
  const rows = await simulator<{ postingNumber: string; sku: number; quantity: number; price: number }[]>(
    "/_sim/truth/sales?marketplace=ozon",
  );
  return new Map(rows.map((r) => [`${r.postingNumber}:${r.sku}`, `${r.quantity}/${r.price * r.quantity}`]));
}

export async function loadedOrders(accountId: string): Promise<Map<string, string>> {
  const result = await db().execute(sql`select external_id as id, quantity as q, revenue::float8 as r
    from sales where account_id = ${accountId} and kind = 'order'`);
  const rows = result.rows as { id: string; q: number; r: number }[];
  return new Map(rows.map((row) => [row.id, `${row.q}/${Number(row.r)}`]));
}

/** "nm:<nmId>:<size>|canonical warehouse" → "available/reserved/inTransit" of the WB truth's cells with stock. */
export async function wbStockTruth(): Promise<Map<string, string>> {
  const cells = await simulator<
    {
      nmId: number;
      techSize: string;
      warehouse: string;
      available: number;
      reserved: number;
      inTransit: number;
      inFeed: boolean;
    }[]
  >("/_sim/truth/stock?marketplace=wb");
  return new Map(
    cells
      .filter((c) => c.inFeed && c.available + c.reserved + c.inTransit > 0)
      .map((c) => [
        `nm:${c.nmId}:${c.techSize || "0"}|${c.warehouse}`,
        `${c.available}/${c.reserved}/${c.inTransit}`,
      ]),
  );
}

/** "kind|vendor id" → "quantity/revenue" of every WB order, sale, return and cancellation in the feeds. */
export async function wbSalesTruth(): Promise<Map<string, string>> {
  const rows = await simulator<
    {
      kind: "order" | "sale" | "return";
      srid: string;
      saleId: string | null;
      priceWithDisc: number;
      isCancel: boolean;
      inFeed: boolean;
    }[]
  >("/_sim/truth/sales?marketplace=wb");
  const truth = new Map<string, string>();
  for (const row of rows) {
    if (!row.inFeed) continue;
    const id = row.kind === "order" ? row.srid : (row.saleId ?? row.srid);
    truth.set(`${row.kind}|${id}`, `1/${row.priceWithDisc}`);
    if (row.kind === "order" && row.isCancel) truth.set(`cancellation|${row.srid}`, `1/${row.priceWithDisc}`);
  }
  return truth;
}

/** "kind|external id" → "quantity/revenue" of the loaded sales facts; throws on a duplicated key. */
export async function loadedSales(accountId: string): Promise<Map<string, string>> {
  const result = await db().execute(sql`select kind, external_id as id, quantity as q, revenue::float8 as r
    from sales where account_id = ${accountId}`);
  const rows = result.rows as { kind: string; id: string; q: number; r: number }[];
  const map = new Map(rows.map((row) => [`${row.kind}|${row.id}`, `${row.q}/${Number(row.r)}`]));
  if (map.size !== rows.length) throw new Error(`${rows.length - map.size} duplicated sales rows`);
  return map;
}

export interface RunRow {
  status: string;
  error: string | null;
  extracted: number;
  failed: number;
  pages_done: number;
  api_requests: number;
  api_failed: number;
}

export async function runRow(runId: string): Promise<RunRow> {
  const result = await db().execute(sql`select status, error, extracted, failed, pages_done, api_requests,
    api_failed from etl_runs where id = ${runId}`);
  const row = result.rows[0] as RunRow | undefined;
  if (!row) throw new Error(`no run ${runId}`);
  return row;
}

/**
 * Expects what the account holds to equal the simulator's truth: Ozon FBO stock and orders, or WB stock and every
 * sales fact. Returns the stock truth.
 */
export async function expectTruthLoaded(marketplace: "ozon" | "wb", accountId: string) {
  const stock = marketplace === "ozon" ? await ozonStockTruth() : await wbStockTruth();
  expect(await loadedStock(accountId)).toEqual(stock);
  if (marketplace === "ozon") expect(await loadedOrders(accountId)).toEqual(await ozonOrdersTruth());
  else expect(await loadedSales(accountId)).toEqual(await wbSalesTruth());
  return stock;
}
