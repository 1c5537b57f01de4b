// Peak heap of one vendor page as the engine reads it today (the body as text, JSON.parse of the whole array,
// each row read by its adapter, the page validated): an 80,000-row WB orders page and a 20,000-row WB
// stocks-report page, built from the simulator's own rows repeated with distinct ids. Run with
// `node --expose-gc --import tsx test/bench/page-heap.ts`; prints MB above the heap before the page.
import type { KnownListings } from "../../cron/adapters/adapter";
import { readStocksReportRow } from "../../cron/adapters/wb/stocks-report-wb-warehouses";
import { readSupplierOrdersRow } from "../../cron/adapters/wb/supplier-orders-v1";
import { validateSalesPage } from "../../cron/validate/validate-sales";
import { validateStockPage } from "../../cron/validate/validate-stock";
import { startSimulator } from "../../dev/sim/server";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");
const MB = 1024 * 1024;

async function vendorRows(url: string, init: RequestInit): Promise<Record<string, unknown>[]> {
  const response = await fetch(url, init);
  const body = (await response.json()) as unknown;
  const rows = Array.isArray(body) ? body : (body as { data: { items: unknown[] } }).data.items;
  if (!Array.isArray(rows) || rows.length === 0) throw new Error(`no rows from ${url}`);
  return rows as Record<string, unknown>[];
}

/** `count` rows cycling through `sample`, each made distinct by `distinct`. */
function repeated(
  sample: Record<string, unknown>[],
  count: number,
  distinct: (row: Record<string, unknown>, i: number) => void,
) {
  return Array.from({ length: count }, (_, i) => {
    const row = { ...(sample[i % sample.length] as Record<string, unknown>) };
    distinct(row, i);
    return row;
  });
}

/** Heap growth while the page's text, its parsed rows and the read and validated page are all alive. */
function measure(label: string, text: string, read: (raw: unknown[]) => unknown): void {
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const parsed = JSON.parse(text) as unknown[] | { data: { items: unknown[] } };
  sample();
  const raw = Array.isArray(parsed) ? parsed : parsed.data.items;
  const page = read(raw);
  sample();
  console.log(
    `${label}: ${(text.length / MB).toFixed(1)} MB of JSON, ${raw.length} rows; peak heap +${((peak - before) / MB).toFixed(0)} MB (text not counted: ${(text.length / MB).toFixed(1)} MB more as a string)`,
  );
  if (!page) throw new Error("no page");
}

const sim = await startSimulator({ port: 0, seed: 3, size: 300, timeScale: 6000 });
try {
  const wb = { Authorization: "demo-wb-token" };
  const orders = await vendorRows(
    `${sim.url}/wb/statistics/api/v1/supplier/orders?dateFrom=2019-06-20&flag=0`,
    {
      headers: wb,
    },
  );
  const ordersText = JSON.stringify(
    repeated(orders, 80_000, (row, i) => {
      row.srid = `${row.srid}-${i}`;
    }),
  );
  measure("WB orders, 80,000 rows", ordersText, (raw) =>
    validateSalesPage("wb", raw.map(readSupplierOrdersRow)),
  );

  const stocks = await vendorRows(
    `${sim.url}/wb/seller-analytics/api/analytics/v1/stocks-report/wb-warehouses`,
    {
      method: "POST",
      headers: { ...wb, "Content-Type": "application/json" },
      body: JSON.stringify({ nmIds: [], chrtIds: [], limit: 1000, offset: 0 }),
    },
  );
  const stockRows = repeated(stocks, 20_000, (row, i) => {
    row.chrtId = Number(row.chrtId) * 100_000 + i;
  });
  const known: KnownListings = {
    wbByChrt: new Map(
      stockRows.map((row) => {
        const nmId = Number(row.nmId);
        const chrtId = Number(row.chrtId);
        return [
          `${nmId}:${chrtId}`,
          {
            externalKey: `nm:${nmId}:${chrtId}`,
            article: `A-${nmId}`,
            name: "",
            wbNmId: nmId,
            wbChrtId: chrtId,
          },
        ];
      }),
    ),
  };
  const stocksText = JSON.stringify({ data: { items: stockRows } });
  measure("WB stocks-report, 20,000 rows", stocksText, (raw) =>
    validateStockPage(
      "wb",
      raw.map((row) => readStocksReportRow(row, known)),
    ),
  );
} finally {
  await sim.close();
}
