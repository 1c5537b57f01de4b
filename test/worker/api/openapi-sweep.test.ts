// A property-based sweep generated from the served OpenAPI document: for every operation, requests whose
// parameters and bodies are drawn by fast-check (fixed seed) from hostile values — NUL bytes, huge and
// Cyrillic strings, numbers past int4, hex and exponent ids, impossible dates, wrong JSON types, unknown
// parameters, malformed JSON, wrong content types — as the organization's admin. Never a 5xx; every 4xx
// in the error shape with a status the operation documents; and nothing logged carries a secret.
import { SELF } from "cloudflare:test";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { marketplaceAccounts } from "../../../db/schema";
import { useTestDatabase } from "../../support/worker-database";
import {
  type Catalog,
  db,
  distinctIps,
  type ErrorBody,
  seedShop,
  seedTenant,
  send,
  signIn,
  type Tenant,
} from "./fixtures";
import { type JsonSchema, type Operation, type Parameter, servedOperations } from "./openapi-operations";

useTestDatabase();

const SEED = 20_260_215;
// 30 per operation keeps the sweep near 90 s here; the issue asks 3,000 (105 per operation), which did not
// finish within 6 minutes sequentially (see the report), and concurrent SELF.fetch calls stalled.
const REQUESTS_PER_OPERATION = 30;
const CONCURRENCY = 1;

const NASTY = [
  "",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "0x10",
  "1e3",
  "2147483648",
  "-1",
  "0",
  "016",
  "1.5",
  " 1",
  "NaN",
  "Infinity",
  "2026-02-30",
  "2025-13-01",
  "0000-01-01",
  "9999-99-99",
  "true",
  "null",
  "[]",
  "{}",
  "%",
  "../../etc/passwd",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "склад Коледино",
  "9".repeat(600),
];
const CYRILLIC = [..."абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙ"];

const text: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY), weight: 4 },
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...CYRILLIC), minLength: 1, maxLength: 400 }),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.nat({ max: 20_000 }).map((length) => "я".repeat(length)),
  fc
    .tuple(fc.nat({ max: 9999 }), fc.nat({ max: 99 }), fc.nat({ max: 99 }))
    .map(
      ([y, m, d]) =>
        `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
    ),
);

/** A value for a parameter: its documented values often (to get past one check to the next), else hostile. */
function parameterValue(schema: JsonSchema): fc.Arbitrary<string> {
  const valid = schema.enum?.length ? [fc.constantFrom(...schema.enum.map(String))] : [];
  const numeric = schema.type === "integer" ? [fc.integer({ min: 1, max: 50 }).map(String)] : [];
  return fc.oneof(text, ...valid, ...numeric);
}

/** A JSON value for a body property: documented values sometimes, wrong types and hostile strings often. */
function jsonValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const valid = schema.enum?.length ? [fc.constantFrom(...schema.enum)] : [];
  return fc.oneof(
    text,
    ...valid,
    fc.integer(),
    fc.constantFrom(2 ** 31, 2 ** 53, -1, 0, 1.5, 1e308, -0),
    fc.boolean(),
    fc.constant(null),
    fc.array(text, { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), text, { maxKeys: 2 }),
  );
}

interface Draw {
  path: Record<string, string>;
  query: Array<[string, string]>;
  body?: { text: string; type: string | null };
}

function requestArbitrary(operation: Operation, pathIds: string[]): fc.Arbitrary<Draw> {
  const byPlace = (place: Parameter["in"]) => operation.parameters.filter((p) => p.in === place);
  const path = fc.record(
    Object.fromEntries(
      byPlace("path").map((p) => [
        p.name,
        fc.oneof(
          fc.constantFrom(...pathIds),
          parameterValue(p.schema).filter((value) => value.length > 0),
        ),
      ]),
    ),
  );
  const documented = fc.record(
    Object.fromEntries(byPlace("query").map((p) => [p.name, parameterValue(p.schema)])),
    { requiredKeys: [] },
  );
  const unknown = fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 600 }), text), { maxLength: 2 });
  const query = fc
    .tuple(documented, unknown)
    .map(([known, extra]) => [...Object.entries(known as Record<string, string>), ...extra]);
  const schema = operation.body;
  if (!schema) return fc.record({ path, query });
  const properties = Object.entries(schema.properties ?? {});
  const object = fc
    .tuple(
      fc.record(Object.fromEntries(properties.map(([name, property]) => [name, jsonValue(property)])), {
        requiredKeys: [],
      }),
      fc.dictionary(fc.string({ maxLength: 600 }), jsonValue({}), { maxKeys: 2 }),
    )
    .map(([known, extra]) => ({ ...extra, ...known }));
  const body = fc.oneof(
    {
      arbitrary: object.map((value) => ({ text: JSON.stringify(value), type: "application/json" })),
      weight: 8,
    },
    fc.jsonValue().map((value) => ({ text: JSON.stringify(value) ?? "null", type: "application/json" })),
    fc.string({ maxLength: 60 }).map((raw) => ({ text: `{${raw}`, type: "application/json" })),
    fc
      .constantFrom("text/plain", "application/x-www-form-urlencoded", "application/xml", null)
      .map((type) => ({
        text: '{"name":"x"}',
        type,
      })),
  );
  return fc.record({ path, query, body });
}

/** Percent-encodes like a client would; an unpaired surrogate goes out as the invalid UTF-8 it would be. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80";
  }
}

/** The console before the sweep captures it: the sweep's own summary goes here. */
const print = console.log.bind(console);

let tenant: Tenant;
let shop: Catalog;
let cookie: string;
let operations: Operation[];
const logs: string[] = [];
const ip = distinctIps(40);

beforeAll(async () => {
  tenant = await seedTenant("sweep");
  shop = await seedShop(tenant.orgId);
  // A sweep that starts a sync must not reach a marketplace: the accounts are disabled.
  await db()
    .update(marketplaceAccounts)
    .set({ enabled: false })
    .where(eq(marketplaceAccounts.orgId, tenant.orgId));
  cookie = await signIn(tenant.users.admin.email, ip());
  await send("POST", "/api/api-keys", { name: "swept" }, ip(), { cookie });
  operations = await servedOperations();
  const record = (...args: unknown[]) => {
    logs.push(args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg))).join(" "));
  };
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation(record);
  }
});

afterAll(() => {
  vi.restoreAllMocks();
});

interface Outcome {
  operation: string;
  url: string;
  status: number;
  problem: string | null;
}

async function send1(operation: Operation, draw: Draw): Promise<Outcome> {
  const query = draw.query.map(([name, value]) => `${encode(name)}=${encode(value)}`).join("&");
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encode(draw.path[name] ?? ""));
  const url = `http://edge.test${path}${query ? `?${query}` : ""}`;
  const headers: Record<string, string> = { "CF-Connecting-IP": ip() };
  // Public operations go without the session: a swept logout must not end it.
  if (!operation.public) headers.Cookie = cookie;
  if (draw.body?.type) headers["Content-Type"] = draw.body.type;
  const response = await SELF.fetch(url, { method: operation.method, headers, body: draw.body?.text });
  const outcome: Outcome = {
    operation: operation.operationId,
    url: url.slice(0, 200),
    status: response.status,
    problem: null,
  };
  const body = await response.text();
  if (response.status >= 500) outcome.problem = `server error: ${body.slice(0, 200)}`;
  else if (response.status >= 400) {
    try {
      const error = (JSON.parse(body) as ErrorBody).error;
      if (typeof error.code !== "string" || typeof error.message !== "string")
        outcome.problem = "not the error shape";
      else if (error.requestId !== response.headers.get("X-Request-Id"))
        outcome.problem = "request id differs";
      else if (!operation.statuses.includes(response.status))
        outcome.problem = `undocumented ${response.status}`;
    } catch {
      outcome.problem = `not JSON: ${body.slice(0, 100)}`;
    }
  }
  return outcome;
}

describe("property-based sweep of every operation", () => {
  it("never answers 5xx, always the documented error shape, and logs no secret", {
    timeout: 900_000,
  }, async () => {
    const pathIds = [
      String(shop.products["A-001"]),
      tenant.users.viewer.id,
      crypto.randomUUID(),
      "1",
      "2147483647",
    ];
    const planned = operations.flatMap((operation, index) =>
      fc
        .sample(requestArbitrary(operation, pathIds), { seed: SEED + index, numRuns: REQUESTS_PER_OPERATION })
        .map((draw) => ({ operation, draw })),
    );
    const outcomes: Outcome[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < planned.length) {
          const { operation, draw } = planned[next++] as (typeof planned)[number];
          outcomes.push(await send1(operation, draw));
        }
      }),
    );

    const byStatus: Record<number, number> = {};
    for (const outcome of outcomes) byStatus[outcome.status] = (byStatus[outcome.status] ?? 0) + 1;
    const serverErrors = outcomes.filter((outcome) => outcome.status >= 500).length;
    print(
      `sweep: ${outcomes.length} requests over ${operations.length} operations, ${serverErrors} answers >= 500, by status ${JSON.stringify(byStatus)}`,
    );
    expect(operations.length).toBe(30);
    expect(outcomes.length).toBe(REQUESTS_PER_OPERATION * operations.length);
    expect(outcomes.filter((outcome) => outcome.problem).slice(0, 10)).toEqual([]);
    expect(serverErrors).toBe(0);

    const logged = logs.join("\n");
    expect(logged).not.toContain("pbkdf2$");
    expect(logged).not.toContain("params:");
    expect(logged).not.toContain(cookie.split("=")[1] ?? "cookie");
    expect(logged).not.toMatch(/mic_[A-Za-z0-9_-]{20,}/);
    expect(logged).not.toMatch(/[0-9a-f]{64}/);
  });
});
