// The start of an Ozon run reads the account's warehouse directory (clusters and the seller's own warehouses)
// once and stores it, before any page: the run's pages then place stock and sales on warehouses with their real
// names and clusters. The directory only names warehouses: when the vendor refuses it, the run goes on (names
// fall back to the feeds' own) with the reason recorded as a run issue.
import { fetchWarehouseDirectory } from "../adapters/ozon/warehouse-directory";
import { MarketplaceClient } from "../http/marketplace-client";
import { MarketplaceError } from "../http/marketplace-error";
import { recordApiCalls, recordRunIssue } from "../load/run-log";
import { warehouseDirectoryStatements } from "../load/warehouse-directory-statements";
import type { EnginePorts } from "./ports";
import type { RunContext } from "./run-context";

const ENDPOINT = "ozon.warehouse_directory";

export async function loadWarehouseDirectory(ports: EnginePorts, run: RunContext): Promise<void> {
  if (run.marketplace !== "ozon") return;
  const client = new MarketplaceClient({
    gate: ports.gate,
    ...(ports.fetch ? { fetch: ports.fetch } : {}),
    ...(ports.maxInlineWaitMs !== undefined ? { maxInlineWaitMs: ports.maxInlineWaitMs } : {}),
  });
  const context = {
    client,
    credentials: run.credentials,
    baseUrl: run.baseUrl,
    rateScale: run.endpoints.rateScale ?? 1,
    runKind: "full" as const,
  };
  try {
    const directory = await fetchWarehouseDirectory(context);
    await ports.run([
      ...warehouseDirectoryStatements(run.orgId, directory.warehouses),
      recordApiCalls(run.runId, client.stats),
      ...directory.problems.map((message) =>
        recordRunIssue(run.runId, { code: "WAREHOUSES", message, endpoint: ENDPOINT }),
      ),
    ]);
  } catch (error) {
    if (!(error instanceof MarketplaceError)) throw error;
    await ports.run([
      recordApiCalls(run.runId, client.stats),
      recordRunIssue(run.runId, {
        code: "WAREHOUSES",
        message: `the warehouse directory could not be read, warehouses keep the feeds' names: ${error.message}`,
        endpoint: ENDPOINT,
      }),
    ]);
  }
}
