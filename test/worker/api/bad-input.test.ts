// Bad input answers the documented 4xx in the one error shape, never a 500: the six causes an outside sweep
// found (Hono's HTTP exceptions, KV keys past 512 bytes, impossible dates, NUL bytes, ids past int4 or in
// hex/exponent form, an empty user change) and a body past the size limit.
import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../support/worker-database";
import {
  type Catalog,
  distinctIps,
  type ErrorBody,
  get,
  seedShop,
  seedTenant,
  send,
  signIn,
  type Tenant,
} from "./fixtures";

useTestDatabase();

let acme: Tenant;
let shop: Catalog;
let cookie: string;
/** One address per request: the per-IP limiter (60 a minute) must not shape these answers. */
const ip = distinctIps(15);

beforeAll(async () => {
  acme = await seedTenant("bad-input");
  shop = await seedShop(acme.orgId);
  cookie = await signIn(acme.users.admin.email, ip());
});

async function expectError(response: Response, status: number, code: string, field?: string) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.requestId).toBe(response.headers.get("X-Request-Id"));
  if (field) expect(body.error.message.startsWith(`${field}:`), body.error.message).toBe(true);
}

describe("bodies Hono refuses before validation", () => {
  it("malformed JSON is a 400, a missing or wrong content type a 415, a huge body a 413", async () => {
    const post = (headers: Record<string, string>, body: string) =>
      SELF.fetch("http://edge.test/api/api-keys", {
        method: "POST",
        headers: { "CF-Connecting-IP": ip(), Cookie: cookie, ...headers },
        body,
      });
    await expectError(
      await post({ "Content-Type": "application/json" }, '{"name":'),
      400,
      "BAD_REQUEST",
      "body",
    );
    await expectError(
      await post({ "Content-Type": "text/plain" }, '{"name":"x"}'),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    await expectError(await post({}, '{"name":"x"}'), 415, "UNSUPPORTED_MEDIA_TYPE");
    // JSON is UTF-8: a body labelled with another charset is refused, not read as UTF-8 regardless.
    for (const charset of ["utf-16", '"UTF-16LE"', "iso-8859-1"]) {
      const refused = await post({ "Content-Type": `application/json; charset=${charset}` }, '{"name":"x"}');
      expect(refused.status).toBe(415);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/UTF-8/);
    }
    for (const contentType of [
      "application/json; charset=utf-8; charset=utf-16",
      "application/json; charset=utf-16; charset=utf-8",
      "application/json; charset=",
    ]) {
      const refused = await post({ "Content-Type": contentType }, '{"name":"x"}');
      expect(refused.status, contentType).toBe(415);
    }
    // Bytes that are not UTF-8 (Windows-1251 "Ключ", a stray 0xFF) are refused, not stored as replacement characters.
    for (const bytes of [
      new Uint8Array([
        ...new TextEncoder().encode('{"name":"'),
        0xca,
        0xeb,
        0xfe,
        0xf7,
        ...new TextEncoder().encode('"}'),
      ]),
      new Uint8Array([...new TextEncoder().encode('{"name":"a'), 0xff, ...new TextEncoder().encode('b"}')]),
    ]) {
      const response = await SELF.fetch("http://edge.test/api/api-keys", {
        method: "POST",
        headers: { "CF-Connecting-IP": ip(), Cookie: cookie, "Content-Type": "application/json" },
        body: bytes,
      });
      await expectError(response.clone(), 400, "BAD_REQUEST", "body");
      expect(((await response.json()) as { error: { reason: string } }).error.reason).toBe("encoding");
    }
    for (const charset of ["utf-8", '"UTF-8"', "utf8"]) {
      const named = `key ${charset}`;
      const accepted = await post(
        { "Content-Type": `application/json; charset=${charset}` },
        JSON.stringify({ name: named, role: "viewer" }),
      );
      expect(accepted.status, await accepted.clone().text()).toBe(201);
    }
    const huge = JSON.stringify({ name: "x".repeat(100_000) });
    await expectError(
      await post({ "Content-Type": "application/json" }, huge),
      413,
      "PAYLOAD_TOO_LARGE",
      "body",
    );
  });
});

describe("how a body's bytes arrive", () => {
  const post = (headers: Record<string, string>, body: BodyInit) =>
    SELF.fetch("http://edge.test/api/api-keys", {
      method: "POST",
      headers: { "CF-Connecting-IP": ip(), Cookie: cookie, ...headers },
      body,
    });

  it("a JSON Content-Type with a space before ';' or a trailing ';' is JSON (RFC 9110's grammar)", async () => {
    for (const contentType of [
      "application/json ;charset=utf-8",
      "application/json;",
      "application/json ; charset=UTF-8 ;",
      "Application/JSON",
    ]) {
      const accepted = await post(
        { "Content-Type": contentType },
        JSON.stringify({ name: `key ${contentType}`, role: "viewer" }),
      );
      expect(accepted.status, `${contentType}: ${await accepted.clone().text()}`).toBe(201);
      expect(((await accepted.json()) as { name: string }).name).toBe(`key ${contentType}`);
    }
    // Written loosely, another charset is still refused.
    const utf16 = await post({ "Content-Type": "application/json ;charset=utf-16" }, '{"name":"x"}');
    await expectError(utf16, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("a compressed body is a 415 saying to send it uncompressed, not malformed JSON", async () => {
    const json = JSON.stringify({ name: "zipped", role: "viewer" });
    const gzip = await new Response(
      new Blob([json]).stream().pipeThrough(new CompressionStream("gzip")),
    ).arrayBuffer();
    for (const [encoding, body] of [
      ["gzip", gzip],
      ["deflate", json],
      ["br", json],
    ] as const) {
      const refused = await post({ "Content-Type": "application/json", "Content-Encoding": encoding }, body);
      expect(refused.headers.get("Accept-Encoding")).toBe("identity");
      const text = await refused.text();
      expect(refused.status, text).toBe(415);
      const { error } = JSON.parse(text) as ErrorBody;
      expect(error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
      expect(error.message).toBe(`Content-Encoding: ${encoding} is not accepted; send the body uncompressed`);
    }
    const identity = await post({ "Content-Type": "application/json", "Content-Encoding": "identity" }, json);
    expect(identity.status).toBe(201);
  });
});

describe("a method the path does not take", () => {
  it("is a 405 naming the methods it takes; a path that does not exist stays a 404", async () => {
    const ask = (method: string, path: string) =>
      SELF.fetch(`http://edge.test${path}`, {
        method,
        headers: { "CF-Connecting-IP": ip(), Cookie: cookie, "Content-Type": "application/json" },
        ...(method === "GET" || method === "HEAD" ? {} : { body: "{}" }),
      });
    const dashboard = await ask("POST", "/api/dashboard");
    await expectError(dashboard, 405, "METHOD_NOT_ALLOWED");
    expect(dashboard.headers.get("Allow")).toBe("GET, HEAD");
    const login = await ask("GET", "/api/auth/login");
    await expectError(login, 405, "METHOD_NOT_ALLOWED");
    expect(login.headers.get("Allow")).toBe("POST");
    const product = await ask("DELETE", "/api/products/5");
    await expectError(product, 405, "METHOD_NOT_ALLOWED");
    expect(product.headers.get("Allow")).toBe("GET, HEAD");
    await expectError(await ask("GET", "/api/no-such-thing"), 404, "NOT_FOUND");
    // The API's root is the API's, not the dashboard's page.
    await expectError(await ask("GET", "/api"), 404, "NOT_FOUND");
    await expectError(await ask("POST", "/api/products/5/nothing"), 404, "NOT_FOUND");
  });

  it("a literal path takes its own routes' methods, not those of a {id} route beside it", async () => {
    const ask = (method: string, path: string) =>
      SELF.fetch(`http://edge.test${path}`, {
        method,
        headers: { "CF-Connecting-IP": ip(), Cookie: cookie, "Content-Type": "application/json" },
        ...(method === "GET" ? {} : { body: '{"enabled":false}' }),
      });
    // PATCH and DELETE are /api/alerts/channels/{id}'s: sent to .../webhook they are the same 405, not an "id" 400.
    for (const method of ["GET", "PATCH", "DELETE", "POST"]) {
      const response = await ask(method, "/api/alerts/channels/webhook");
      await expectError(response.clone(), 405, "METHOD_NOT_ALLOWED");
      expect(response.headers.get("Allow"), method).toBe("PUT");
    }
    // A channel's id still reaches the {id} routes.
    const unknown = "00000000-0000-4000-8000-000000000000";
    await expectError(await ask("PATCH", `/api/alerts/channels/${unknown}`), 404, "NOT_FOUND");
    const channel = await ask("GET", `/api/alerts/channels/${unknown}`);
    await expectError(channel.clone(), 405, "METHOD_NOT_ALLOWED");
    expect(channel.headers.get("Allow")).toBe("PATCH, DELETE");
  });
});

describe("query and path values", () => {
  it("an unknown query parameter is a 400 naming it on every read route, cached or not", async () => {
    // Before, `/api/analytics/kpis?days=7` answered the default 30 days as if asked for them.
    for (const path of [
      "/api/analytics/kpis?days=7",
      "/api/analytics/trend?grain=week&dayz=1",
      "/api/dashboard?limit=3&warehouse=1",
      "/api/inventory?page=1&q=coat",
      "/api/recommendations?sort=x",
      "/api/supply-plan?clusterId=1",
      "/api/warehouses?search=x",
      "/api/products/1?period=30",
      "/api/runs?state=failed",
      "/api/alerts/log?kind=x",
      // The reads that take no parameters refuse one too (health answered as if it had not been sent).
      "/api/health?foo=1",
      "/api/auth/me?verbose=1",
      "/api/settings?x=",
      "/api/accounts?page=2",
      "/api/alerts/channels?type=webhook",
      "/api/runs/00000000-0000-4000-8000-000000000000?page=1",
    ]) {
      const response = await get(path, ip(), { cookie });
      const text = await response.text();
      expect(response.status, `${path}: ${text}`).toBe(400);
      const { error } = JSON.parse(text) as ErrorBody;
      const sent = [...new URL(path, "http://x").searchParams.keys()].at(-1);
      expect({ path, field: error.field, reason: error.reason }).toEqual({
        path,
        field: sent,
        reason: "unknown_field",
      });
    }
  });

  it("impossible calendar dates are a 400 naming the field on every analytics route", async () => {
    for (const route of ["kpis", "trend", "top-products", "categories", "regions", "abc", "turnover"]) {
      await expectError(
        await get(`/api/analytics/${route}?to=2026-02-30`, ip(), { cookie }),
        400,
        "BAD_REQUEST",
        "to",
      );
      await expectError(
        await get(`/api/analytics/${route}?from=2025-13-01`, ip(), { cookie }),
        400,
        "BAD_REQUEST",
        "from",
      );
    }
    expect((await get("/api/analytics/kpis?from=2024-02-01&to=2024-02-29", ip(), { cookie })).status).toBe(
      200,
    );
  });

  it("ids are plain decimal int4: hex, exponent, past 2147483647, zero and negative are a 400", async () => {
    for (const id of ["0x10", "1e3", "2147483648", "-1", "0", "016", "1.0"]) {
      await expectError(await get(`/api/products/${id}`, ip(), { cookie }), 400, "BAD_REQUEST", "id");
      await expectError(
        await get(`/api/dashboard?warehouseId=${id}`, ip(), { cookie }),
        400,
        "BAD_REQUEST",
        "warehouseId",
      );
      await expectError(
        await get(`/api/inventory?warehouseId=${id}`, ip(), { cookie }),
        400,
        "BAD_REQUEST",
        "warehouseId",
      );
      await expectError(
        await get(`/api/recommendations?per=warehouse&warehouseId=${id}`, ip(), { cookie }),
        400,
        "BAD_REQUEST",
        "warehouseId",
      );
      await expectError(
        await send("PUT", `/api/warehouses/aliases/${id}`, { warehouseId: 1 }, ip(), { cookie }),
        400,
        "BAD_REQUEST",
        "id",
      );
    }
    await expectError(
      await send("PUT", "/api/warehouses/aliases/1", { warehouseId: 2147483648 }, ip(), { cookie }),
      400,
      "BAD_REQUEST",
      "warehouseId",
    );
    const product = shop.products["A-001"] as number;
    expect((await get(`/api/products/${product}`, ip(), { cookie })).status).toBe(200);
    expect((await get("/api/products/2147483647", ip(), { cookie })).status).toBe(404);
  });

  it("a NUL byte in search, category or a stored name is a 400 naming the field", async () => {
    for (const field of ["search", "category"]) {
      await expectError(
        await get(`/api/inventory?${field}=a%00b`, ip(), { cookie }),
        400,
        "BAD_REQUEST",
        field,
      );
      await expectError(
        await get(`/api/dashboard?${field}=%00`, ip(), { cookie }),
        400,
        "BAD_REQUEST",
        field,
      );
    }
    await expectError(
      await send("POST", "/api/api-keys", { name: "a\u0000b" }, ip(), { cookie }),
      400,
      "BAD_REQUEST",
      "name",
    );
    await expectError(
      await send(
        "POST",
        "/api/users",
        { email: "nul@x.test", name: "a\u0000b", role: "viewer", password: "long enough pw" },
        ip(),
        { cookie },
      ),
      400,
      "BAD_REQUEST",
      "name",
    );
    await expectError(
      await send("PATCH", "/api/settings", { name: "a\u0000b" }, ip(), { cookie }),
      400,
      "BAD_REQUEST",
      "name",
    );
    await expectError(
      await send("PATCH", "/api/settings", { name: "\ud800" }, ip(), { cookie }),
      400,
      "BAD_REQUEST",
      "name",
    );
  });

  it("a long Cyrillic search and a long id answer like short ones (no KV key limit); a huge unknown parameter is named", async () => {
    const search = encodeURIComponent("склад".repeat(40));
    const long = await get(`/api/inventory?search=${search}`, ip(), { cookie });
    expect(long.status).toBe(200);
    expect(((await long.json()) as { total: number }).total).toBe(0);
    const plain = await get("/api/inventory?pageSize=3", ip(), { cookie });
    expect(plain.status).toBe(200);
    // An unknown parameter is refused by name, its value not repeated back.
    const noise = await get(`/api/inventory?pageSize=3&zzz=${"x".repeat(600)}`, ip(), { cookie });
    const noiseText = await noise.text();
    expect(noise.status, noiseText).toBe(400);
    expect((JSON.parse(noiseText) as ErrorBody).error).toMatchObject({
      field: "zzz",
      reason: "unknown_field",
    });
    expect(noiseText).not.toContain("xxxxxxxx");
    await expectError(
      await get(`/api/products/${"9".repeat(8000)}`, ip(), { cookie }),
      400,
      "BAD_REQUEST",
      "id",
    );
  });

  it("a %-escape that does not decode is a 400 naming the parameter, not searched for as is", async () => {
    for (const [query, field] of [
      ["search=%E0%A4%A", "search"],
      ["search=100%", "search"],
      ["category=%FF", "category"],
      ["pageSize=3&%E0=1", "query"],
    ] as const) {
      const response = await get(`/api/inventory?${query}`, ip(), { cookie });
      const text = await response.text();
      expect(response.status, `${query}: ${text}`).toBe(400);
      const { error } = JSON.parse(text) as ErrorBody;
      expect({ field: error.field, reason: error.reason }, query).toEqual({ field, reason: "encoding" });
      expect(error.message.startsWith(`${field}: has a %-escape that does not decode`), error.message).toBe(
        true,
      );
    }
    // Escaped properly, the same text is searched for.
    expect((await get("/api/inventory?search=100%25", ip(), { cookie })).status).toBe(200);
  });

  it("a parameter sent twice is a 400 that names the repetition, not its values", async () => {
    for (const [path, field] of [
      ["/api/analytics/abc?class=A&class=B", "class"],
      ["/api/inventory?pageSize=3&pageSize=4", "pageSize"],
      ["/api/inventory?marketplace=ozon&marketplace=ozon", "marketplace"],
    ] as const) {
      const response = await get(path, ip(), { cookie });
      const text = await response.text();
      expect(response.status, text).toBe(400);
      const { error } = JSON.parse(text) as ErrorBody & { error: { field?: string; reason?: string } };
      expect(error.message, path).toBe(`${field}: given more than once; send it once`);
      expect({ field: error.field, reason: error.reason }, path).toEqual({ field, reason: "repeated" });
    }
  });
});

describe("numbers past a setting's range", () => {
  it("a 20-digit number is refused by the field's own bound, not JavaScript's largest safe integer", async () => {
    for (const [body, field, maximum] of [
      [{ leadTimeDays: Number("12345678901234567890") }, "leadTimeDays", 365],
      [{ coverCeilingDays: 1e20 }, "coverCeilingDays", 3650],
    ] as const) {
      const response = await send("PATCH", "/api/settings", body, ip(), { cookie });
      const text = await response.text();
      expect(response.status, text).toBe(400);
      const { error } = JSON.parse(text) as {
        error: { field?: string; reason?: string; params?: { maximum?: number } };
      };
      expect({ field: error.field, reason: error.reason, maximum: error.params?.maximum }).toEqual({
        field,
        reason: "too_big",
        maximum,
      });
    }
  });
});

describe("PATCH /api/users/{id}", () => {
  it("an empty change is a 400 naming what to send", async () => {
    const response = await send("PATCH", `/api/users/${acme.users.viewer.id}`, {}, ip(), { cookie });
    await expectError(response.clone(), 400, "BAD_REQUEST", "body");
    expect(((await response.json()) as ErrorBody).error.message).toContain(
      "name, role, password or disabled",
    );
  });
});
