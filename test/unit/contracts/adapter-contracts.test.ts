// Every adapter held to the vendor's spec: against the simulator, each request it sends validates against the
// operation's request schema and each answer the simulator gives validates against the response schema; and the
// vendor's own example answers read through the adapter without a rejected row. Together the adapters reach
// every endpoint the simulator serves (checked last).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type AnyAdapter, type KnownListings, wbChrtKey } from "../../../cron/adapters/adapter";
import { fetchWarehouseDirectory } from "../../../cron/adapters/ozon/warehouse-directory";
import { REPORT_ADAPTERS, type ReportAdapter } from "../../../cron/adapters/report-adapters";
import { SALES_ADAPTERS } from "../../../cron/adapters/sales-adapters";
import { STOCK_ADAPTERS } from "../../../cron/adapters/stock-adapters";
import { type ListingIdentity, wbListingKey } from "../../../cron/adapters/stock-record";
import { ENDPOINTS } from "../../../dev/sim/endpoints";
import { type Simulator, startSimulator } from "../../../dev/sim/server";
import {
  readAgainstAnswer,
  readAgainstSimulator,
  runAgainstAnswer,
  runAgainstSimulator,
} from "../../contracts/run-adapter";
import { vendorSpec } from "../../contracts/vendor-spec";

const SEED = 31;
const SIZE = 400;
const ADAPTERS: (AnyAdapter | ReportAdapter)[] = [
  ...Object.values(STOCK_ADAPTERS),
  ...Object.values(SALES_ADAPTERS),
  ...Object.values(REPORT_ADAPTERS),
];

/**
 * Example answers that are the vendor's templates rather than data ("string", sku 0): a row of one is rejected,
 * and must be rejected naming the placeholder field.
 */
const TEMPLATE_EXAMPLES: Record<string, string> = { "/v2/analytics/stock_on_warehouses": "sku" };

/** The WB listings the simulator holds, as the cards a sync would have loaded (stocks-report rows name only ids). */
function knownWbListings(): KnownListings {
  const wbByChrt = new Map<string, ListingIdentity>();
  for (const l of sim.truth.listings("wb") as {
    nmId: number;
    chrtId: number;
    techSize: string;
    supplierArticle: string;
    barcode: string;
  }[]) {
    wbByChrt.set(wbChrtKey(l.nmId, l.chrtId), {
      externalKey: wbListingKey(l.nmId, l.techSize),
      article: l.supplierArticle,
      name: "",
      wbNmId: l.nmId,
      wbChrtId: l.chrtId,
      barcode: l.barcode,
      size: l.techSize || "0",
    });
  }
  return { wbByChrt };
}

/** Simulator endpoints ("METHOD /prefix/path" templates) the adapters' runs reached, for the coverage check. */
const reached = new Set<string>();

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: SEED, size: SIZE, timeScale: 6000 });
});
afterAll(async () => {
  await sim?.close();
});
beforeEach(() => {
  sim.reset({ seed: SEED, size: SIZE });
  // A day on, so the world also holds what only happens as time moves (FBS postings, supplies).
  sim.advance({ hours: 24 });
  // This month's vendor behaviour, with the switched-off supplier/stocks answering again: a contract is checked
  // on the endpoint's working answers.
  sim.config.set({ mode: "current", switchOff: { "wb.stocks": null } });
});

describe.each(ADAPTERS.map((adapter) => [adapter.id, adapter] as const))("%s", (_id, adapter) => {
  it("sends requests the vendor's spec accepts, and the simulator answers as the spec says", async () => {
    const run = await runAgainstSimulator(adapter, sim, {
      maxPages: 12,
      pageLimit: 50,
      knownListings: knownWbListings(),
    });
    expect(run.exchanges.length).toBeGreaterThan(0);
    for (const e of run.exchanges) {
      const operation = vendorSpec(e.vendor).find(e.request.method, e.request.path);
      if (operation) reached.add(`${e.request.method} ${e.vendor} ${operation.template}`);
    }
    // Rate-limit answers (429) come from the vendors' general rules, not the operation: the client retries them.
    const answered = run.exchanges.filter((exchange) => exchange.status !== 429);
    const problems = answered.flatMap((exchange) => {
      const spec = vendorSpec(exchange.vendor);
      const { method, path } = exchange.request;
      return [
        ...spec
          .checkRequest(exchange.request)
          .map((v) => `request ${method} ${path} ${v.where}: ${v.problems}`),
        ...spec
          .checkResponse(method, path, exchange.status, exchange.response)
          .map((v) => `answer ${exchange.status} ${method} ${path} ${v.where}: ${v.problems.slice(0, 5)}`),
      ];
    });
    expect([...new Set(problems)]).toEqual([]);
    expect(run.error).toBeUndefined();
    // Stock and sales rows, or the listings of the WB cards.
    expect(run.rows.filter((row) => row.ok).length + run.listings.length).toBeGreaterThan(0);
  });

  it("reads the vendor's own example answers without rejecting a row", async () => {
    const run = await runAgainstSimulator(adapter, sim, { maxPages: 4, pageLimit: 50 });
    expect(run.error).toBeUndefined();
    // Per operation (template): the vendor's example answer, else what the simulator answered.
    const answers = new Map<string, unknown>();
    let templates = 0;
    let examples = 0;
    for (const exchange of run.exchanges) {
      const spec = vendorSpec(exchange.vendor);
      const { method, path } = exchange.request;
      const operation = spec.find(method, path);
      if (!operation || answers.has(operation.template)) continue;
      const [example] = spec.responseExamples(method, path);
      if (example !== undefined) examples++;
      if (TEMPLATE_EXAMPLES[operation.template]) templates++;
      answers.set(operation.template, example ?? exchange.response);
    }
    // Every operation the adapters use has an example in the spec except these (listed so the gap is visible).
    if (examples === 0) return;
    const answerOf = (method: string, path: string) => {
      const operation = vendorSpec(adapter.marketplace).find(method, path);
      return operation ? answers.get(operation.template) : undefined;
    };
    const fromExamples = await runAgainstAnswer(adapter, answerOf, sim.now().getTime(), knownWbListings());
    expect(fromExamples.error).toBeUndefined();
    const rejected = fromExamples.rows.filter((row) => !row.ok);
    if (templates > 0) {
      for (const row of rejected) expect(JSON.stringify(row)).toContain(Object.values(TEMPLATE_EXAMPLES)[0]);
    } else expect(rejected).toEqual([]);
  });
});

describe("the Ozon warehouse directory (/v1/cluster/list, /v2/warehouse/list)", () => {
  it("sends requests the vendor's spec accepts, and the simulator answers as the spec says", async () => {
    const { exchanges, result } = await readAgainstSimulator("ozon", sim, fetchWarehouseDirectory);
    const problems = exchanges.flatMap((exchange) => {
      const spec = vendorSpec(exchange.vendor);
      const { method, path } = exchange.request;
      const operation = spec.find(method, path);
      if (operation) reached.add(`${method} ${exchange.vendor} ${operation.template}`);
      return [
        ...spec.checkRequest(exchange.request).map((v) => `request ${path} ${v.where}: ${v.problems}`),
        ...spec
          .checkResponse(method, path, exchange.status, exchange.response)
          .map((v) => `answer ${exchange.status} ${path} ${v.where}: ${v.problems.slice(0, 5)}`),
      ];
    });
    expect(problems).toEqual([]);
    expect(exchanges.map((e) => e.request.path).sort()).toEqual(["/v1/cluster/list", "/v2/warehouse/list"]);
    expect(result.problems).toEqual([]);
    expect(result.warehouses.some((w) => w.type === "fbs" && w.cluster)).toBe(true);
  });

  it("reads the vendor's example warehouse list: the seller's warehouse by its name and id", async () => {
    const [example] = vendorSpec("ozon").responseExamples("post", "/v2/warehouse/list");
    const { exchanges } = await readAgainstSimulator("ozon", sim, fetchWarehouseDirectory);
    const clusters = exchanges.find((e) => e.request.path === "/v1/cluster/list")?.response;
    const directory = await readAgainstAnswer(
      "ozon",
      (_method, path) => (path === "/v2/warehouse/list" ? example : clusters),
      fetchWarehouseDirectory,
    );
    // The example's has_next is the text "string" (its schema says boolean): read as the last page, and said.
    expect(directory.problems).toEqual(['warehouse list: has_next was "string", read as the last page']);
    const own = directory.warehouses.filter((w) => w.type === "fbs");
    expect(own.map((w) => [w.name, w.aliases])).toEqual([["17023", ["17023", "Ozon FBS 20605650762000"]]]);
  });
});

describe("the simulator", () => {
  it("has every vendor endpoint it serves checked above, each one in the specs", () => {
    const served = Object.values(ENDPOINTS).map((e) => {
      const vendor = e.vendor;
      const path = e.path
        .replace(/^\/(ozon|wb\/statistics|wb\/seller-analytics|wb\/content|wb\/marketplace)/, "")
        .replace(/:(\w+)/g, "x");
      const operation = vendorSpec(vendor).find(e.method, path);
      expect(operation, `${e.method} ${e.path} is not in the ${vendor} spec`).toBeDefined();
      return `${e.method} ${vendor} ${operation?.template}`;
    });
    expect([...reached].sort()).toEqual([...new Set(served)].sort());
  });
});
