// `npm run bench:api` covers every read of the API: each GET of the OpenAPI document has a variant in
// test/bench/api-routes.ts (a route added without one fails here, so the benchmark cannot silently leave it out),
// each export (`format=csv`) is measured too, and a cached route's business reads have a naive baseline.
import { describe, expect, it } from "vitest";
import { benchVariants } from "../../../test/bench/api-routes";
import { openApiDocument } from "../../../worker/api/openapi-document";
import { createApp } from "../../../worker/app";

interface Parameter {
  name: string;
  in: string;
  schema?: { enum?: string[] };
}

const document = openApiDocument(createApp(), "https://edge.mi-core.test", "1.0.0");
const reads = Object.entries(document.paths ?? {}).flatMap(([path, item]) => {
  const get = (item as { get?: { parameters?: Parameter[] } }).get;
  return get ? [{ path, parameters: get.parameters ?? [] }] : [];
});

const variants = benchVariants({
  orgId: "00000000-0000-4000-8000-000000000000",
  warehouseId: 7,
  productId: 11,
  today: "2026-12-07",
  from90: "2026-09-09",
  cluster: "Cluster 1",
  accountId: "00000000-0000-4000-8000-000000000001",
  runId: "00000000-0000-4000-8000-000000000002",
});

/** The document's path as a pattern of the variants' paths: `{id}` stands for one segment. */
function pattern(path: string): RegExp {
  const escaped = path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}|\{[^}]+\}/g, "[^/?]+");
  return new RegExp(`^${escaped}(\\?.*)?$`);
}

describe("bench:api's variants", () => {
  it("measure every GET of the OpenAPI document", () => {
    expect(reads.length).toBeGreaterThan(20);
    const uncovered = reads
      .filter(({ path }) => !variants.some((variant) => pattern(path).test(variant.path)))
      .map(({ path }) => path);
    expect(uncovered).toEqual([]);
  });

  it("measure each CSV export", () => {
    const exports = reads.filter(({ parameters }) =>
      parameters.some((p) => p.name === "format" && p.schema?.enum?.includes("csv")),
    );
    expect(exports.map(({ path }) => path)).toEqual(["/api/inventory", "/api/supply-plan"]);
    for (const { path } of exports)
      expect(
        variants.some((variant) => pattern(path).test(variant.path) && variant.path.includes("format=csv")),
        path,
      ).toBe(true);
  });

  it("name no variant twice and point every path at a route of the document", () => {
    expect(new Set(variants.map((variant) => variant.name)).size).toBe(variants.length);
    for (const variant of variants)
      expect(
        reads.some(({ path }) => pattern(path).test(variant.path)),
        variant.name,
      ).toBe(true);
  });

  it("give the supply plan a naive baseline for each of its filters", () => {
    const plan = variants.filter((variant) => variant.path.startsWith("/api/supply-plan"));
    expect(plan.map((variant) => variant.name.split("/")[1])).toEqual([
      "default",
      "marketplace",
      "cluster",
      "warehouse",
      "search",
      "all",
      "csv",
    ]);
    for (const variant of plan) expect(variant.naive, variant.name).toBeDefined();
  });
});
