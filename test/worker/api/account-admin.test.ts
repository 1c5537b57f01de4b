// Settings → Marketplace accounts through the Worker: an admin connects an account (credentials never come
// back), checks its connection against the simulator (the right key passes, a wrong one is "wrong_key", a WB
// token without the needed scope is "missing_scope"), chooses adapters, renames, disables and deletes it.
// Bodies are validated naming the field; viewers and operators get 403; another organization's account is 404.
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { etlRuns, marketplaceAccounts } from "../../../db/schema";
import { useTestDatabase } from "../../support/worker-database";
import { db, distinctIps, type ErrorBody, get, seedTenant, send, signIn, type Tenant } from "./fixtures";

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

  it("says the connection works with the right key, and names a wrong key as such", async () => {
    expect((await check(ozonMain.id)).outcome).toBe("ok");
    const bad = (await (
      await connect({
        marketplace: "ozon",
        name: "Ozon typo",
        credentials: { clientId: "1002", apiKey: "wrong-key" },
      })
    ).json()) as AdminAccount;
    const verdict = await check(bad.id);
    expect(verdict.outcome).toBe("wrong_key");
    expect(verdict.message).toMatch(/does not accept these credentials/);
    const wb = (await (
      await connect({ marketplace: "wb", name: "WB typo", credentials: { token: "nope" } })
    ).json()) as AdminAccount;
    expect((await check(wb.id)).outcome).toBe("wrong_key");
  });

  it("says a WB token without the scope the sync needs lacks the scope", async () => {
    const config = await fetch(`${env.SIMULATOR_URL}/_sim/config`);
    const current = (await config.json()) as { credentials: { wb: unknown[] } };
    const scoped = { token: "stats-only-token", categories: ["statistics"] };
    await fetch(`${env.SIMULATOR_URL}/_sim/config`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        credentials: { ...current.credentials, wb: [...current.credentials.wb, scoped] },
      }),
    });
    const wb = (await (
      await connect({ marketplace: "wb", name: "WB stats only", credentials: { token: "stats-only-token" } })
    ).json()) as AdminAccount;
    expect((await check(wb.id)).outcome).toBe("missing_scope");
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
    const created = (await (
      await connect(
        { marketplace: "ozon", name: "Before", credentials: { clientId: "1003", apiKey: "old-wrong-key" } },
        initechAdmin,
      )
    ).json()) as AdminAccount;
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
  });

  it("deletes an account with its runs, but not while one is running", async () => {
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
