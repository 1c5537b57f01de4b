// Connecting when the marketplace cannot say whether it accepts the credentials (it limits requests, or fails):
// 503 naming why, Retry-After when it asked us to wait, and nothing saved, so no account ever holds a key nobody
// checked. The same connect goes through once the vendor answers again.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { marketplaceAccounts } from "../../../db/schema";
import { useTestDatabase } from "../../support/worker-database";
import { simulator } from "../ingest/helpers";
import { useExclusiveSimulator } from "../ingest/sim-lease";
import { db, distinctIps, type ErrorBody, seedTenant, send, signIn, type Tenant } from "./fixtures";

useTestDatabase();
useExclusiveSimulator();

const ip = distinctIps(195);
const OZON = { clientId: "1001", apiKey: "demo-ozon-key" };
let tenant: Tenant;
let admin: string;

beforeAll(async () => {
  tenant = await seedTenant("unchecked");
  admin = await signIn(tenant.users.admin.email, ip());
});

const connect = () =>
  send("POST", "/api/accounts", { marketplace: "ozon", name: "Ozon", credentials: OZON }, ip(), {
    cookie: admin,
  });

async function accountCount(): Promise<number> {
  const rows = await db()
    .select({ id: marketplaceAccounts.id })
    .from(marketplaceAccounts)
    .where(eq(marketplaceAccounts.orgId, tenant.orgId));
  return rows.length;
}

async function failOzonProductList(kind: "rate_limit" | "server_error"): Promise<void> {
  await simulator("/_sim/faults", {
    method: "PUT",
    body: JSON.stringify({ rules: [{ endpoint: "ozon.product_list", kind, rate: 1 }] }),
  });
}

describe("connecting while the marketplace cannot check the credentials", () => {
  it("answers 503 with the vendor's wait when it limits requests, and saves nothing", async () => {
    await failOzonProductList("rate_limit");
    const response = await connect();
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("60");
    const { error } = (await response.json()) as ErrorBody;
    expect(error).toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      field: "credentials",
      reason: "rate_limited",
    });
    expect(error.params?.status).toBe(429);
    expect(error.message).toMatch(/could not be checked.*Nothing was saved/);
    expect(await accountCount()).toBe(0);
  });

  it("answers 503 unreachable when the vendor fails, saves nothing, and connects once it answers", async () => {
    await failOzonProductList("server_error");
    const failed = await connect();
    expect(failed.status).toBe(503);
    expect(((await failed.json()) as ErrorBody).error).toMatchObject({ reason: "unreachable" });
    expect(await accountCount()).toBe(0);

    await simulator("/_sim/faults", { method: "DELETE" });
    expect((await connect()).status).toBe(201);
    expect(await accountCount()).toBe(1);
  });
});
