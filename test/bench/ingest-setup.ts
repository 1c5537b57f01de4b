// The ingest benchmark's world: a throwaway PostgreSQL, the local Neon endpoint on it (postgres backend) and
// the simulator sized for ≥ N stock rows with limits off, each service on its own thread (ingest-services.ts),
// the migrated schema through the app's neon-http driver, and one organization with an Ozon and a Wildberries
// account. close() tears everything down.
import { join } from "node:path";
import { encryptCredentials } from "../../cron/credentials";
import { createDatabase, type Database } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { marketplaceAccounts, organizations } from "../../db/schema";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../support/throwaway-postgres";
import { type PostgresCpu, postgresCpu } from "./cpu-time";
import {
  type EndpointService,
  type SimulatorService,
  startEndpointThread,
  startSimulatorThread,
} from "./ingest-services";

export const BENCH_CREDENTIALS = {
  ozon: { clientId: "1001", apiKey: "demo-ozon-key" },
  wb: { token: "demo-wb-token" },
};

export interface IngestWorld {
  pg: ThrowawayPostgres;
  endpoint: EndpointService;
  /** Admin URL of the benchmark's database on the PostgreSQL server itself (for COPY). */
  directUrl: string;
  db: Database;
  sim: SimulatorService;
  /** CPU ms each stand-in's thread has used so far, and the PostgreSQL server's (NaN, undefined off Linux). */
  cpuMs: { simulator(): number; endpoint(): number; postgres(): PostgresCpu | undefined };
  orgId: string;
  accounts: { ozon: string; wb: string };
  close(): Promise<void>;
}

/** Moves the simulator's clock (sales and replenishment happen); answers what happened. */
export async function advanceSimulator(sim: SimulatorService, hours: number): Promise<unknown> {
  const response = await fetch(`${sim.url}/_sim/advance`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ hours }),
  });
  if (!response.ok) throw new Error(`simulator advance: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

export async function startIngestWorld(options: { minRows: number; seed: number }): Promise<IngestWorld> {
  const pg = await startThrowawayPostgres();
  const closers: (() => Promise<void> | void)[] = [() => pg.stop()];
  const close = async () => {
    for (const closer of closers.reverse()) await Promise.resolve(closer()).catch(() => undefined);
  };
  try {
    const endpointThread = await startEndpointThread(pg.url);
    closers.push(() => endpointThread.stop());
    const endpoint = endpointThread.info;
    const host = new URL(endpoint.url).host;
    const config = { url: `postgresql://local:local@${host}/main`, httpEndpoint: endpoint.sqlUrl };
    await migrateDatabase(config);
    const db = createDatabase(config);
    const simThread = await startSimulatorThread(options.minRows, options.seed);
    closers.push(() => simThread.stop());
    const sim = simThread.info;

    const orgId = crypto.randomUUID();
    await db.insert(organizations).values({ id: orgId, name: "Bench seller", slug: "bench-seller" });
    const key = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
    const account = async (marketplace: "ozon" | "wb") => {
      const [row] = await db
        .insert(marketplaceAccounts)
        .values({
          orgId,
          marketplace,
          name: `Bench ${marketplace}`,
          baseUrl: `${sim.url}/${marketplace}`,
          credentialsEncrypted: await encryptCredentials(BENCH_CREDENTIALS, key),
        })
        .returning({ id: marketplaceAccounts.id });
      if (!row) throw new Error("the benchmark account was not created");
      return row.id;
    };
    const accounts = { ozon: await account("ozon"), wb: await account("wb") };
    const directUrl = pg.url.replace(/\/postgres$/, "/main");
    const cpuMs = {
      simulator: () => simThread.cpuMs(),
      endpoint: () => endpointThread.cpuMs(),
      postgres: () => postgresCpu(join(pg.dir, "data")),
    };
    return { pg, endpoint, directUrl, db, sim, cpuMs, orgId, accounts, close };
  } catch (error) {
    await close();
    throw error;
  }
}
