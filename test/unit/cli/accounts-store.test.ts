// The CLI's account settings against a real database (the local Neon endpoint on PGlite, migrated): `set`
// writes only the settings it is given, a jump factor of null means the default, and an account of another
// organization or an unknown id is not touched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAccount, getAccountSettings, setAccountSettings } from "../../../cli/accounts-store";
import { createDatabase, type Database } from "../../../db/client";
import { migrateDatabase } from "../../../db/migrate";
import { organizations } from "../../../db/schema";
import { type NeonEndpoint, startNeonEndpoint } from "../../../dev/neon-endpoint/server";

let endpoint: NeonEndpoint;
let db: Database;
const KEY = btoa(String.fromCharCode(...new Uint8Array(32).fill(7)));

beforeAll(async () => {
  endpoint = await startNeonEndpoint({ port: 0 });
  await endpoint.createDatabase("accounts_store_test");
  const config = {
    url: `postgresql://local:local@${new URL(endpoint.url).host}/accounts_store_test`,
    httpEndpoint: endpoint.sqlUrl,
  };
  await migrateDatabase(config);
  db = createDatabase(config);
});

afterAll(async () => {
  await endpoint?.close();
});

async function organizationWithAccount(slug: string) {
  const orgId = crypto.randomUUID();
  await db.insert(organizations).values({ id: orgId, name: slug, slug });
  const account = await addAccount(
    db,
    {
      orgId,
      marketplace: "ozon",
      name: "Main",
      credentials: { ozon: { clientId: "1", apiKey: "k" } },
      baseUrl: null,
      endpoints: { stock: ["ozon.v1.analytics_stocks"], sales: ["ozon.v3.posting_fbo_list"] },
      stockJumpFactor: 4,
    },
    KEY,
  );
  if (!account || !("id" in account)) throw new Error("account not created");
  return { orgId, accountId: account.id };
}

describe("account settings", () => {
  it("change only what is given; a jump factor of null is the default", async () => {
    const { orgId, accountId } = await organizationWithAccount("store-a");
    expect(await setAccountSettings(db, orgId, accountId, { stockJumpFactor: 2.5 })).toMatchObject({
      id: accountId,
      name: "Main",
    });
    expect(await getAccountSettings(db, orgId, accountId)).toEqual({
      endpoints: { stock: ["ozon.v1.analytics_stocks"], sales: ["ozon.v3.posting_fbo_list"] },
      stockJumpFactor: 2.5,
    });
    await setAccountSettings(db, orgId, accountId, { endpoints: { stock: ["ozon.v2.stock_on_warehouses"] } });
    await setAccountSettings(db, orgId, accountId, { stockJumpFactor: null });
    expect(await getAccountSettings(db, orgId, accountId)).toEqual({
      endpoints: { stock: ["ozon.v2.stock_on_warehouses"] },
      stockJumpFactor: null,
    });
  });

  it("leave another organization's account and unknown ids alone", async () => {
    const mine = await organizationWithAccount("store-b");
    const theirs = await organizationWithAccount("store-c");
    expect(await setAccountSettings(db, mine.orgId, theirs.accountId, { stockJumpFactor: 3 })).toBeNull();
    expect(await setAccountSettings(db, mine.orgId, crypto.randomUUID(), { stockJumpFactor: 3 })).toBeNull();
    expect(await getAccountSettings(db, mine.orgId, theirs.accountId)).toBeNull();
    expect((await getAccountSettings(db, theirs.orgId, theirs.accountId))?.stockJumpFactor).toBe(4);
  });
});
