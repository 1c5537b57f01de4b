// Stock status by days of cover (the default basis) through the Worker: the dashboard's counts, the
// inventory's statuses and filters and the recommendations agree with domain/stock-status.ts, the basis and
// cover ceiling change through PATCH /api/settings (validated), and "overstock" never meets "order now".
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_STATUS_RULES, type StatusRules, stockStatus } from "../../../domain/stock-status";
import { useTestDatabase } from "../../support/worker-database";
import {
  db,
  distinctIps,
  type ErrorBody,
  get,
  seedCatalog,
  seedShop,
  seedTenant,
  send,
  signIn,
  type Tenant,
} from "./fixtures";

useTestDatabase();

const ip = distinctIps(61);

interface Line {
  article: string;
  status: string;
  available: number;
  inTransit: number;
  velocity: number;
}

let shop: Tenant;
let viewer: string;
let admin: string;

beforeAll(async () => {
  shop = await seedTenant("cover");
  await seedShop(shop.orgId);
  viewer = await signIn(shop.users.viewer.email, ip());
  admin = await signIn(shop.users.admin.email, ip());
});

async function json<T>(path: string, cookie = viewer): Promise<T> {
  const response = await get(path, ip(), { cookie });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

async function inventory(cookie = viewer, query = ""): Promise<Line[]> {
  return (await json<{ items: Line[] }>(`/api/inventory?pageSize=500&sort=article${query}`, cookie)).items;
}

describe("status by days of cover (the default)", () => {
  it("classifies the shop by cover: hand-computed, and as the domain function does", async () => {
    const settings = await json<StatusRules>("/api/settings");
    expect(settings).toMatchObject({ statusBasis: "cover", coverCeilingDays: 120 });
    const lines = await inventory();
    // Lead time 14, safety 7: A-001 3 units at 1/day (3 days) and A-002 10 at 2/day (5 days) run out
    // before a new order lands; A-003 has 50 units and no sales; A-004 180 at 3/day is 60 days.
    expect(lines.map((l) => [l.article, l.status])).toEqual([
      ["A-001", "critical"],
      ["A-002", "critical"],
      ["A-003", "overstock"],
      ["A-004", "normal"],
      ["A-005", "critical"],
    ]);
    for (const line of lines) expect(line.status).toBe(stockStatus(line, DEFAULT_STATUS_RULES));
    const dashboard = await json<{ counts: Record<string, number>; thresholds: StatusRules }>(
      "/api/dashboard",
    );
    expect(dashboard.counts).toEqual({ critical: 3, low: 0, normal: 1, overstock: 1 });
    expect(dashboard.thresholds).toMatchObject({
      statusBasis: "cover",
      leadTimeDays: 14,
      coverCeilingDays: 120,
    });
    const overstock = await inventory(viewer, "&status=overstock");
    expect(overstock.map((l) => l.article)).toEqual(["A-003"]);
    const byStatus = await json<{ items: Line[] }>("/api/inventory?sort=status&order=asc");
    expect(byStatus.items.map((l) => l.status)).toEqual([
      "critical",
      "critical",
      "critical",
      "normal",
      "overstock",
    ]);
  });

  it("the issue's NV-00071 (198 units, 12.6 a day) is low and to reorder, never overstock, on either basis", async () => {
    const tenant = await seedTenant("nv");
    await seedCatalog(tenant.orgId, {
      warehouses: [{ name: "Koledino", marketplace: "wb" }],
      products: [
        { article: "NV-00071", stock: { Koledino: 198 }, velocity: 12.6 },
        { article: "NV-SLOW", stock: { Koledino: 400 }, velocity: 1 },
      ],
    });
    const cookie = await signIn(tenant.users.admin.email, ip());
    const recommended = await json<{ items: Array<{ article: string; suggestedQuantity: number }> }>(
      "/api/recommendations",
      cookie,
    );
    // Reorder point ⌈176.4⌉ + ⌈88.2⌉ = 266 ≥ 198; target ⌈12.6 × 45⌉ + 89 = 656 → order 458.
    expect(recommended.items).toEqual([
      expect.objectContaining({ article: "NV-00071", suggestedQuantity: 458 }),
    ]);
    // 198 < 12.6 × 21 = 264.6: low. NV-SLOW: 400 days of cover, over the 120-day ceiling.
    expect((await inventory(cookie)).map((l) => [l.article, l.status])).toEqual([
      ["NV-00071", "low"],
      ["NV-SLOW", "overstock"],
    ]);
    const patched = await send("PATCH", "/api/settings", { statusBasis: "units" }, ip(), { cookie });
    expect(patched.status).toBe(200);
    // By units 198 > 100 would be overstock, but its order is due: normal.
    expect((await inventory(cookie)).map((l) => [l.article, l.status])).toEqual([
      ["NV-00071", "normal"],
      ["NV-SLOW", "overstock"],
    ]);
    const dashboard = await json<{ counts: Record<string, number> }>("/api/dashboard", cookie);
    expect(dashboard.counts).toEqual({ critical: 0, low: 0, normal: 1, overstock: 1 });
  });
});

describe("status settings", () => {
  it("switches the basis and the ceiling, and the dashboard follows at once", async () => {
    const units = await send("PATCH", "/api/settings", { statusBasis: "units" }, ip(), { cookie: admin });
    expect(units.status).toBe(200);
    expect(await units.json()).toMatchObject({ statusBasis: "units", coverCeilingDays: 120 });
    expect((await json<{ counts: object }>("/api/dashboard")).counts).toEqual({
      critical: 2,
      low: 1,
      normal: 1,
      overstock: 1,
    });
    // Back to cover with a 50-day ceiling: A-004's 60 days are now overstock.
    const cover = await send("PATCH", "/api/settings", { statusBasis: "cover", coverCeilingDays: 50 }, ip(), {
      cookie: admin,
    });
    expect(cover.status).toBe(200);
    expect((await json<{ counts: object }>("/api/dashboard")).counts).toEqual({
      critical: 3,
      low: 0,
      normal: 0,
      overstock: 2,
    });
  });

  it.each([
    [{ coverCeilingDays: 21 }, /^coverCeilingDays: must be more than leadTimeDays \+ safetyStockDays/],
    // Named under the field sent, not under the ceiling it did not touch (the numbers follow).
    [
      { leadTimeDays: 60 },
      /^leadTimeDays: leadTimeDays \+ safetyStockDays must stay below coverCeilingDays \(now coverCeilingDays \d+, leadTimeDays 60/,
    ],
    [{ safetyStockDays: 200 }, /^safetyStockDays: .*safetyStockDays 200\)$/],
    [{ coverCeilingDays: 0 }, /^coverCeilingDays:/],
    [{ statusBasis: "days" }, /^statusBasis:/],
  ])("refuses %j, naming the field", async (change, message) => {
    const response = await send("PATCH", "/api/settings", change, ip(), { cookie: admin });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.message).toMatch(message);
    expect(error.field).toBe(Object.keys(change)[0]);
  });
});

describe("the target cover", () => {
  const patch = (change: object) => send("PATCH", "/api/settings", change, ip(), { cookie: admin });
  const sane = { leadTimeDays: 14, safetyStockDays: 7, targetCoverDays: 45, coverCeilingDays: 120 };

  it.each([
    // Lead 30, target 10: a line at its reorder point was told "order 0", "covered, nothing to ship".
    [
      { ...sane, leadTimeDays: 30, targetCoverDays: 10 },
      "target_cover_short",
      /must be more than leadTimeDays \+ safetyStockDays/,
    ],
    [
      { ...sane, targetCoverDays: 21 },
      "target_cover_short",
      /targetCoverDays 21, leadTimeDays 14, safetyStockDays 7/,
    ],
    [
      { targetCoverDays: 200, coverCeilingDays: 120 },
      "target_cover_over_ceiling",
      /must not be more than coverCeilingDays/,
    ],
    // Named under targetCoverDays though the change sent only the lead time.
    [{ leadTimeDays: 40 }, "target_cover_short", /^targetCoverDays: .*leadTimeDays 40/],
  ])("refuses %j under targetCoverDays, saving nothing", async (change, reason, message) => {
    expect((await patch(sane)).status).toBe(200);
    const before = await json<StatusRules & { targetCoverDays: number; dataVersion: number }>(
      "/api/settings",
    );
    const response = await patch(change);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error).toMatchObject({ field: "targetCoverDays", reason });
    expect(error.message).toMatch(/^targetCoverDays: /);
    expect(error.message).toMatch(message);
    expect(await json("/api/settings")).toEqual(before);
  });

  it("takes a target cover past lead time + safety days and up to the ceiling, and the benchmark's 14 ↔ 15 lead time", async () => {
    expect((await patch(sane)).status).toBe(200);
    expect((await patch({ targetCoverDays: 22 })).status).toBe(200);
    expect((await patch({ targetCoverDays: 120 })).status).toBe(200);
    expect((await patch({ targetCoverDays: 45, leadTimeDays: 15 })).status).toBe(200);
    expect((await patch({ leadTimeDays: 14 })).status).toBe(200);
    expect(await json("/api/settings")).toMatchObject(sane);
  });

  it("checks a change against the settings as stored, not as this isolate last saw them", async () => {
    expect((await patch(sane)).status).toBe(200);
    // Another admin's change through another isolate: lead time 30 (30 + 7 < 45), unseen by this one's cache.
    await db().execute(sql`update organizations set lead_time_days = 30, data_version = data_version + 1
      where id = ${shop.orgId}`);
    // Valid against 14 + 20 < 45; with the stored 30 it is 30 + 20 ≥ 45.
    const response = await patch({ safetyStockDays: 20 });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error).toMatchObject({
      field: "targetCoverDays",
      reason: "target_cover_short",
    });
    const [stored] = (
      await db().execute(
        sql`select lead_time_days, safety_stock_days from organizations where id = ${shop.orgId}`,
      )
    ).rows as Array<{ lead_time_days: number; safety_stock_days: number }>;
    expect(stored).toEqual({ lead_time_days: 30, safety_stock_days: 7 });
    expect((await patch(sane)).status).toBe(200);
  });
});

describe("a settings change that changes nothing", () => {
  it("keeps the data version (no cached answer is thrown away); a real change bumps it once", async () => {
    const version = async () => (await json<{ dataVersion: number }>("/api/settings")).dataVersion;
    const patch = (change: object) => send("PATCH", "/api/settings", change, ip(), { cookie: admin });
    const before = await version();
    const current = await json<StatusRules>("/api/settings");
    expect((await patch({})).status).toBe(200);
    expect((await patch({ safetyStockDays: current.safetyStockDays })).status).toBe(200);
    expect(await version()).toBe(before);
    const changed = await patch({ safetyStockDays: current.safetyStockDays + 1 });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as { dataVersion: number }).dataVersion).toBe(before + 1);
    // The same change again (a retried request) changes nothing the second time.
    expect((await patch({ safetyStockDays: current.safetyStockDays + 1 })).status).toBe(200);
    expect(await version()).toBe(before + 1);
    await patch({ safetyStockDays: current.safetyStockDays });
  });
});

describe("the organization's time zone", () => {
  it("is stored as the runtime spells it, and a made-up one is refused naming the field", async () => {
    const patch = (change: object) => send("PATCH", "/api/settings", change, ip(), { cookie: admin });
    const saved = await patch({ timeZone: "europe/moscow" });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { timeZone: string }).timeZone).toBe("Europe/Moscow");
    const refused = await patch({ timeZone: "Europe/Moskva" });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as ErrorBody).error).toMatchObject({ field: "timeZone" });
  });
});
