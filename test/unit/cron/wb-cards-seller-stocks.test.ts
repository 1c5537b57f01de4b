// The WB product cards and seller-warehouse stock adapters against the simulator: the cards' cursor walk lists
// every size once, stops on a cursor that does not move on, and asks at the spec's own limits; seller stock
// comes per warehouse in chrtId batches.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { KnownListings, RowOutcome } from "../../../cron/adapters/adapter";
import { wbChrtKey } from "../../../cron/adapters/adapter";
import type { ListingIdentity } from "../../../cron/adapters/stock-record";
import { wbContentCards } from "../../../cron/adapters/wb/content-cards";
import { wbSellerStocks } from "../../../cron/adapters/wb/seller-stocks";
import { MarketplaceClient } from "../../../cron/http/marketplace-client";
import { MemoryRequestGate } from "../../../cron/http/request-gate";
import { type Simulator, startSimulator } from "../../../dev/sim/server";
import { runAgainstSimulator } from "../../contracts/run-adapter";
import { vendorSpec } from "../../contracts/vendor-spec";

const SEED = 23;
const SIZE = 1200;

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: SEED, size: SIZE, timeScale: 6000 });
});
afterAll(async () => {
  await sim?.close();
});
beforeEach(() => {
  sim.reset({ seed: SEED, size: SIZE });
  sim.faults.clear();
});

/** "nm:<nmId>:<size>" → "article|barcode|chrtId" of the simulator's WB listings. */
function truthListings(): Map<string, string> {
  return new Map(
    (
      sim.truth.listings("wb") as {
        nmId: number;
        chrtId: number;
        techSize: string;
        supplierArticle: string;
        barcode: string;
      }[]
    ).map((l) => [`nm:${l.nmId}:${l.techSize || "0"}`, `${l.supplierArticle}|${l.barcode}|${l.chrtId}`]),
  );
}

const readListings = (listings: unknown[]) =>
  new Map(
    (listings as ListingIdentity[]).map((l) => [l.externalKey, `${l.article}|${l.barcode}|${l.wbChrtId}`]),
  );

describe("wb.v2.content_cards", () => {
  it("walks the cursor to the last short page at the spec's limit of 100, every size once", async () => {
    const run = await runAgainstSimulator(wbContentCards, sim, { maxPages: 50 });
    expect(run.error).toBeUndefined();
    const truth = truthListings();
    expect(truth.size).toBeGreaterThan(200);
    expect(run.listings).toHaveLength(truth.size);
    expect(readListings(run.listings)).toEqual(truth);
    expect(run.rows).toEqual([]);
    // More than one page, each asking for 100 (the spec's maximum), each request valid against the spec.
    expect(run.exchanges.length).toBeGreaterThan(1);
    for (const exchange of run.exchanges) {
      expect(vendorSpec("wb").checkRequest(exchange.request)).toEqual([]);
      expect(exchange.request.body).toMatchObject({ settings: { cursor: { limit: 100 } } });
    }
  });

  it("small pages: cards sharing one updatedAt are walked by nmID, none lost or repeated", async () => {
    const run = await runAgainstSimulator(wbContentCards, sim, { maxPages: 200, pageLimit: 7 });
    expect(run.error).toBeUndefined();
    expect(run.listings).toHaveLength(truthListings().size);
    expect(readListings(run.listings)).toEqual(truthListings());
  });

  it("a repeated cursor ends the walk, marked incomplete, instead of looping", async () => {
    sim.faults.set([{ endpoint: "wb.cards_list", kind: "repeat_cursor", calls: [3] }]);
    const pages: { incomplete?: string | undefined; next: unknown }[] = [];
    let cursor: Record<string, unknown> | null = wbContentCards.firstCursor();
    const page = {
      client: new MarketplaceClient({ gate: new MemoryRequestGate(), sleep: async () => {} }),
      credentials: { wb: { token: "demo-wb-token" } },
      baseUrl: `${sim.url}/wb`,
      rateScale: 6000,
      runKind: "full" as const,
      pageLimit: 10,
    };
    while (cursor && pages.length < 100) {
      const result = await wbContentCards.fetchPage(page, cursor);
      pages.push(result);
      cursor = result.next;
    }
    expect(pages).toHaveLength(3);
    expect(pages[2]?.next).toBeNull();
    expect(pages[2]?.incomplete).toContain("does not move past");
  });

  it("a card without the seller's article is rejected naming the field; the other cards are read", async () => {
    sim.faults.set([
      { endpoint: "wb.cards_list", kind: "malformed_rows", calls: [1], fraction: 0.3, mode: "missing" },
    ]);
    const run = await runAgainstSimulator(wbContentCards, sim, { maxPages: 50 });
    expect(run.error).toBeUndefined();
    const rejected = run.rows.filter((row): row is Extract<RowOutcome<unknown>, { ok: false }> => !row.ok);
    expect(rejected.length).toBeGreaterThan(0);
    for (const row of rejected) expect(row.reasons.join(";")).toMatch(/^(nmID|vendorCode|sizes)/);
    // A damaged card may still be read (a missing title or barcode list): its article and chrtId are the truth's.
    const truth = truthListings();
    const articleAndChrt = (value: string | undefined) => value?.replace(/\|[^|]*\|/, "|");
    for (const [key, value] of readListings(run.listings))
      expect(articleAndChrt(value)).toBe(articleAndChrt(truth.get(key)));
  });
});

describe("wb.v3.seller_stocks", () => {
  function known(): KnownListings {
    const wbByChrt = new Map<string, ListingIdentity>();
    for (const l of sim.truth.listings("wb") as { nmId: number; chrtId: number; techSize: string }[]) {
      wbByChrt.set(wbChrtKey(l.nmId, l.chrtId), {
        externalKey: `nm:${l.nmId}:${l.techSize || "0"}`,
        article: "",
        name: "",
        wbNmId: l.nmId,
        wbChrtId: l.chrtId,
      });
    }
    return { wbByChrt };
  }

  it("lists the seller's warehouses, then asks each for every known size in batches of ≤1000; stock equals the truth", async () => {
    for (const pageLimit of [undefined, 40]) {
      const run = await runAgainstSimulator(wbSellerStocks, sim, {
        maxPages: 200,
        knownListings: known(),
        ...(pageLimit ? { pageLimit } : {}),
      });
      expect(run.error).toBeUndefined();
      const loaded = new Map(
        run.rows.flatMap((row) =>
          row.ok
            ? [
                [
                  `${(row.record as { listing: ListingIdentity }).listing.externalKey}|${(row.record as { warehouseName: string }).warehouseName}`,
                  (row.record as { available: number }).available,
                ] as const,
              ]
            : [],
        ),
      );
      expect(loaded).toEqual(
        new Map(
          sim.truth
            .wbSellerStock()
            .map((c) => [`nm:${c.nmId}:${c.techSize || "0"}|${c.warehouse}`, c.available]),
        ),
      );
      const asked = run.exchanges.filter((e) => e.request.method === "POST");
      const sizes = known().wbByChrt.size;
      expect(asked).toHaveLength(2 * Math.ceil(sizes / (pageLimit ?? 1000)));
      for (const exchange of run.exchanges)
        expect(vendorSpec("wb").checkRequest(exchange.request)).toEqual([]);
    }
  });
});
