// Warehouses (totals, aliases awaiting review, mapping by an operator), runs (list, detail) and the
// OpenAPI document and reference page, through the Worker, with roles and tenant isolation.
import { beforeAll, describe, expect, it } from "vitest";
import { etlRejects, etlRuns, warehouseAliases, warehouses } from "../../../db/schema";
import { useTestDatabase } from "../../support/worker-database";
import {
  type Catalog,
  db,
  type ErrorBody,
  get,
  seedAcmeAndGlobex,
  send,
  signIn,
  type Tenant,
} from "./fixtures";

useTestDatabase();

let acme: Tenant;
let globex: Tenant;
let shop: Catalog;
let viewer: string;
let operator: string;
let lowConfidenceAliasId: number;
let tverNorthId: number;
let acmeRunId: string;
let globexRunId: string;

beforeAll(async () => {
  let globexShop: Catalog;
  ({ acme, globex, shop, globexShop } = await seedAcmeAndGlobex("shop"));
  const [tverNorth] = await db()
    .insert(warehouses)
    .values({ orgId: acme.orgId, marketplace: "ozon", name: "Tver North" })
    .returning({ id: warehouses.id });
  tverNorthId = tverNorth?.id as number;
  const aliases = await db()
    .insert(warehouseAliases)
    .values([
      {
        orgId: acme.orgId,
        marketplace: "ozon",
        alias: "ТВЕРЬ_РФЦ",
        warehouseId: shop.warehouses.Tver as number,
        confidence: 0.5,
        source: "auto",
      },
      {
        orgId: acme.orgId,
        marketplace: "ozon",
        alias: "Tver",
        warehouseId: shop.warehouses.Tver as number,
        confidence: 1,
        source: "manual",
      },
      {
        orgId: globex.orgId,
        marketplace: "ozon",
        alias: "GLOBEX_ALIAS",
        warehouseId: globexShop.warehouses.Tver as number,
        confidence: 0.4,
        source: "auto",
      },
    ])
    .returning({ id: warehouseAliases.id });
  lowConfidenceAliasId = aliases[0]?.id as number;
  acmeRunId = crypto.randomUUID();
  globexRunId = crypto.randomUUID();
  await db()
    .insert(etlRuns)
    .values([
      {
        id: acmeRunId,
        orgId: acme.orgId,
        accountId: shop.accounts.ozon,
        kind: "full",
        trigger: "cron",
        status: "partial",
        extracted: 120,
        inserted: 100,
        failed: 2,
      },
      {
        id: crypto.randomUUID(),
        orgId: acme.orgId,
        accountId: shop.accounts.wb,
        kind: "incremental",
        trigger: "api",
        status: "succeeded",
        startedAt: new Date(Date.now() - 3_600_000),
      },
      {
        id: globexRunId,
        orgId: globex.orgId,
        accountId: globexShop.accounts.ozon,
        kind: "full",
        trigger: "cron",
        status: "failed",
      },
    ]);
  await db()
    .insert(etlRejects)
    .values(
      [0, 1].map((rowIndex) => ({
        orgId: acme.orgId,
        runId: acmeRunId,
        pageKey: "ozon.stock:offset=0",
        rowIndex,
        endpoint: "ozon.v2.stock",
        row: { sku: rowIndex },
        reasons: ["negative stock"],
      })),
    );
  viewer = await signIn(acme.users.viewer.email, "10.9.0.1");
  operator = await signIn(acme.users.operator.email, "10.9.0.1");
});

describe("warehouses", () => {
  it("lists canonical warehouses with stock totals", async () => {
    const response = await get("/api/warehouses", "10.9.1.1", { cookie: viewer });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      items: Array<{ name: string; available: number; products: number }>;
    };
    // Koledino: 2 + 10 + 150; Tver: 1 + 50 + 30 + 0.
    expect(body.items.map((w) => [w.name, w.available, w.products])).toEqual([
      ["Tver", 81, 4],
      ["Tver North", 0, 0],
      ["Koledino", 162, 3],
    ]);
  });

  it("lists only low-confidence aliases of the caller's organization for review", async () => {
    const body = (await (await get("/api/warehouses/aliases", "10.9.1.2", { cookie: viewer })).json()) as {
      items: Array<{ alias: string }>;
    };
    expect(body.items.map((a) => a.alias)).toEqual(["ТВЕРЬ_РФЦ"]);
  });

  it("lets an operator, not a viewer, map an alias to a warehouse of the same marketplace", async () => {
    const path = `/api/warehouses/aliases/${lowConfidenceAliasId}`;
    expect(
      (await send("PUT", path, { warehouseId: tverNorthId }, "10.9.1.3", { cookie: viewer })).status,
    ).toBe(403);
    const wrongMarketplace = await send("PUT", path, { warehouseId: shop.warehouses.Koledino }, "10.9.1.3", {
      cookie: operator,
    });
    expect(wrongMarketplace.status).toBe(404);
    const missing = await send("PUT", path, {}, "10.9.1.3", { cookie: operator });
    expect(((await missing.json()) as ErrorBody).error.message).toMatch(/^warehouseId:/);
    const mapped = await send("PUT", path, { warehouseId: tverNorthId }, "10.9.1.3", { cookie: operator });
    expect(mapped.status).toBe(200);
    expect(await mapped.json()).toMatchObject({ warehouse: "Tver North", source: "manual", confidence: 1 });
    const after = (await (await get("/api/warehouses/aliases", "10.9.1.3", { cookie: viewer })).json()) as {
      items: unknown[];
    };
    expect(after.items).toEqual([]);
  });

  it("cannot map another organization's alias", async () => {
    const globexOperator = await signIn(globex.users.operator.email, "10.9.1.4");
    const response = await send(
      "PUT",
      `/api/warehouses/aliases/${lowConfidenceAliasId}`,
      { warehouseId: tverNorthId },
      "10.9.1.4",
      { cookie: globexOperator },
    );
    expect(response.status).toBe(404);
  });
});

describe("runs", () => {
  it("lists the organization's runs newest first, filtered by status", async () => {
    const body = (await (await get("/api/runs", "10.9.2.1", { cookie: viewer })).json()) as {
      total: number;
      items: Array<{ id: string; status: string; account: string }>;
    };
    expect(body.total).toBe(2);
    expect(body.items.map((run) => run.status)).toEqual(["partial", "succeeded"]);
    expect(body.items.map((run) => run.id)).not.toContain(globexRunId);
    const partial = (await (
      await get("/api/runs?status=partial", "10.9.2.1", { cookie: viewer })
    ).json()) as { items: Array<{ id: string }> };
    expect(partial.items.map((run) => run.id)).toEqual([acmeRunId]);
  });

  it("shows one run with counts and rejected rows; 404 across tenants; 400 for a bad id", async () => {
    const response = await get(`/api/runs/${acmeRunId}`, "10.9.2.2", { cookie: viewer });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      run: { extracted: number; failed: number; account: string };
      rejectCount: number;
      rejects: Array<{ reasons: string[] }>;
    };
    expect(body.run).toMatchObject({ extracted: 120, failed: 2, account: "Ozon main" });
    expect(body.rejectCount).toBe(2);
    expect(body.rejects[0]?.reasons).toEqual(["negative stock"]);
    expect((await get(`/api/runs/${globexRunId}`, "10.9.2.2", { cookie: viewer })).status).toBe(404);
    const bad = await get("/api/runs/not-a-uuid", "10.9.2.2", { cookie: viewer });
    expect(((await bad.json()) as ErrorBody).error.message).toMatch(/^id:/);
  });
});

describe("OpenAPI", () => {
  const expected = [
    "get /api/health",
    "post /api/auth/login",
    "post /api/auth/logout",
    "get /api/auth/me",
    "get /api/api-keys",
    "post /api/api-keys",
    "delete /api/api-keys/{id}",
    "get /api/users",
    "post /api/users",
    "patch /api/users/{id}",
    "get /api/settings",
    "patch /api/settings",
    "get /api/dashboard",
    "get /api/inventory",
    "get /api/products/{id}",
    "get /api/analytics/kpis",
    "get /api/analytics/trend",
    "get /api/analytics/top-products",
    "get /api/analytics/categories",
    "get /api/analytics/regions",
    "get /api/analytics/abc",
    "get /api/analytics/turnover",
    "get /api/recommendations",
    "get /api/warehouses",
    "get /api/warehouses/aliases",
    "put /api/warehouses/aliases/{id}",
    "get /api/runs",
    "get /api/runs/{id}",
    "get /api/accounts",
  ];

  it("lists every route, each with responses, and every $ref resolves", async () => {
    const response = await get("/api/openapi.json", "10.9.3.1");
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    expect(document.openapi).toBe("3.1.0");
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method} ${path}`),
    );
    expect(operations.sort()).toEqual(expect.arrayContaining([...expected].sort()));
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const operation of Object.values(methods))
        expect(Object.keys(operation.responses).length, path).toBeGreaterThan(0);
    }
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1] as string,
    );
    for (const ref of refs) expect(document.components.schemas, ref).toHaveProperty(ref);
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(["apiKey", "sessionCookie"]);
  });

  it("renders a reference page listing the routes", async () => {
    const response = await get("/api/docs", "10.9.3.2");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/html");
    const html = await response.text();
    for (const operation of ["/api/dashboard", "/api/recommendations", "/api/warehouses/aliases/{id}"])
      expect(html).toContain(operation);
  });
});
