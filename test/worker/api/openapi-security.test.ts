// Generated from the served OpenAPI document: for every operation, no credentials → 401 (unless public),
// the role below the one it needs → 403, another organization's id → 404 (paths with an id), and a
// malformed or non-JSON body → 400 / 415 (operations with a body). A new route is covered by being
// documented; the test fails if an operation has an id it does not know how to take from another tenant.
import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { alertChannels, etlRuns, warehouseAliases } from "../../../db/schema";
import type { Role } from "../../../db/schema/enums";
import { useTestDatabase } from "../../support/worker-database";
import { db, distinctIps, type ErrorBody, seedAcmeAndGlobex, send, signIn } from "./fixtures";
import { fillPath, type Operation, servedOperations } from "./openapi-operations";

useTestDatabase();

let operations: Operation[];
const cookies = {} as Record<Role, string>;
/** Per path: the id of an acme resource (for body checks) and of a globex one (for the 404). */
const ids: Record<string, { own: string; other: string }> = {};
const ip = distinctIps(21);

const LOWER_ROLE: Record<Role, Role | null> = { admin: "operator", operator: "viewer", viewer: null };

/** A body the operation takes (its required fields), so only the check under test can refuse it. */
const VALID_BODY: Record<string, unknown> = {
  createApiKey: { name: "table" },
  createUser: { email: "table@acme.test", role: "viewer", password: "a long password" },
  updateUser: { name: "Renamed" },
  updateSettings: { name: "Acme" },
  mapWarehouseAlias: { warehouseId: 1 },
  startSync: { accountId: crypto.randomUUID() },
  login: { email: "nobody@acme.test", password: "wrong" },
  connectAccount: { marketplace: "wb", name: "table", credentials: { token: "t" } },
  changeAccount: { name: "Renamed" },
  setProductSupply: { minOrderUnits: 10, packSize: null },
  updateAlertSettings: {
    rules: [],
    language: "en",
    quietHours: null,
    timeZone: "UTC",
    digestHour: null,
    sunsetWarningDays: 30,
  },
  putWebhookChannel: { url: "https://hooks.example.com/table" },
  changeAlertChannel: { enabled: true },
};

/** Headers an operation needs besides credentials: Telegram's webhook is public behind its secret header. */
const EXTRA_HEADERS: Record<string, Record<string, string>> = {
  telegramWebhook: { "X-Telegram-Bot-Api-Secret-Token": "test-telegram-secret" },
};

beforeAll(async () => {
  const { acme, globex, shop, globexShop } = await seedAcmeAndGlobex("shop");
  operations = await servedOperations();
  for (const role of ["viewer", "operator", "admin"] as const) {
    cookies[role] = await signIn(acme.users[role].email, ip());
  }
  const globexAdmin = await signIn(globex.users.admin.email, ip());
  const keyOf = async (cookie: string) =>
    ((await (await send("POST", "/api/api-keys", { name: "k" }, ip(), { cookie })).json()) as { id: string })
      .id;
  const aliases = await db()
    .insert(warehouseAliases)
    .values(
      [acme.orgId, globex.orgId].map((orgId, i) => ({
        orgId,
        marketplace: "ozon" as const,
        alias: `ALIAS_${i}`,
        warehouseId: (i === 0 ? shop : globexShop).warehouses.Tver as number,
        confidence: 0.5,
        source: "auto" as const,
      })),
    )
    .returning({ id: warehouseAliases.id });
  const runs = [crypto.randomUUID(), crypto.randomUUID()];
  await db()
    .insert(etlRuns)
    .values(
      [acme.orgId, globex.orgId].map((orgId, i) => ({
        id: runs[i] as string,
        orgId,
        accountId: (i === 0 ? shop : globexShop).accounts.ozon,
        kind: "full" as const,
        trigger: "cron" as const,
        status: "failed" as const,
      })),
    );
  const channels = await db()
    .insert(alertChannels)
    .values([acme.orgId, globex.orgId].map((orgId) => ({ orgId, kind: "webhook" as const })))
    .returning({ id: alertChannels.id });
  Object.assign(ids, {
    "/api/api-keys/{id}": { own: await keyOf(cookies.admin), other: await keyOf(globexAdmin) },
    "/api/users/{id}": { own: acme.users.viewer.id, other: globex.users.viewer.id },
    "/api/products/{id}": {
      own: String(shop.products["A-001"]),
      other: String(globexShop.products["A-001"]),
    },
    "/api/products/{id}/supply": {
      own: String(shop.products["A-001"]),
      other: String(globexShop.products["A-001"]),
    },
    "/api/warehouses/aliases/{id}": { own: String(aliases[0]?.id), other: String(aliases[1]?.id) },
    "/api/runs/{id}": { own: runs[0], other: runs[1] },
    "/api/accounts/{id}/progress": { own: shop.accounts.ozon, other: globexShop.accounts.ozon },
    "/api/accounts/{id}": { own: shop.accounts.ozon, other: globexShop.accounts.ozon },
    "/api/accounts/{id}/check": { own: shop.accounts.ozon, other: globexShop.accounts.ozon },
    "/api/alerts/channels/{id}": { own: String(channels[0]?.id), other: String(channels[1]?.id) },
    "/api/alerts/channels/{id}/test": { own: String(channels[0]?.id), other: String(channels[1]?.id) },
  });
});

function request(
  operation: Operation,
  options: { cookie?: string; id?: "own" | "other"; body?: string; type?: string },
) {
  const headers: Record<string, string> = {
    "CF-Connecting-IP": ip(),
    ...EXTRA_HEADERS[operation.operationId],
  };
  if (options.cookie) headers.Cookie = options.cookie;
  if (options.type) headers["Content-Type"] = options.type;
  const id = ids[operation.path]?.[options.id ?? "own"] ?? "";
  const hasBody = operation.body !== null && operation.method !== "GET";
  const body =
    options.body ?? (hasBody ? JSON.stringify(VALID_BODY[operation.operationId] ?? {}) : undefined);
  if (hasBody && !options.type) headers["Content-Type"] = "application/json";
  return SELF.fetch(`http://edge.test${fillPath(operation.path, { id })}`, {
    method: operation.method,
    headers,
    body,
  });
}

async function expectError(response: Response, status: number, name: string) {
  const text = await response.text();
  expect(response.status, `${name}: ${text}`).toBe(status);
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error.requestId, name).toBe(response.headers.get("X-Request-Id"));
}

describe("every documented operation", () => {
  it("covers the 49 operations, and knows another tenant's id for each path with one", () => {
    expect(operations.length).toBe(49);
    for (const operation of operations.filter((o) => o.path.includes("{id}"))) {
      expect(ids[operation.path], operation.path).toBeDefined();
    }
  });

  it("answers 401 without credentials unless public", async () => {
    for (const operation of operations.filter((o) => !o.public)) {
      const name = `${operation.method} ${operation.path}`;
      await expectError(await request(operation, {}), 401, name);
      expect(operation.statuses, name).toContain(401);
    }
  });

  it("answers 403 to the role below the one an operation needs", async () => {
    const guarded = operations.filter((o) => o.role);
    expect(guarded.length).toBe(22);
    for (const operation of guarded) {
      const lower = LOWER_ROLE[operation.role as Role] as Role;
      await expectError(
        await request(operation, { cookie: cookies[lower] }),
        403,
        `${operation.operationId} as ${lower}`,
      );
    }
  });

  it("answers 404 for another organization's id", async () => {
    for (const operation of operations.filter((o) => o.path.includes("{id}"))) {
      const cookie = cookies[operation.role ?? "viewer"];
      const name = `${operation.method} ${operation.path}`;
      await expectError(await request(operation, { cookie, id: "other" }), 404, name);
      expect(operation.statuses, name).toContain(404);
    }
  });

  it("answers 400 to malformed JSON and 415 to a body that is not JSON", async () => {
    const withBody = operations.filter((o) => o.body);
    expect(withBody.length).toBe(14);
    for (const operation of withBody) {
      const cookie = operation.public ? undefined : cookies[operation.role ?? "viewer"];
      const name = `${operation.method} ${operation.path}`;
      await expectError(
        await request(operation, { cookie, body: '{"name":', type: "application/json" }),
        400,
        name,
      );
      await expectError(await request(operation, { cookie, body: "name=x", type: "text/plain" }), 415, name);
      expect(operation.statuses, name).toEqual(expect.arrayContaining([400, 413, 415]));
    }
  });
});
