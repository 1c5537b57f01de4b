// The admin's JSON bodies through the Worker: an unknown or misspelt key is a 400 that names it (nothing is
// written), every refusal carries the field and a stable reason for the dashboard to translate, and two
// accounts of one organization cannot share a name, whatever the marketplace or the letter case (409).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { marketplaceAccounts, organizations, users } from "../../../db/schema";
import { useTestDatabase } from "../../support/worker-database";
import {
  acceptCredentials,
  db,
  distinctIps,
  type ErrorBody,
  seedTenant,
  send,
  signIn,
  type Tenant,
} from "./fixtures";

useTestDatabase();

const ip = distinctIps(131);
const OZON = { clientId: "1001", apiKey: "demo-ozon-key" };
const WB = { token: "demo-wb-token" };
let acme: Tenant;
let cookie: string;

beforeAll(async () => {
  acme = await seedTenant("admin-bodies");
  cookie = await signIn(acme.users.admin.email, ip());
});

async function refusal(response: Response, status: number): Promise<ErrorBody["error"]> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return (JSON.parse(text) as ErrorBody).error;
}

async function connect(body: unknown) {
  return send("POST", "/api/accounts", body, ip(), { cookie });
}

describe("unknown keys in an admin's body", () => {
  it("POST /api/users refuses a misspelt key by name and creates no user", async () => {
    const email = "typo@admin-bodies.test";
    const error = await refusal(
      await send("POST", "/api/users", { email, role: "viewer", rol: "admin" }, ip(), { cookie }),
      400,
    );
    expect(error).toMatchObject({ code: "BAD_REQUEST", field: "rol", reason: "unknown_field" });
    expect(error.message).toBe("rol: unknown field");
    expect(await db().select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it("PATCH /api/users/{id}, /api/settings, POST and PATCH /api/accounts and POST /api/api-keys do too", async () => {
    const created = await connect({ marketplace: "wb", name: "Strict WB", credentials: WB });
    expect(created.status).toBe(201);
    const account = (await created.json()) as { id: string };
    const cases: Array<[string, string, unknown, string]> = [
      ["PATCH", `/api/users/${acme.users.viewer.id}`, { name: "V", disabled: false, admin: true }, "admin"],
      ["PATCH", "/api/settings", { criticalMax: 4, lowMaxx: 30 }, "lowMaxx"],
      [
        "POST",
        "/api/accounts",
        { marketplace: "wb", name: "X", credentials: WB, baseUrl: "http://x" },
        "baseUrl",
      ],
      [
        "POST",
        "/api/accounts",
        { marketplace: "wb", name: "Y", credentials: { ...WB, secret: "s" } },
        "credentials.secret",
      ],
      ["PATCH", `/api/accounts/${account.id}`, { name: "Z", orgId: acme.orgId }, "orgId"],
      ["POST", "/api/api-keys", { name: "k", role: "viewer", expires: "never" }, "expires"],
    ];
    for (const [method, path, body, field] of cases) {
      const error = await refusal(await send(method, path, body, ip(), { cookie }), 400);
      expect(error, `${method} ${path}`).toMatchObject({ field, reason: "unknown_field" });
    }
    // Nothing of a refused body was written.
    const [org] = await db().select().from(organizations).where(eq(organizations.id, acme.orgId));
    expect(org?.criticalMax).not.toBe(4);
    const names = await db()
      .select({ name: marketplaceAccounts.name })
      .from(marketplaceAccounts)
      .where(eq(marketplaceAccounts.orgId, acme.orgId));
    expect(names.map((row) => row.name)).toEqual(["Strict WB"]);
  });
});

describe("what a refusal says for the dashboard to translate", () => {
  it("names the field, a stable reason and its numbers", async () => {
    const short = await refusal(
      await send(
        "POST",
        "/api/users",
        { email: "p@admin-bodies.test", role: "viewer", password: "short" },
        ip(),
        {
          cookie,
        },
      ),
      400,
    );
    expect(short).toMatchObject({ field: "password", reason: "too_small", params: { minimum: 10 } });
    const missing = await refusal(
      await send("POST", "/api/users", { role: "viewer" }, ip(), { cookie }),
      400,
    );
    expect(missing).toMatchObject({ field: "email", reason: "required" });
    const order = await refusal(
      await send("PATCH", "/api/settings", { criticalMax: 50, lowMax: 20 }, ip(), { cookie }),
      400,
    );
    expect(order).toMatchObject({ field: "lowMax", reason: "thresholds_order" });
  });
});

describe("account names", () => {
  it("are unique in the organization whatever the marketplace or letter case: 409 naming the name", async () => {
    expect((await connect({ marketplace: "ozon", name: "Main shop", credentials: OZON })).status).toBe(201);
    // A WB cabinet this organization has not connected yet ("Strict WB" holds WB's): only the name is taken.
    const otherCabinet = { token: "another-wb-token" };
    await acceptCredentials({ wb: [{ ...otherCabinet }] });
    const other = await refusal(
      await connect({ marketplace: "wb", name: "main SHOP", credentials: otherCabinet }),
      409,
    );
    expect(other).toMatchObject({ code: "CONFLICT", field: "name", reason: "taken" });
    expect(other.message).toMatch(/^name: /);
    const wb = (await (
      await connect({ marketplace: "wb", name: "WB shop", credentials: otherCabinet })
    ).json()) as {
      id: string;
    };
    const renamed = await refusal(
      await send("PATCH", `/api/accounts/${wb.id}`, { name: "MAIN shop" }, ip(), { cookie }),
      409,
    );
    expect(renamed).toMatchObject({ field: "name", reason: "taken" });
    // A change of letter case of its own name is no conflict.
    const recased = await send("PATCH", `/api/accounts/${wb.id}`, { name: "wb Shop" }, ip(), { cookie });
    expect(recased.status).toBe(200);
  });
});
