// A full run over one page of Ozon FBO stock (warehouse → sku → units available), loaded and finalized as the
// engine does (validate, load, finalize zeroing what the run did not see): the seed of the read-model tests.
import { readStockOnWarehousesRow } from "../../../cron/adapters/ozon/stock-on-warehouses-v2";
import { finalizeRun } from "../../../cron/load/finalize-run";
import { loadStockPage } from "../../../cron/load/load-stock-page";
import { validateStockPage } from "../../../cron/validate/validate-stock";
import { startTestRun, type TestDatabase } from "./pglite-database";

export type OzonStock = Record<string, Record<number, number>>;

export async function fullOzonStockRun(
  db: TestDatabase,
  ids: { orgId: string; accountId: string },
  stock: OzonStock,
): Promise<void> {
  const runId = await startTestRun(db, ids.orgId, ids.accountId);
  const rows = Object.entries(stock).flatMap(([warehouse, cells]) =>
    Object.entries(cells).map(([sku, available]) => ({
      sku: Number(sku),
      item_code: `ART-${sku}`,
      item_name: `Товар ${sku}`,
      free_to_sell_amount: available,
      promised_amount: 0,
      reserved_amount: 0,
      warehouse_name: warehouse,
    })),
  );
  const validated = validateStockPage("ozon", rows.map(readStockOnWarehousesRow));
  const scope = {
    ...ids,
    marketplace: "ozon" as const,
    runId,
    pageKey: "ozon.v2#0",
    endpoint: "ozon.v2.stock_on_warehouses",
  };
  await loadStockPage(db.run, scope, validated, { extracted: rows.length, pseudoRows: 0 });
  await finalizeRun(db.run, { ...ids, runId, zeroUnseen: true, status: "succeeded", error: null });
}
