// The ingest benchmark's world: a throwaway PostgreSQL, the local Neon endpoint on it (postgres backend),
// the migrated schema through the app's neon-http driver, the simulator sized for ≥ N stock rows with limits
// off, and one organization with an Ozon and a Wildberries account. close() tears everything down.
import { encryptCredentials } from "../../cron/credentials";
import { createDatabase, type Database } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { marketplaceAccounts, organizations } from "../../db/schema";
import { type NeonEndpoint, startNeonEndpoint } from "../../dev/neon-endpoint/server";
import { type Simulator, startSimulator } from "../../dev/sim/server";
import { type IngestPostgres, startIngestPostgres } from "./ingest-postgres";

export const BENCH_CREDENTIALS = {
  ozon: { clientId: "1001", apiKey: "demo-ozon-key" },
  wb: { token: "demo-wb-token" },
};

export interface IngestWorld {
  pg: IngestPostgres;
  endpoint: NeonEndpoint;
  /** Admin URL of the benchmark's database on the PostgreSQL server itself (for COPY). */
  directUrl: string;
  db: Database;
  sim: Simulator;
  orgId: string;
  accounts: { ozon: string; wb: string };
  close(): Promise<void>;
}

/** Stock rows the simulator's stock feeds list: Ozon FBO (v2 lists FBO only) and Wildberries cells in feed. */
export function feedStockRows(sim: Simulator): number {
  const ozon = sim.truth.stock("ozon").filter((c) => c.inFeed && c.warehouseType === "fbo").length;
  const wb = sim.truth.stock("wb").filter((c) => c.inFeed).length;
  return ozon + wb;
}

async function sizedSimulator(minRows: number, seed: number): Promise<Simulator> {
  // ≈ 2.8 feed rows per listing; grow until the feeds hold enough.
  let size = Math.ceil(minRows / 2.75);
  const sim = await startSimulator({ port: 0, seed, size, limitsEnabled: false });
  while (feedStockRows(sim) < minRows) {
    size = Math.ceil(size * 1.05);
    sim.reset({ seed, size });
  }
  return sim;
}

export async function startIngestWorld(options: { minRows: number; seed: number }): Promise<IngestWorld> {
  const pg = await startIngestPostgres();
  const closers: (() => Promise<void> | void)[] = [() => pg.stop()];
  const close = async () => {
    for (const closer of closers.reverse()) await Promise.resolve(closer()).catch(() => undefined);
  };
  try {
    const endpoint = await startNeonEndpoint({ port: 0, backend: { kind: "postgres", url: pg.url } });
    closers.push(() => endpoint.close());
    const config = { url: endpoint.connectionString("main"), httpEndpoint: endpoint.sqlUrl };
    await migrateDatabase(config);
    const db = createDatabase(config);
    const sim = await sizedSimulator(options.minRows, options.seed);
    closers.push(() => sim.close());

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
    return { pg, endpoint, directUrl, db, sim, orgId, accounts, close };
  } catch (error) {
    await close();
    throw error;
  }
}
