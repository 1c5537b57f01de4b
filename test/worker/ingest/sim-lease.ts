// The simulator is one process shared by every worker test file, and files may run in parallel: a test that
// syncs against it or changes it (faults, clock, config, stats) holds this lease, kept in a table of the
// local endpoint's default database, and leaves faults and page sizes as it found them.
import { env } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach } from "vitest";
import { createDatabase } from "../../../db/client";
import { simulator } from "./helpers";

const LEASE_SECONDS = 120;
const WAIT_LIMIT_MS = 280_000;

function leaseDatabase() {
  const url = new URL(env.DATABASE_URL);
  url.pathname = "/main";
  return createDatabase({ url: url.toString(), httpEndpoint: env.NEON_HTTP_ENDPOINT || undefined });
}

async function acquire(holder: string): Promise<void> {
  const db = leaseDatabase();
  await db.execute(sql`create table if not exists ingest_sim_lease
    (name text primary key, holder text not null, until timestamptz not null)`);
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (;;) {
    const taken = await db.execute(sql`insert into ingest_sim_lease (name, holder, until)
      values ('simulator', ${holder}, now() + make_interval(secs => ${LEASE_SECONDS}))
      on conflict (name) do update set holder = excluded.holder, until = excluded.until
      where ingest_sim_lease.until < now()
      returning holder`);
    if (taken.rows.length > 0) return;
    if (Date.now() > deadline) throw new Error("the simulator stayed leased by another test file");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function release(holder: string): Promise<void> {
  await leaseDatabase().execute(sql`delete from ingest_sim_lease where holder = ${holder}`);
}

/** Call at the top of a test file: each test has the simulator to itself, with no faults and default pages. */
export function useExclusiveSimulator(): void {
  const holder = crypto.randomUUID();
  const restore = async () => {
    await simulator("/_sim/faults", { method: "DELETE" });
    await simulator("/_sim/config", {
      method: "PUT",
      body: JSON.stringify({ pageSize: { wbStocks: 60_000, wbOrders: 80_000, wbSales: 80_000 } }),
    });
  };
  beforeEach(async () => {
    await acquire(holder);
    await restore();
  }, WAIT_LIMIT_MS + 10_000);
  afterEach(async () => {
    try {
      await restore();
    } finally {
      await release(holder);
    }
  });
}
