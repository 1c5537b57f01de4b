// Peak heap of one vendor page: an 80,000-row WB orders page and a 20,000-row WB stocks-report page, built from
// the simulator's own rows repeated with distinct ids, read two ways. "whole": the body as text, JSON.parse of
// the whole array, each row read by its adapter, the page validated (how pages were read before streaming).
// "streamed": as the engine reads it, the adapter's fetchPage over a Response whose body streams the same bytes
// in 64 KB chunks (rows validated and normalized as they arrive), then the page validated; the heap is sampled at
// every chunk and after validation, and the live heap (after a GC) with the validated page still held. Run with
// `node --expose-gc --import tsx test/bench/page-heap.ts`; prints MB above the heap before the page. With
// --json it ends with one JSON line of the streamed pages' peak live heap (bench:ingest reads it).
import type { KnownListings, PageContext } from "../../cron/adapters/adapter";
import {
  readStocksReportRow,
  wbStocksReportWbWarehouses,
} from "../../cron/adapters/wb/stocks-report-wb-warehouses";
import { readSupplierOrdersRow, wbSupplierOrdersV1 } from "../../cron/adapters/wb/supplier-orders-v1";
import { MarketplaceClient } from "../../cron/http/marketplace-client";
import { MemoryRequestGate } from "../../cron/http/request-gate";
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

const CHUNK_CHARS = 64 * 1024;

/** A 200 answer whose body streams `text` in chunks, encoded only when the reader asks for them. */
function streamedAnswer(text: string, onPull: () => void): Response {
  const encoder = new TextEncoder();
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull();
      if (at >= text.length) return controller.close();
      controller.enqueue(encoder.encode(text.slice(at, at + CHUNK_CHARS)));
      at += CHUNK_CHARS;
    },
  });
  return new Response(body, { status: 200, headers: { "Content-Type": "application/json" } });
}

/**
 * Live heap while the adapter streams the page and the page is validated: after a GC at every 16th chunk (1 MB
 * of body), after the fetch and after validation (rows and validated page both held). The heap between GCs also
 * holds garbage a 128 MB isolate would collect sooner: its peak is printed too, but the live one is the measure.
 */
async function measureStreamed(
  label: string,
  text: string,
  read: (context: PageContext, sample: () => void) => Promise<unknown>,
  knownListings?: KnownListings,
): Promise<number> {
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let peakLive = before;
  let peakUsed = before;
  let pulls = 0;
  const sampleLive = () => {
    peakUsed = Math.max(peakUsed, process.memoryUsage().heapUsed);
    gc?.();
    peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
  };
  const onPull = () => {
    peakUsed = Math.max(peakUsed, process.memoryUsage().heapUsed);
    if (++pulls % 16 === 0) sampleLive();
  };
  const client = new MarketplaceClient({
    gate: new MemoryRequestGate(),
    fetch: async () => streamedAnswer(text, onPull),
  });
  const context: PageContext = {
    client,
    credentials: { wb: { token: "demo-wb-token" } },
    baseUrl: "http://vendor.invalid/wb",
    rateScale: 1,
    runKind: "full",
    knownListings,
  };
  const page = await read(context, sampleLive);
  sampleLive();
  const mb = (bytes: number) => ((bytes - before) / MB).toFixed(0);
  console.log(
    `${label}, streamed: ${(text.length / MB).toFixed(1)} MB of JSON, never held; peak live heap +${mb(peakLive)} MB (heap used between GCs, garbage included: +${mb(peakUsed)} MB)`,
  );
  if (!page) throw new Error("no page");
  return (peakLive - before) / MB;
}

const streamedPeakMb: Record<string, number> = {};
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
  streamedPeakMb.wb_orders_80k = await measureStreamed(
    "WB orders, 80,000 rows",
    ordersText,
    async (context, sample) => {
      const page = await wbSupplierOrdersV1.fetchPage(context, { dateFrom: "2019-06-20T00:00:00" });
      if (page.rows.length !== 80_000) throw new Error(`${page.rows.length} rows streamed`);
      sample();
      const validated = validateSalesPage("wb", page.rows);
      sample();
      return validated;
    },
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
  streamedPeakMb.wb_stocks_report_20k = await measureStreamed(
    "WB stocks-report, 20,000 rows",
    stocksText,
    async (context, sample) => {
      const page = await wbStocksReportWbWarehouses.fetchPage(context, { offset: 0 });
      if (page.rows.length !== 20_000) throw new Error(`${page.rows.length} rows streamed`);
      sample();
      const validated = validateStockPage("wb", page.rows);
      sample();
      return validated;
    },
    known,
  );
  if (process.argv.includes("--json")) console.log(JSON.stringify({ streamedPeakMb }));
} finally {
  await sim.close();
}
