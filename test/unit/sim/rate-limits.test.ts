// Rate limits: per-endpoint token buckets at the documented rates, each vendor's 429, a scaled limiter clock.
// biome-ignore-all lint/suspicious/noExplicitAny: vendor JSON bodies are inspected loosely in these tests.

import { afterEach, describe, expect, it } from "vitest";
import type { Simulator } from "../../../dev/sim/server";
import { ozon, start, wb } from "./helpers";

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const STOCKS = "/statistics/api/v1/supplier/stocks?dateFrom=2026-10-31";

describe("WB statistics: 1 request per minute", () => {
  it("answers the second call in a minute with problem+json 429 and the X-Ratelimit headers", async () => {
    // timeScale 0.001: a minute of limiter time lasts 1000 minutes, so the bucket cannot refill during the test.
    sim = await start({ mode: "legacy", timeScale: 0.001 });
    const first = await wb(sim, STOCKS);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-ratelimit-remaining")).toBe("0");
    const second = await wb(sim, STOCKS);
    expect(second.status).toBe(429);
    expect(second.headers.get("content-type")).toContain("application/problem+json");
    expect(second.json).toMatchObject({
      title: "too many requests",
      status: 429,
      statusText: "Too Many Requests",
    });
    expect(Number(second.headers.get("x-ratelimit-retry"))).toBeGreaterThan(0);
    expect(second.headers.get("x-ratelimit-limit")).toBe("1");
    expect(second.headers.get("x-ratelimit-reset")).not.toBeNull();
    // Other endpoints have their own buckets.
    expect((await wb(sim, "/statistics/api/v1/supplier/orders?dateFrom=2026-10-31")).status).toBe(200);
  });

  it("lets a call through once a minute of limiter time has passed", async () => {
    sim = await start({ mode: "legacy", timeScale: 0.001 });
    expect((await wb(sim, STOCKS)).status).toBe(200);
    expect((await wb(sim, STOCKS)).status).toBe(429);
    sim.skipLimiterTime(60_000);
    expect((await wb(sim, STOCKS)).status).toBe(200);
  });

  it("with a large timeScale a minute passes in milliseconds", async () => {
    sim = await start({ mode: "legacy", timeScale: 600_000 }); // one minute = 0.1 ms
    expect((await wb(sim, STOCKS)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await wb(sim, STOCKS)).status).toBe(200);
  });

  it("stocks-report: 3 per minute with burst 1, so a second call at once is 429", async () => {
    sim = await start({ mode: "legacy", timeScale: 0.001 });
    const call = () =>
      wb(sim as Simulator, "/seller-analytics/api/analytics/v1/stocks-report/wb-warehouses", {
        method: "POST",
        body: { limit: 10, offset: 0 },
      });
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(429);
    sim.skipLimiterTime(20_000); // 3 per minute = one token every 20 s
    expect((await call()).status).toBe(200);
  });
});

describe("Ozon limits", () => {
  it("allows 50 requests per second per Client-Id, then answers 429 code 8", async () => {
    sim = await start({ mode: "legacy", timeScale: 0.001 });
    const statuses: number[] = [];
    for (let i = 0; i < 52; i++) statuses.push((await ozon(sim, "/v3/product/list", { limit: 1 })).status);
    expect(statuses.slice(0, 50).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(50)).toEqual([429, 429]);
    const r = await ozon(sim, "/v3/product/list", { limit: 1 });
    expect(r.json).toEqual({
      code: 8,
      message: "You have reached request rate limit per second",
      details: [],
    });
  });

  it("limits /v1/analytics/data to 1 per minute", async () => {
    sim = await start({ mode: "legacy", timeScale: 0.001 });
    const body = {
      date_from: "2026-10-25",
      date_to: "2026-10-31",
      dimension: ["day"],
      metrics: ["revenue"],
      limit: 10,
      offset: 0,
    };
    expect((await ozon(sim, "/v1/analytics/data", body)).status).toBe(200);
    expect((await ozon(sim, "/v1/analytics/data", body)).status).toBe(429);
    sim.skipLimiterTime(60_000);
    expect((await ozon(sim, "/v1/analytics/data", body)).status).toBe(200);
  });

  it("records every request so a test can check a client's pacing", async () => {
    sim = await start({ mode: "legacy", timeScale: 0.001 });
    await ozon(sim, "/v3/product/list", { limit: 1 });
    sim.skipLimiterTime(5_000);
    await ozon(sim, "/v3/product/list", { limit: 1 });
    const requests = sim.stats.requests("ozon.product_list");
    expect(requests).toHaveLength(2);
    const [a, b] = requests as [(typeof requests)[number], (typeof requests)[number]];
    expect(b.limiterAt - a.limiterAt).toBeGreaterThanOrEqual(5_000);
    expect(sim.stats.summary()["ozon.product_list"]).toEqual({ total: 2, byStatus: { 200: 2 } });
  });
});

describe("limits switched off", () => {
  it("never answers 429 when limits are disabled", async () => {
    sim = await start({ mode: "legacy", timeScale: 0.001, limitsEnabled: false });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await wb(sim, STOCKS)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
  });

  it("honours a per-endpoint limit override from the config", async () => {
    sim = await start({ mode: "legacy", timeScale: 0.001 });
    sim.config.set({ limits: { "wb.stocks": { requests: 3, periodSeconds: 60, burst: 3 } } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await wb(sim, STOCKS)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
