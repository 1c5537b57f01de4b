// The property-based sweep generated from the served OpenAPI document, shared by the openapi-sweep-*.test.ts
// files (one per group of tags, so vitest runs them in separate isolates): for each operation, requests
// whose parameters and bodies fast-check draws (fixed seed) from hostile values — NUL bytes, huge and
// Cyrillic strings, numbers past int4, hex and exponent ids, impossible dates, wrong JSON types, unknown
// parameters, malformed JSON, wrong content types — as the organization's admin. Never a 5xx; every 4xx
// in the error shape with a status the operation documents; and nothing the Worker logs carries a secret
// the test knows (password, PBKDF2 hash, API key and its SHA-256, session cookie, token and its hash).
//
// Why several files: in workerd the wall time of each SELF.fetch grows with the number of requests one
// test isolate has sent (measured: ~10 ms at first, ~600 ms after 900, while the Worker's own log line
// says the same request took 0-1 ms), so one file of 3,000 requests ran for many minutes. The Worker is not
// slow on bad input: the sweep prints the slowest in-Worker time it saw.
import { SELF } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { apiKeys, marketplaceAccounts, sessions, users } from "../../../db/schema";
import { sha256Hex } from "../../../worker/auth/encoding";
import { useTestDatabase } from "../../support/worker-database";
import {
  type Catalog,
  db,
  distinctIps,
  type ErrorBody,
  PASSWORD,
  seedShop,
  seedTenant,
  send,
  signIn,
  type Tenant,
} from "./fixtures";
import { type JsonSchema, type Operation, type Parameter, servedOperations } from "./openapi-operations";

const SEED = 20_260_215;
/** 105 per operation: the 30 operations make 3,150 requests over the five files. */
export const REQUESTS_PER_OPERATION = 105;

/** The sweep's files, by the OpenAPI tags each one covers; every tag of the document is in exactly one. */
export const SWEEP_GROUPS = {
  identity: ["health", "auth", "api keys"],
  administration: ["users", "settings"],
  analytics: ["analytics"],
  stock: ["dashboard", "inventory", "recommendations", "warehouses", "supply"],
  ingestion: ["accounts", "runs"],
  alerts: ["alerts", "telegram"],
  alertChannels: ["alert channels"],
} as const satisfies Record<string, readonly string[]>;

export type SweepGroup = keyof typeof SWEEP_GROUPS;

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

interface Outcome {
  operation: string;
  url: string;
  status: number;
  problem: string | null;
}

/** What the Worker wrote to the console during a sweep, one string per call. */
export type WorkerLog = string[];

/** Every secret of the swept organization that the test can know, by what it is. */
export type KnownSecrets = Record<string, string>;

/** The first secret found in the logs, as "<what it is> in: <log line>", or null. */
export function leakedSecret(logs: WorkerLog, secrets: KnownSecrets): string | null {
  for (const line of logs) {
    for (const [what, secret] of Object.entries(secrets)) {
      if (secret && line.includes(secret)) return `${what} in: ${line.slice(0, 300)}`;
    }
  }
  return null;
}

async function sendDraw(
  operation: Operation,
  draw: Draw,
  auth: { cookie: string; ip: () => string },
): Promise<Outcome> {
  const query = draw.query.map(([name, value]) => `${encode(name)}=${encode(value)}`).join("&");
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encode(draw.path[name] ?? ""));
  const url = `http://edge.test${path}${query ? `?${query}` : ""}`;
  const headers: Record<string, string> = { "CF-Connecting-IP": auth.ip() };
  // Public operations go without the session: a swept logout must not end it.
  if (!operation.public) headers.Cookie = auth.cookie;
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

/** The slowest time the Worker itself reported (its per-request log line's `ms`), with the path. */
function slowestInWorker(logs: WorkerLog): string {
  let slowest = { ms: -1, path: "" };
  for (const line of logs) {
    try {
      const entry = JSON.parse(line) as { level?: string; ms?: number; path?: string };
      if (entry.level === "info" && typeof entry.ms === "number" && entry.ms > slowest.ms)
        slowest = { ms: entry.ms, path: entry.path ?? "" };
    } catch {
      // not a structured line
    }
  }
  return `${slowest.ms} ms (${slowest.path.slice(0, 60)})`;
}

/**
 * Declares the sweep of one group's operations: seeds an organization, signs its admin in, creates an API
 * key, captures the Worker's console, sends REQUESTS_PER_OPERATION drawn requests per operation, and
 * checks statuses, error shapes and that no known secret reached a log.
 */
export function sweepGroup(group: SweepGroup, ipOctet: number): void {
  useTestDatabase();
  const ip = distinctIps(ipOctet);
  const logs: WorkerLog = [];
  let tenant: Tenant;
  let shop: Catalog;
  let cookie: string;
  let operations: Operation[];
  let everyTag: string[];
  const secrets: KnownSecrets = { password: PASSWORD };

  beforeAll(async () => {
    tenant = await seedTenant(`sweep-${group}`);
    shop = await seedShop(tenant.orgId);
    // A sweep that starts a sync must not reach a marketplace: the accounts are disabled.
    await db()
      .update(marketplaceAccounts)
      .set({ enabled: false })
      .where(eq(marketplaceAccounts.orgId, tenant.orgId));
    cookie = await signIn(tenant.users.admin.email, ip());
    const created = await send("POST", "/api/api-keys", { name: "swept" }, ip(), { cookie });
    const apiKey = ((await created.json()) as { key: string }).key;
    const token = decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1));
    const sessionToken = token.slice(0, token.lastIndexOf("."));
    const [admin] = await db()
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, tenant.users.admin.id));
    const [session] = await db()
      .select({ tokenHash: sessions.tokenHash })
      .from(sessions)
      .where(eq(sessions.userId, tenant.users.admin.id));
    const [key] = await db()
      .select({ keyHash: apiKeys.keyHash })
      .from(apiKeys)
      .where(and(eq(apiKeys.orgId, tenant.orgId), eq(apiKeys.name, "swept")));
    Object.assign(secrets, {
      "PBKDF2 hash": admin?.passwordHash ?? "",
      // The derived bytes alone, in case a log cut the stored string apart.
      "PBKDF2 hash bytes": admin?.passwordHash.split("$").at(-1) ?? "",
      "API key": apiKey,
      "API key SHA-256": await sha256Hex(apiKey),
      "stored API key hash": key?.keyHash ?? "",
      "session cookie": cookie.slice(cookie.indexOf("=") + 1),
      "session cookie, decoded": token,
      "session token": sessionToken,
      "session token SHA-256": await sha256Hex(sessionToken),
      "stored session hash": session?.tokenHash ?? "",
    });
    const all = await servedOperations();
    everyTag = [...new Set(all.flatMap((operation) => operation.tags))];
    const tags: readonly string[] = SWEEP_GROUPS[group];
    operations = all.filter((operation) => operation.tags.some((tag) => tags.includes(tag)));
    // The workerd pool runs the Worker in the test's isolate, so its console is this console.
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

  it("every tag of the document is swept by one group", () => {
    const grouped: string[] = Object.values(SWEEP_GROUPS).flat();
    expect(everyTag.filter((tag) => !grouped.includes(tag))).toEqual([]);
    expect(operations.length).toBeGreaterThan(0);
  });

  it(`${group}: never answers 5xx, always the documented error shape, and logs no secret`, {
    timeout: 600_000,
  }, async () => {
    const pathIds = [
      String(shop.products["A-001"]),
      tenant.users.viewer.id,
      crypto.randomUUID(),
      "1",
      "2147483647",
    ];
    const outcomes: Outcome[] = [];
    for (const operation of operations) {
      // Seeded by the operation's id, so a group's draws do not depend on which other operations exist.
      const seed =
        SEED + ([...operation.operationId].reduce((sum, char) => sum * 31 + char.charCodeAt(0), 0) % 1e6);
      const draws = fc.sample(requestArbitrary(operation, pathIds), {
        seed,
        numRuns: REQUESTS_PER_OPERATION,
      });
      for (const draw of draws) outcomes.push(await sendDraw(operation, draw, { cookie, ip }));
    }

    const byStatus: Record<number, number> = {};
    for (const outcome of outcomes) byStatus[outcome.status] = (byStatus[outcome.status] ?? 0) + 1;
    const serverErrors = outcomes.filter((outcome) => outcome.status >= 500).length;
    print(
      `sweep ${group}: ${outcomes.length} requests over ${operations.length} operations, ${serverErrors} answers >= 500, by status ${JSON.stringify(byStatus)}, slowest in the Worker ${slowestInWorker(logs)}`,
    );
    expect(outcomes.length).toBe(REQUESTS_PER_OPERATION * operations.length);
    expect(outcomes.filter((outcome) => outcome.problem).slice(0, 10)).toEqual([]);
    expect(serverErrors).toBe(0);
    expect(logs.length).toBeGreaterThanOrEqual(outcomes.length);
    expect(leakedSecret(logs, secrets)).toBeNull();
    expect(logs.join("\n")).not.toContain("params:");
  });
}
