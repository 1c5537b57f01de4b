// One seller cabinet, one account: connecting Ozon's Client-Id or a WB token the organization already connected
// (under any name, with any Api-Key) is refused with 409 naming the field and the other account, and so is
// changing an account's credentials to another account's cabinet. Accounts stored before fingerprints existed
// are compared too (theirs is filled on the way). Another organization may connect the same cabinet.
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { encryptCredentials } from "../../../cron/credentials";
import { marketplaceAccounts } from "../../../db/schema";
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

const ip = distinctIps(23);
let acme: Tenant;
let admin: string;
let globexAdmin: string;

beforeAll(async () => {
  acme = await seedTenant("acme");
  const globex = await seedTenant("globex");
  admin = await signIn(acme.users.admin.email, ip());
  globexAdmin = await signIn(globex.users.admin.email, ip());
  // Connecting asks the vendor first: the simulator's vendors accept every cabinet these tests connect.
  await acceptCredentials({
    ozon: [
      ["5001", "key-one"],
      ["005001", "key-two"],
      ["7007", "new-key"],
      ["6001", "spare-key"],
      ["5001", "key-three"],
      ["5001", "rotated-key-0001"],
    ].map(([clientId, apiKey]) => ({ clientId: clientId as string, apiKey: apiKey as string })),
    wb: ["wb-token-1", "wb-token-2"].map((token) => ({ token })),
  });
});

const connect = (body: unknown, cookie = admin) => send("POST", "/api/accounts", body, ip(), { cookie });
const patch = (id: string, body: unknown) =>
  send("PATCH", `/api/accounts/${id}`, body, ip(), { cookie: admin });

async function connected(body: unknown, cookie = admin): Promise<string> {
  const response = await connect(body, cookie);
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function accountNames(): Promise<string[]> {
  const rows = await db()
    .select({ name: marketplaceAccounts.name })
    .from(marketplaceAccounts)
    .where(eq(marketplaceAccounts.orgId, acme.orgId));
  return rows.map((row) => row.name).sort();
}

describe("connecting a cabinet the organization already connected", () => {
  it("refuses the same Ozon Client-Id under another name and Api-Key, naming the field and the account", async () => {
    await connected({
      marketplace: "ozon",
      name: "Ozon main",
      credentials: { clientId: "5001", apiKey: "key-one" },
    });
    const again = await connect({
      marketplace: "ozon",
      name: "Ozon again",
      credentials: { clientId: "005001", apiKey: "key-two" },
    });
    expect(again.status).toBe(409);
    const { error } = (await again.json()) as ErrorBody;
    expect(error).toMatchObject({
      code: "CONFLICT",
      field: "credentials.clientId",
      reason: "same_cabinet",
      params: { account: "Ozon main" },
    });
    expect(error.message).toMatch(/^credentials\.clientId: .*already connected as "Ozon main"/);
    expect(await accountNames()).toEqual(["Ozon main"]);
  });

  it("refuses the same WB token, and accepts another token and another organization's same cabinet", async () => {
    await connected({ marketplace: "wb", name: "WB main", credentials: { token: "wb-token-1" } });
    const again = await connect({
      marketplace: "wb",
      name: "WB again",
      credentials: { token: " wb-token-1 " },
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as ErrorBody).error).toMatchObject({
      field: "credentials.token",
      reason: "same_cabinet",
    });
    await connected({ marketplace: "wb", name: "WB second", credentials: { token: "wb-token-2" } });
    await connected(
      { marketplace: "wb", name: "WB main", credentials: { token: "wb-token-1" } },
      globexAdmin,
    );
    expect(await accountNames()).toEqual(["Ozon main", "WB main", "WB second"]);
  });

  it("compares with accounts stored before fingerprints existed, and fills theirs", async () => {
    const [old] = await db()
      .insert(marketplaceAccounts)
      .values({
        orgId: acme.orgId,
        marketplace: "ozon",
        name: "Ozon from 2025",
        credentialsEncrypted: await encryptCredentials(
          { ozon: { clientId: "7007", apiKey: "old-key" } },
          env.CREDENTIALS_KEY,
        ),
      })
      .returning({ id: marketplaceAccounts.id });
    if (!old) throw new Error("no account inserted");
    const again = await connect({
      marketplace: "ozon",
      name: "Ozon 7007",
      credentials: { clientId: "7007", apiKey: "new-key" },
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as ErrorBody).error.params).toEqual({ account: "Ozon from 2025" });
    const [filled] = await db()
      .select({ fingerprint: marketplaceAccounts.credentialsFingerprint })
      .from(marketplaceAccounts)
      .where(eq(marketplaceAccounts.id, old.id));
    expect(filled?.fingerprint).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(filled?.fingerprint).not.toContain("7007");
  });
});

describe("changing an account's credentials", () => {
  it("refuses another account's cabinet and writes nothing of the change", async () => {
    const id = await connected({
      marketplace: "ozon",
      name: "Ozon spare",
      credentials: { clientId: "6001", apiKey: "spare-key" },
    });
    const response = await patch(id, {
      name: "Renamed",
      credentials: { clientId: "5001", apiKey: "key-three" },
    });
    expect(response.status).toBe(409);
    expect(((await response.json()) as ErrorBody).error).toMatchObject({
      field: "credentials.clientId",
      reason: "same_cabinet",
      params: { account: "Ozon main" },
    });
    const after = (await (await get(`/api/accounts/${id}`, ip(), { cookie: admin })).json()) as {
      name: string;
      credentials: { clientId: string };
    };
    expect(after).toMatchObject({ name: "Ozon spare", credentials: { clientId: "6001" } });
  });

  it("accepts a new key for the account's own cabinet", async () => {
    const [main] = await db()
      .select({ id: marketplaceAccounts.id })
      .from(marketplaceAccounts)
      .where(eq(marketplaceAccounts.name, "Ozon main"));
    if (!main) throw new Error("Ozon main is gone");
    const response = await patch(main.id, { credentials: { clientId: "5001", apiKey: "rotated-key-0001" } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { credentials: { keyEnding: string } }).credentials.keyEnding).toBe(
      "0001",
    );
  });
});
