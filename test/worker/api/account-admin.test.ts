// Settings → Marketplace accounts through the Worker: an admin connects an account (credentials never come
// back; ones the simulator's vendor refuses are never stored: "wrong_key", or "missing_scope" for a WB token
// without the needed scope), checks a stored account's connection, chooses adapters, renames, disables and
// deletes it.
// Bodies are validated naming the field; viewers and operators get 403; another organization's account is 404.
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { encryptCredentials } from "../../../cron/credentials";
import { etlRuns, marketplaceAccounts } from "../../../db/schema";
import { wbJwt } from "../../support/wb-token";
import { useTestDatabase } from "../../support/worker-database";
import {
  acceptCredentials,
  db,
  distinctIps,
  type ErrorBody,
  get,
  seedTenant,
  send,
  signIn,
  type Tenant,
} from "./fixtures";

useTestDatabase();

interface AdminAccount {
  id: string;
  marketplace: string;
  name: string;
  enabled: boolean;
  adapters: { stock: string[]; sales: string[] | null };
  credentials: { set: boolean; clientId: string | null; keyEnding: string | null };
}
interface Check {
  outcome: string;
  message: string;
  status: number | null;
}

const ip = distinctIps(17);
const OZON = { clientId: "1001", apiKey: "demo-ozon-key" };
let acme: Tenant;
let globex: Tenant;
let initech: Tenant;
let admin: string;
let globexAdmin: string;
let initechAdmin: string;
/** acme's one account of the simulator's Ozon cabinet: a second one would be refused as the same cabinet. */
let ozonMain: AdminAccount;

beforeAll(async () => {
  acme = await seedTenant("acme");
  globex = await seedTenant("globex");
  initech = await seedTenant("initech");
  admin = await signIn(acme.users.admin.email, ip());
  globexAdmin = await signIn(globex.users.admin.email, ip());
  initechAdmin = await signIn(initech.users.admin.email, ip());
});

async function connect(body: unknown, cookie = admin) {
  return send("POST", "/api/accounts", body, ip(), { cookie });
}

async function accountNames(orgId: string): Promise<string[]> {
  const rows = await db()
    .select({ name: marketplaceAccounts.name })
    .from(marketplaceAccounts)
    .where(eq(marketplaceAccounts.orgId, orgId));
  return rows.map((row) => row.name);
}

async function check(id: string, cookie = admin): Promise<Check> {
  const response = await send("POST", `/api/accounts/${id}/check`, undefined, ip(), { cookie });
  expect(response.status).toBe(200);
  return (await response.json()) as Check;
}

describe("connecting an account", () => {
  it("stores the credentials sealed and never sends them back", async () => {
    const response = await connect({ marketplace: "ozon", name: "Ozon main", credentials: OZON });
    expect(response.status).toBe(201);
    const created = (await response.json()) as AdminAccount;
    ozonMain = created;
    expect(created.credentials).toEqual({ set: true, clientId: "1001", keyEnding: "-key" });
    const text = await (await get("/api/accounts", ip(), { cookie: admin })).text();
    expect(text).toContain("Ozon main");
    expect(text).not.toContain("demo-ozon-key");
    const detail = await (await get(`/api/accounts/${created.id}`, ip(), { cookie: admin })).text();
    expect(detail).not.toContain("demo-ozon-key");
    const [stored] = await db()
      .select({ sealed: marketplaceAccounts.credentialsEncrypted, baseUrl: marketplaceAccounts.baseUrl })
      .from(marketplaceAccounts)
      .where(eq(marketplaceAccounts.id, created.id));
    expect(stored?.sealed).toMatch(/^v1\./);
    expect(stored?.sealed).not.toContain("demo-ozon-key");
    expect(stored?.baseUrl).toBe(`${env.SIMULATOR_URL}/ozon`);
  });

  it("lists every account as its detail shows it to an admin (Settings' one request), and to a viewer without", async () => {
    const detail = (await (
      await get(`/api/accounts/${ozonMain.id}`, ip(), { cookie: admin })
    ).json()) as AdminAccount;
    const listed = (await (await get("/api/accounts", ip(), { cookie: admin })).json()) as {
      items: Array<AdminAccount & { lastSuccess: unknown }>;
    };
    const item = listed.items.find((account) => account.id === ozonMain.id);
    expect(item).toMatchObject(detail);
    expect(item?.credentials).toEqual({ set: true, clientId: "1001", keyEnding: "-key" });
    expect(item?.lastSuccess).toBeNull();
    const viewer = await signIn(acme.users.viewer.email, ip());
    const viewed = (await (await get("/api/accounts", ip(), { cookie: viewer })).json()) as {
      items: Array<Record<string, unknown>>;
    };
    const seen = viewed.items.find((account) => account.id === ozonMain.id);
    expect(seen?.name).toBe("Ozon main");
    expect(seen).not.toHaveProperty("credentials");
    expect(seen).not.toHaveProperty("adapters");
  });

  it("refuses credentials the marketplace refuses, naming why and saving nothing", async () => {
    const typo = await connect({
      marketplace: "ozon",
      name: "Ozon typo",
      credentials: { clientId: "1002", apiKey: "wrong-key" },
    });
    expect(typo.status).toBe(400);
    const refused = ((await typo.json()) as ErrorBody).error;
    expect(refused).toMatchObject({ field: "credentials", reason: "wrong_key", params: { status: 404 } });
    expect(refused.message).toMatch(/does not accept these credentials.*Nothing was saved/);
    const wb = await connect({ marketplace: "wb", name: "WB typo", credentials: { token: "nope" } });
    expect(wb.status).toBe(400);
    expect(((await wb.json()) as ErrorBody).error).toMatchObject({
      reason: "wrong_key",
      params: { status: 401 },
    });
    const names = await accountNames(acme.orgId);
    expect(names).not.toContain("Ozon typo");
    expect(names).not.toContain("WB typo");
  });

  it("checks a stored account's connection: the right key passes, one the vendor stopped accepting is wrong_key", async () => {
    expect((await check(ozonMain.id)).outcome).toBe("ok");
    // Stored before: a key since revoked in the seller's cabinet.
    const [revoked] = await db()
      .insert(marketplaceAccounts)
      .values({
        orgId: acme.orgId,
        marketplace: "ozon",
        name: "Ozon revoked",
        credentialsEncrypted: await encryptCredentials(
          { ozon: { clientId: "1009", apiKey: "revoked-key" } },
          env.CREDENTIALS_KEY,
        ),
        baseUrl: `${env.SIMULATOR_URL}/ozon`,
      })
      .returning({ id: marketplaceAccounts.id });
    if (!revoked) throw new Error("no account inserted");
    const verdict = await check(revoked.id);
    expect(verdict.outcome).toBe("wrong_key");
    expect(verdict.message).toMatch(/does not accept these credentials/);
  });

  it("refuses a WB token without the scope the sync needs as missing_scope", async () => {
    await acceptCredentials({ wb: [{ token: "stats-only-token", categories: ["statistics"] }] });
    const response = await connect({
      marketplace: "wb",
      name: "WB stats only",
      credentials: { token: "stats-only-token" },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error).toMatchObject({
      field: "credentials",
      reason: "missing_scope",
    });
    expect(await accountNames(acme.orgId)).not.toContain("WB stats only");
  });

  it("names the categories a WB token (a JWT) lacks for the account's feeds, though the probed host accepts it", async () => {
    // Accepted by the marketplace host the probe calls, and by content and analytics; no Statistics.
    const partial = wbJwt(["content", "analytics", "marketplace"]);
    await acceptCredentials({
      wb: [{ token: partial, categories: ["content", "analytics", "marketplace"] }],
    });
    const refused = await connect({
      marketplace: "wb",
      name: "WB no stats",
      credentials: { token: partial },
    });
    expect(refused.status).toBe(400);
    const { error } = (await refused.json()) as ErrorBody;
    expect(error).toMatchObject({ field: "credentials", reason: "missing_scope" });
    expect(JSON.stringify(error.params)).toContain("Статистика (statistics)");
    expect(error.params?.missing).toBe("Статистика");
    expect(await accountNames(acme.orgId)).not.toContain("WB no stats");

    // Without orders and sales feeds, Statistics is not needed: the same token connects.
    const stockOnly = await connect({
      marketplace: "wb",
      name: "WB stock only",
      credentials: { token: partial },
      adapters: { sales: [] },
    });
    expect(stockOnly.status).toBe(201);

    const expired = wbJwt(["content", "analytics", "marketplace", "statistics"], { exp: 1_700_000_000 });
    await acceptCredentials({ wb: [{ token: expired }] });
    const old = await connect({ marketplace: "wb", name: "WB expired", credentials: { token: expired } });
    expect(old.status).toBe(400);
    const oldError = ((await old.json()) as ErrorBody).error;
    expect(oldError).toMatchObject({ field: "credentials", reason: "wrong_key" });
    expect(JSON.stringify(oldError.params)).toContain("expired on 2023-11-14");
    expect(oldError.params?.expiredOn).toBe("2023-11-14");
  });

  it("refuses a bad body naming the field, and a taken name", async () => {
    const cases: [unknown, RegExp][] = [
      [{ marketplace: "ozon", name: "X", credentials: { apiKey: "k" } }, /^credentials\.clientId: required/],
      [
        { marketplace: "ozon", name: "X", credentials: { clientId: "abc", apiKey: "k" } },
        /^credentials\.clientId:/,
      ],
      [
        { marketplace: "wb", name: "X", credentials: { token: "t", apiKey: "k" } },
        /^credentials\.apiKey: not used/,
      ],
      // A header can carry neither: the runtime would refuse the call and print the key in its warning.
      [
        { marketplace: "ozon", name: "X", credentials: { clientId: "1", apiKey: "ключ-юникод" } },
        /^credentials\.apiKey: the Api-Key may hold only Latin letters/,
      ],
      [{ marketplace: "wb", name: "X", credentials: { token: "abc\r\nX-Evil: 1" } }, /^credentials\.token:/],
      [{ marketplace: "ozon", name: "", credentials: OZON }, /^name:/],
      // Invisible characters would make two names look alike (a zero-width space, a direction override).
      [
        { marketplace: "ozon", name: "Ozon main\u200b", credentials: OZON },
        /^name: must not contain invisible/,
      ],
      [{ marketplace: "ozon", name: "\u202eRLO", credentials: OZON }, /^name: must not contain invisible/],
      [{ marketplace: "ebay", name: "X", credentials: OZON }, /^marketplace:/],
      [
        { marketplace: "ozon", name: "X", credentials: OZON, adapters: { stock: ["wb.v3.seller_stocks"] } },
        /^adapters\.stock\[0\]:/,
      ],
    ];
    for (const [body, message] of cases) {
      const response = await connect(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as ErrorBody).error.message).toMatch(message);
    }
    await acceptCredentials({ wb: [{ token: "another-wb-token" }] });
    await connect({ marketplace: "wb", name: "Twice", credentials: { token: "demo-wb-token" } });
    const again = await connect({
      marketplace: "wb",
      name: "twice",
      credentials: { token: "another-wb-token" },
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as ErrorBody).error).toMatchObject({ field: "name", reason: "taken" });
  });
});

describe("changing and deleting an account", () => {
  it("renames it, chooses adapters, disables it and replaces its credentials", async () => {
    // In an organization of its own: acme already connected the simulator's cabinet (Client-Id 1001).
    await acceptCredentials({ ozon: [{ clientId: "1003", apiKey: "old-key-1003" }] });
    const created = (await (
      await connect(
        { marketplace: "ozon", name: "Before", credentials: { clientId: "1003", apiKey: "old-key-1003" } },
        initechAdmin,
      )
    ).json()) as AdminAccount;
    // New credentials the vendor refuses change nothing, not even the rest of the same change.
    const typo = await send(
      "PATCH",
      `/api/accounts/${created.id}`,
      { name: "Typo", credentials: { clientId: "1003", apiKey: "new-wrong-key" } },
      ip(),
      { cookie: initechAdmin },
    );
    expect(typo.status).toBe(400);
    expect(((await typo.json()) as ErrorBody).error).toMatchObject({
      field: "credentials",
      reason: "wrong_key",
    });
    const unchanged = (await (
      await get(`/api/accounts/${created.id}`, ip(), { cookie: initechAdmin })
    ).json()) as AdminAccount;
    expect(unchanged).toMatchObject({ name: "Before", credentials: { clientId: "1003", keyEnding: "1003" } });
    const response = await send(
      "PATCH",
      `/api/accounts/${created.id}`,
      {
        name: "After",
        enabled: false,
        adapters: { stock: ["ozon.v2.stock_on_warehouses"], sales: [] },
        credentials: OZON,
      },
      ip(),
      { cookie: initechAdmin },
    );
    expect(response.status).toBe(200);
    const changed = (await response.json()) as AdminAccount;
    expect(changed).toMatchObject({
      name: "After",
      enabled: false,
      adapters: { stock: ["ozon.v2.stock_on_warehouses"], sales: [] },
    });
    expect((await check(created.id, initechAdmin)).outcome).toBe("ok");
    const unknown = await send(
      "PATCH",
      `/api/accounts/${created.id}`,
      { adapters: { sales: ["nope"] } },
      ip(),
      {
        cookie: initechAdmin,
      },
    );
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as ErrorBody).error.message).toMatch(
      /^adapters\.sales\[0\]: unknown sales adapter "nope"/,
    );
    // Two feeds that count the same orders: a reason of its own for the dashboard, and nothing changed.
    const twice = await send(
      "PATCH",
      `/api/accounts/${created.id}`,
      { adapters: { sales: ["ozon.v1.analytics_data", "ozon.v3.posting_fbo_list"] } },
      ip(),
      { cookie: initechAdmin },
    );
    expect(twice.status).toBe(400);
    expect(((await twice.json()) as ErrorBody).error).toMatchObject({
      field: "adapters.sales",
      reason: "same_orders",
    });
    const kept = (await (
      await get(`/api/accounts/${created.id}`, ip(), { cookie: initechAdmin })
    ).json()) as AdminAccount;
    expect(kept.adapters).toEqual({ stock: ["ozon.v2.stock_on_warehouses"], sales: [] });
  });

  it("deletes an account with its runs, but not while one is running", async () => {
    await acceptCredentials({ wb: [{ token: "gone-soon-token" }] });
    const created = (await (
      await connect({ marketplace: "wb", name: "Gone soon", credentials: { token: "gone-soon-token" } })
    ).json()) as AdminAccount;
    const runId = crypto.randomUUID();
    await db().insert(etlRuns).values({
      id: runId,
      orgId: acme.orgId,
      accountId: created.id,
      kind: "full",
      trigger: "api",
      status: "running",
    });
    const busy = await send("DELETE", `/api/accounts/${created.id}`, undefined, ip(), { cookie: admin });
    expect(busy.status).toBe(409);
    await db().update(etlRuns).set({ status: "failed", finishedAt: new Date() }).where(eq(etlRuns.id, runId));
    const gone = await send("DELETE", `/api/accounts/${created.id}`, undefined, ip(), { cookie: admin });
    expect(gone.status).toBe(200);
    expect(await db().select().from(etlRuns).where(eq(etlRuns.id, runId))).toEqual([]);
    const again = await send("DELETE", `/api/accounts/${created.id}`, undefined, ip(), { cookie: admin });
    expect(again.status).toBe(404);
  });
});

describe("who may manage accounts", () => {
  it("answers 403 to viewers and operators", async () => {
    for (const role of ["viewer", "operator"] as const) {
      const cookie = await signIn(acme.users[role].email, ip());
      expect(
        (await connect({ marketplace: "ozon", name: `By ${role}`, credentials: OZON }, cookie)).status,
      ).toBe(403);
      expect((await get("/api/marketplace-adapters", ip(), { cookie })).status).toBe(403);
    }
  });

  it("answers 404 for another organization's account, and changes nothing", async () => {
    const theirs = (await (
      await connect({ marketplace: "ozon", name: "Globex Ozon", credentials: OZON }, globexAdmin)
    ).json()) as AdminAccount;
    expect((await get(`/api/accounts/${theirs.id}`, ip(), { cookie: admin })).status).toBe(404);
    expect(
      (await send("PATCH", `/api/accounts/${theirs.id}`, { name: "Mine" }, ip(), { cookie: admin })).status,
    ).toBe(404);
    expect(
      (await send("POST", `/api/accounts/${theirs.id}/check`, undefined, ip(), { cookie: admin })).status,
    ).toBe(404);
    expect(
      (await send("DELETE", `/api/accounts/${theirs.id}`, undefined, ip(), { cookie: admin })).status,
    ).toBe(404);
    const still = (await (
      await get(`/api/accounts/${theirs.id}`, ip(), { cookie: globexAdmin })
    ).json()) as AdminAccount;
    expect(still.name).toBe("Globex Ozon");
  });

  it("lists each marketplace's adapters with the defaults marked", async () => {
    const body = (await (await get("/api/marketplace-adapters", ip(), { cookie: admin })).json()) as {
      items: { marketplace: string; stock: { id: string; isDefault: boolean }[] }[];
    };
    const ozon = body.items.find((item) => item.marketplace === "ozon");
    expect(ozon?.stock.filter((a) => a.isDefault).map((a) => a.id)).toContain("ozon.v2.stock_on_warehouses");
  });
});
