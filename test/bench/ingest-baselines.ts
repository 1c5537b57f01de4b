// The comparisons, on the rows the pipeline loaded, each into an emptied inventory table: (a) one bare
// `unnest` upsert per page through the same neon-http driver, (b) one INSERT per row on a sample, and
// (c) COPY straight into PostgreSQL over a direct connection.
import { sql } from "drizzle-orm";
import pg from "pg";
import { copyFromStdin } from "./ingest-copy";
import type { IngestWorld } from "./ingest-setup";

export interface InventoryRow {
  org_id: string;
  listing_id: string;
  warehouse_id: number;
  product_id: string;
  marketplace: "ozon" | "wb";
  available: number;
  reserved: number;
  in_transit: number;
  source_endpoint: string;
  quality_score: number;
  run_id: string;
}

export interface BaselineFigure {
  rows: number;
  ms: number;
}

const COLUMNS =
  "org_id, listing_id, warehouse_id, product_id, marketplace, available, reserved, in_transit, source_endpoint, quality_score, last_synced_at, run_id";

export async function withDirectClient<T>(world: IngestWorld, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: world.directUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The rows the pipeline left in inventory, in a stable order, and an empty table to load them into again. */
export async function takeLoadedRows(world: IngestWorld): Promise<InventoryRow[]> {
  return withDirectClient(world, async (client) => {
    const result = await client.query<InventoryRow>(
      `select ${COLUMNS.replace(", last_synced_at", "")} from inventory order by marketplace, listing_id, warehouse_id`,
    );
    return result.rows;
  });
}

export async function emptyInventory(world: IngestWorld): Promise<void> {
  await withDirectClient(world, (client) => client.query("truncate inventory"));
}

const arr = <T>(values: T[]) => sql.param(values);

/** (a) One statement per page: unnest of the page's columns, ON CONFLICT DO UPDATE, nothing else. */
export async function bareUpsert(world: IngestWorld, rows: InventoryRow[], pageSize: number) {
  const started = performance.now();
  for (let i = 0; i < rows.length; i += pageSize) {
    const page = rows.slice(i, i + pageSize);
    await world.db.execute(sql`insert into inventory (${sql.raw(COLUMNS)})
      select t.org_id, t.listing_id, t.warehouse_id, t.product_id, t.marketplace, t.available, t.reserved, t.in_transit,
        t.source_endpoint, t.quality_score, now(), t.run_id
      from unnest(${arr(page.map((r) => r.org_id))}::uuid[], ${arr(page.map((r) => r.listing_id))}::bigint[],
        ${arr(page.map((r) => r.warehouse_id))}::int[], ${arr(page.map((r) => r.product_id))}::bigint[],
        ${arr(page.map((r) => r.marketplace))}::marketplace[], ${arr(page.map((r) => r.available))}::int[],
        ${arr(page.map((r) => r.reserved))}::int[], ${arr(page.map((r) => r.in_transit))}::int[],
        ${arr(page.map((r) => r.source_endpoint))}::text[], ${arr(page.map((r) => r.quality_score))}::real[],
        ${arr(page.map((r) => r.run_id))}::uuid[])
        as t(org_id, listing_id, warehouse_id, product_id, marketplace, available, reserved, in_transit, source_endpoint,
          quality_score, run_id)
      on conflict (listing_id, warehouse_id) do update set available = excluded.available, reserved = excluded.reserved,
        in_transit = excluded.in_transit, source_endpoint = excluded.source_endpoint,
        quality_score = excluded.quality_score, last_synced_at = excluded.last_synced_at, run_id = excluded.run_id`);
  }
  return { rows: rows.length, ms: performance.now() - started };
}

/** (b) One INSERT … ON CONFLICT per row, each its own HTTP round trip and transaction. */
export async function perRowInsert(world: IngestWorld, rows: InventoryRow[]) {
  const started = performance.now();
  for (const r of rows) {
    await world.db.execute(sql`insert into inventory (${sql.raw(COLUMNS)})
      values (${r.org_id}, ${r.listing_id}, ${r.warehouse_id}, ${r.product_id}, ${r.marketplace}, ${r.available},
        ${r.reserved}, ${r.in_transit}, ${r.source_endpoint}, ${r.quality_score}, now(), ${r.run_id})
      on conflict (listing_id, warehouse_id) do update set available = excluded.available, reserved = excluded.reserved,
        in_transit = excluded.in_transit, last_synced_at = excluded.last_synced_at, run_id = excluded.run_id`);
  }
  return { rows: rows.length, ms: performance.now() - started };
}

/** (c) COPY FROM STDIN over one direct connection (formatting the rows included in the time). */
export async function copyDirect(world: IngestWorld, rows: InventoryRow[]) {
  return withDirectClient(world, async (client) => {
    const started = performance.now();
    const now = new Date().toISOString();
    const lines = rows.map((r) =>
      [
        r.org_id,
        r.listing_id,
        r.warehouse_id,
        r.product_id,
        r.marketplace,
        r.available,
        r.reserved,
        r.in_transit,
        r.source_endpoint,
        r.quality_score,
        now,
        r.run_id,
      ].join("\t"),
    );
    const copied = await copyFromStdin(client, `inventory (${COLUMNS})`, lines);
    return { rows: copied, ms: performance.now() - started };
  });
}
