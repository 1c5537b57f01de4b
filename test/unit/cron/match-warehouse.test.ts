// Warehouse names as the feeds write them resolve to the canonical warehouse, pseudo-rows are excluded, and
// names nobody knows stay unknown with a low confidence.
import { describe, expect, it } from "vitest";
import { matchWarehouse, REVIEW_THRESHOLD } from "../../../cron/warehouses/match-warehouse";
import { warehouseNameKey } from "../../../cron/warehouses/normalize-name";
import { OZON_WAREHOUSES, warehouseAliases } from "../../../dev/sim/warehouses";

/** The seller's own (FBS) warehouses: each seller names its own; the run's warehouse directory stores them. */
const sellerOwn = new Set(OZON_WAREHOUSES.filter((w) => w.type === "fbs").map((w) => w.id));

function canonicalOf(marketplace: "ozon" | "wb", raw: string): string | null {
  const match = matchWarehouse(marketplace, raw);
  return match.kind === "matched" ? match.warehouse.name : match.kind;
}

describe("warehouse name key", () => {
  it("folds case, spacing, punctuation, ё and Latin look-alikes", () => {
    expect(warehouseNameKey("  Ростов  на Дону ")).toBe("ростов на дону");
    expect(warehouseNameKey("РОСТОВ-НА-ДОНУ_РФЦ")).toBe("ростов на дону");
    expect(warehouseNameKey("Kазань")).toBe(warehouseNameKey("Казань"));
    expect(warehouseNameKey("XОРУГВИНО_РФЦ")).toBe("хоругвино");
    expect(warehouseNameKey("ПУШКИНО_1_РФЦ")).toBe("пушкино");
    expect(warehouseNameKey("Склад WB РФ")).toBe("склад wb рф");
  });
});

describe("matching a feed's warehouse name", () => {
  it("maps every spelling the simulator's feeds use to its canonical warehouse (not the seller's own)", () => {
    for (const alias of warehouseAliases()) {
      if (alias.canonicalId !== null && sellerOwn.has(alias.canonicalId))
        expect(canonicalOf(alias.marketplace, alias.name)).toBe("unknown");
      else if (alias.kind === "pseudo") expect(canonicalOf(alias.marketplace, alias.name)).toBe("pseudo");
      else if (alias.kind === "warehouse")
        expect(canonicalOf(alias.marketplace, alias.name), alias.name).toBe(alias.canonicalName);
      else expect(canonicalOf(alias.marketplace, alias.name)).toBe(alias.name);
    }
  });

  it("scores an exact name above a code form, and a partial code form below the review threshold", () => {
    const exact = matchWarehouse("ozon", "Казань");
    const code = matchWarehouse("ozon", "КАЗАНЬ_РФЦ_НОВЫЙ");
    const partial = matchWarehouse("ozon", "САНКТ_ПЕТЕРБУРГ_РФЦ");
    expect(exact).toMatchObject({ kind: "matched", confidence: 1 });
    expect(code).toMatchObject({ kind: "matched", rule: "normalized" });
    expect(partial).toMatchObject({ kind: "matched", rule: "partial" });
    if (code.kind !== "matched" || partial.kind !== "matched") throw new Error("unreachable");
    expect(code.confidence).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
    expect(partial.confidence).toBeLessThan(REVIEW_THRESHOLD);
  });

  it("leaves an unknown name unknown, with a tidy provisional name", () => {
    expect(matchWarehouse("wb", "  Новый  склад Омск ")).toMatchObject({
      kind: "unknown",
      provisionalName: "Новый склад Омск",
    });
  });

  it("does not guess between two warehouses that share a prefix", () => {
    expect(
      matchWarehouse("ozon", "Санкт", [
        { name: "Санкт-Петербург Шушары", cluster: "", region: "", type: "fbo" },
        { name: "Санкт-Петербург Бугры", cluster: "", region: "", type: "fbo" },
      ]).kind,
    ).toBe("unknown");
  });
});
