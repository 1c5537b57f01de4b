// Cuts the operations the adapters and the simulator use out of the vendors' OpenAPI subsets (kept outside the
// repository, see README.md beside this file) with every component they reference, and applies the documented
// patches from later vendor release notes. Run: npx tsx test/contracts/specs/cut.ts /path/to/vendor-specs
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

type Json = Record<string, unknown>;

interface Cut {
  source: string;
  output: string;
  operations: [method: string, path: string][];
  /** Changes the vendor announced after the subset's snapshot: where, what, and the release note behind it. */
  patches: { pointer: string; set?: unknown; remove?: true; source: string }[];
}

const CUTS: Cut[] = [
  {
    source: "ozon-seller.openapi.json",
    output: "ozon.json",
    operations: [
      ["post", "/v2/analytics/stock_on_warehouses"],
      ["post", "/v1/analytics/stocks"],
      ["post", "/v3/product/list"],
      ["post", "/v4/product/info/stocks"],
      ["post", "/v2/product/info/stocks-by-warehouse/fbs"],
      ["post", "/v1/analytics/data"],
      ["post", "/v2/posting/fbo/list"],
      ["post", "/v3/posting/fbo/list"],
      ["post", "/v4/posting/fbs/list"],
      ["post", "/v2/warehouse/list"],
      ["post", "/v1/cluster/list"],
      ["post", "/v1/analytics/turnover/stocks"],
    ],
    patches: [
      {
        pointer: "/components/schemas/productv3GetProductListResponseResult/properties/total_items",
        set: { type: "integer", format: "int32" },
        source: "O2 release notes: result.total deprecated, removed 2026-11-23, use result.total_items",
      },
      {
        pointer: "/components/schemas/productv3GetProductListResponseResult/properties/total",
        remove: true,
        source: "O2 release notes: result.total removed 2026-11-23",
      },
      {
        pointer: "/components/schemas/v4GetProductInfoStocksResponse/properties/total_items",
        set: { type: "integer", format: "int32" },
        source: "O2 release notes: total deprecated, removed 2026-11-23, use total_items",
      },
      {
        pointer: "/components/schemas/v4GetProductInfoStocksResponse/properties/total",
        remove: true,
        source: "O2 release notes: total removed 2026-11-23",
      },
      ...["since", "to"].map((field) => ({
        pointer: `/components/schemas/posting.v4.PostingFbsListRequest.Filter/properties/${field}/pattern`,
        remove: true as const,
        source:
          "hand transcription of O2: the page's format hint ' YYYY-MM-DDThh:mm:ssZ' landed in `pattern`, a regex no date matches; format date-time stays",
      })),
      {
        pointer:
          "/components/schemas/posting.v4.PostingFbsListResponse.Postings.Tariffication/properties/next_tariff_starts_at/pattern",
        remove: true,
        source: "hand transcription of O2: a format hint in `pattern`, as above",
      },
    ],
  },
  {
    source: "wildberries.openapi.json",
    output: "wb.json",
    operations: [
      ["get", "/api/v1/supplier/stocks"],
      ["get", "/api/v1/supplier/orders"],
      ["get", "/api/v1/supplier/sales"],
      ["post", "/api/analytics/v1/stocks-report/wb-warehouses"],
      ["get", "/api/v1/warehouse_remains"],
      ["get", "/api/v1/warehouse_remains/tasks/{task_id}/status"],
      ["get", "/api/v1/warehouse_remains/tasks/{task_id}/download"],
      ["post", "/content/v2/get/cards/list"],
      ["get", "/api/v3/warehouses"],
      ["post", "/api/v3/stocks/{warehouseId}"],
    ],
    patches: [],
  },
];

function at(root: Json, pointer: string): unknown {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, part) => (node as Json | undefined)?.[part], root);
}

/** Every "#/components/..." reference reachable from `node`, followed through the referenced components. */
function references(spec: Json, node: unknown, seen: Set<string>): void {
  if (Array.isArray(node)) for (const item of node) references(spec, item, seen);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && !seen.has(value)) {
        seen.add(value);
        references(spec, at(spec, value.slice(1)), seen);
      } else references(spec, value, seen);
    }
  }
}

function patch(root: Json, pointer: string, change: { set?: unknown; remove?: true }): void {
  const parts = pointer.split("/").slice(1);
  const key = parts.pop() as string;
  const parent = at(root, `/${parts.join("/")}`) as Json | undefined;
  if (!parent) throw new Error(`patch: ${pointer} has no parent in the cut`);
  if (change.remove) delete parent[key];
  else parent[key] = change.set;
}

const from = process.argv[2] ?? "/work/shared/vendor-specs";
for (const cut of CUTS) {
  const spec = JSON.parse(readFileSync(join(from, cut.source), "utf8")) as Json;
  const specPaths = spec.paths as Record<string, Json>;
  const paths: Record<string, Json> = {};
  const seen = new Set<string>();
  for (const [method, path] of cut.operations) {
    const item = specPaths[path];
    if (!item?.[method]) throw new Error(`${cut.source}: no ${method} ${path}`);
    const kept: Json = { ...(paths[path] ?? {}), [method]: item[method] };
    if (item.servers) kept.servers = item.servers;
    if (item.parameters) kept.parameters = item.parameters;
    paths[path] = kept;
    references(spec, kept, seen);
  }
  const components: Record<string, Json> = {};
  for (const ref of [...seen].sort()) {
    const [, , kind, name] = ref.split("/") as [string, string, string, string];
    components[kind] = { ...(components[kind] ?? {}), [name]: at(spec, ref.slice(1)) };
  }
  const sources = (spec["x-subset-sources"] as { operation: string }[]).filter((entry) =>
    cut.operations.some(([m, p]) => entry.operation === `${m.toUpperCase()} ${p}`),
  );
  const out: Json = {
    openapi: spec.openapi,
    info: spec.info,
    ...(spec.servers ? { servers: spec.servers } : {}),
    "x-source": {
      file: `vendor-specs/${cut.source} (the shared subset; its README names the vendors' published specs)`,
      cut: "2026-12-06",
      operations: sources,
      subsetFixes: spec["x-subset-fixes"],
    },
    "x-project-patches": cut.patches,
    paths,
    components,
  };
  for (const change of cut.patches) patch(out, change.pointer, change);
  const file = join(import.meta.dirname, cut.output);
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  // The repository's formatter decides the layout, so a re-cut of unchanged specs changes no byte.
  execFileSync("npx", ["biome", "format", "--write", file], { stdio: "ignore" });
  console.log(`${cut.output}: ${cut.operations.length} operations, ${seen.size} components`);
}
