// The README's typed client, run against the Worker: openapi-fetch with the types openapi-typescript
// generated from /api/openapi.json (dev/api-client/schema.d.ts) creates an API key, then reads the dashboard
// and the inventory with it. Typechecked with the rest, so a route that drifts from the types fails here.
import { SELF } from "cloudflare:test";
import createClient from "openapi-fetch";
import { beforeAll, describe, expect, it } from "vitest";
import type { paths } from "../../../dev/api-client/schema";
import { useTestDatabase } from "../../support/worker-database";
import { seedShop, seedTenant, signIn, type Tenant } from "./fixtures";

useTestDatabase();

let tenant: Tenant;
let cookie: string;

/** A client for the Worker under test; each call from its own address, as the rate limiter sees it. */
function client(headers: Record<string, string>) {
  let call = 0;
  return createClient<paths>({
    baseUrl: "http://edge.test",
    headers,
    fetch: (request) => {
      request.headers.set("CF-Connecting-IP", `10.17.0.${++call}`);
      return SELF.fetch(request);
    },
  });
}

beforeAll(async () => {
  tenant = await seedTenant("client", { statusBasis: "units" });
  await seedShop(tenant.orgId);
  cookie = await signIn(tenant.users.admin.email, "10.17.1.1");
});

describe("typed client (openapi-fetch)", () => {
  it("creates an API key, then reads the dashboard and the inventory with it", async () => {
    const admin = client({ Cookie: cookie });
    const created = await admin.POST("/api/api-keys", { body: { name: "reporting", role: "viewer" } });
    expect(created.response.status).toBe(201);
    const key = created.data?.key ?? "";

    const api = client({ Authorization: `Bearer ${key}` });
    const dashboard = await api.GET("/api/dashboard", { params: { query: { limit: 2 } } });
    expect(dashboard.data?.counts).toEqual({ critical: 2, low: 1, normal: 1, overstock: 1 });
    expect(dashboard.data?.items.critical.map((line) => line.article)).toEqual(["A-005", "A-001"]);

    const inventory = await api.GET("/api/inventory", {
      params: { query: { sort: "available", order: "desc", pageSize: 2 } },
    });
    // The operation answers JSON or, with format=csv, text: the type says so.
    if (typeof inventory.data !== "object") throw new Error("expected a JSON page");
    expect(inventory.data.items.map((line) => [line.article, line.available])).toEqual([
      ["A-004", 180],
      ["A-003", 50],
    ]);

    const refused = await api.GET("/api/inventory", { params: { query: { pageSize: 501 } } });
    expect(refused.response.status).toBe(400);
    expect(refused.error?.error.code).toBe("BAD_REQUEST");
  });
});
