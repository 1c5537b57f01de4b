// The /_sim control and truth API (no auth, JSON): reset, advance, faults, config, truth, stats.

import { Hono } from "hono";
import { z } from "zod";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./clock.js";
import { configPatchSchema, configSchema, mergeConfig } from "./config.js";
import { ENDPOINT_IDS, type EndpointId } from "./endpoints.js";
import { type FaultRule, faultsSchema } from "./faults.js";
import { ozonTurnover } from "./ozon/turnover-stocks.js";
import { Random } from "./random.js";
import type { SimState } from "./state.js";
import {
  demandTruth,
  listingsTruth,
  salesTruth,
  stockTruth,
  warehousesTruth,
  wbSellerStockTruth,
} from "./truth.js";

/** `POST /_sim/credentials`: more credentials to accept (a WB token already known gets these categories). */
const credentialsAddSchema = configSchema.shape.credentials.partial();

export const resetSchema = z.strictObject({
  seed: z.number().int().min(0).optional(),
  size: z.number().int().min(1).max(1_000_000).optional(),
  start: z.iso.datetime({ offset: true }).optional(),
  historyDays: z.number().int().min(0).max(365).optional(),
});

export const advanceSchema = z
  .strictObject({
    days: z.number().min(0).optional(),
    hours: z.number().min(0).optional(),
    minutes: z.number().min(0).optional(),
  })
  .refine((a) => (a.days ?? 0) + (a.hours ?? 0) + (a.minutes ?? 0) > 0, {
    message: "give a positive days, hours or minutes",
    path: ["hours"],
  });

export function advanceMs(a: z.infer<typeof advanceSchema>): number {
  return (a.days ?? 0) * DAY_MS + (a.hours ?? 0) * HOUR_MS + (a.minutes ?? 0) * MINUTE_MS;
}

interface Issue {
  path: string;
  message: string;
}

/** 400 body naming each bad field. */
export function issuesOf(error: z.ZodError): { error: { message: string; issues: Issue[] } } {
  const issues = error.issues.map((i) => ({ path: i.path.join(".") || "(body)", message: i.message }));
  return { error: { message: issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues } };
}

export function setFaults(state: SimState, rules: FaultRule[]): void {
  state.faults.set(rules, new Random(state.world.options.seed).fork("faults"));
}

const marketplaceSchema = z.enum(["ozon", "wb"]);

export function controlRoutes(getState: () => SimState): Hono {
  const app = new Hono();
  const body = async (c: { req: { text(): Promise<string> } }): Promise<unknown> => {
    const text = await c.req.text();
    if (text.trim() === "") return {};
    try {
      return JSON.parse(text);
    } catch {
      return Symbol.for("invalid-json");
    }
  };
  const invalidJson = {
    error: { message: "body is not valid JSON", issues: [{ path: "(body)", message: "invalid JSON" }] },
  };

  app.post("/reset", async (c) => {
    const raw = await body(c);
    if (typeof raw === "symbol") return c.json(invalidJson, 400);
    const parsed = resetSchema.safeParse(raw);
    if (!parsed.success) return c.json(issuesOf(parsed.error), 400);
    const state = getState();
    state.reset({ ...parsed.data, start: parsed.data.start ? Date.parse(parsed.data.start) : undefined });
    const w = state.world;
    return c.json({
      seed: w.options.seed,
      size: w.options.size,
      now: new Date(w.now()).toISOString(),
      listings: { ozon: w.catalog.ozon.length, wb: w.catalog.wb.length },
      stockRows: { ozon: w.stock.ozon.length, wb: w.stock.wb.length },
      orders: { ozon: w.ozonPostings.length, wb: w.wbOrders.length },
    });
  });

  app.post("/advance", async (c) => {
    const raw = await body(c);
    if (typeof raw === "symbol") return c.json(invalidJson, 400);
    const parsed = advanceSchema.safeParse(raw);
    if (!parsed.success) return c.json(issuesOf(parsed.error), 400);
    return c.json(getState().advance(advanceMs(parsed.data)));
  });

  app.get("/clock", (c) => {
    const state = getState();
    return c.json({
      now: new Date(state.world.now()).toISOString(),
      limiterMs: state.time.now(),
      timeScale: state.config.timeScale,
    });
  });

  app.get("/faults", (c) => {
    const state = getState();
    return c.json({ rules: state.faults.rules, calls: state.faults.callCounts() });
  });

  app.put("/faults", async (c) => {
    const raw = await body(c);
    if (typeof raw === "symbol") return c.json(invalidJson, 400);
    const parsed = faultsSchema.safeParse(raw);
    if (!parsed.success) return c.json(issuesOf(parsed.error), 400);
    setFaults(getState(), parsed.data.rules);
    return c.json({ rules: parsed.data.rules });
  });

  app.delete("/faults", (c) => {
    setFaults(getState(), []);
    return c.json({ rules: [] });
  });

  app.get("/config", (c) => c.json(getState().config));

  app.put("/config", async (c) => {
    const raw = await body(c);
    if (typeof raw === "symbol") return c.json(invalidJson, 400);
    const patch = configPatchSchema.safeParse(raw);
    if (!patch.success) return c.json(issuesOf(patch.error), 400);
    const state = getState();
    const merged = configSchema.safeParse(mergeConfig(state.config, patch.data));
    if (!merged.success) return c.json(issuesOf(merged.error), 400);
    state.setConfig(merged.data);
    return c.json(state.config);
  });

  // Adds credentials the vendor accepts, keeping those it has: tests running side by side each add their own
  // without a read-modify-write of the whole config racing another's.
  app.post("/credentials", async (c) => {
    const raw = await body(c);
    if (typeof raw === "symbol") return c.json(invalidJson, 400);
    const added = credentialsAddSchema.safeParse(raw);
    if (!added.success) return c.json(issuesOf(added.error), 400);
    const state = getState();
    const { ozon, wb } = state.config.credentials;
    const credentials = {
      ozon: [
        ...ozon,
        ...(added.data.ozon ?? []).filter(
          (one) => !ozon.some((known) => known.clientId === one.clientId && known.apiKey === one.apiKey),
        ),
      ],
      wb: [
        ...wb.filter((known) => !added.data.wb?.some((one) => one.token === known.token)),
        ...(added.data.wb ?? []),
      ],
    };
    state.setConfig({ ...state.config, credentials });
    return c.json(credentials);
  });

  app.get("/truth/stock", (c) => {
    const mp = marketplaceSchema.safeParse(c.req.query("marketplace"));
    if (!mp.success) return c.json(issuesOf(mp.error), 400);
    return c.json(stockTruth(getState(), mp.data));
  });

  app.get("/truth/wb-seller-stock", (c) => c.json(wbSellerStockTruth(getState())));

  app.get("/truth/sales", (c) => {
    const mp = marketplaceSchema.safeParse(c.req.query("marketplace"));
    if (!mp.success) return c.json(issuesOf(mp.error), 400);
    return c.json(salesTruth(getState(), mp.data));
  });

  app.get("/truth/listings", (c) => {
    const mp = marketplaceSchema.safeParse(c.req.query("marketplace"));
    if (!mp.success) return c.json(issuesOf(mp.error), 400);
    return c.json(listingsTruth(getState(), mp.data));
  });

  app.get("/truth/demand", (c) => {
    const mp = marketplaceSchema.safeParse(c.req.query("marketplace"));
    if (!mp.success) return c.json(issuesOf(mp.error), 400);
    return c.json(demandTruth(getState(), mp.data));
  });

  app.get("/truth/warehouses", (c) => c.json(warehousesTruth()));
  app.get("/truth/ozon-turnover", (c) => c.json(ozonTurnover(getState())));

  app.get("/stats", (c) => {
    const state = getState();
    const endpoint = c.req.query("endpoint");
    if (endpoint !== undefined && !(ENDPOINT_IDS as readonly string[]).includes(endpoint)) {
      return c.json(
        {
          error: {
            message: `endpoint: unknown endpoint "${endpoint}"`,
            issues: [{ path: "endpoint", message: "unknown endpoint" }],
          },
        },
        400,
      );
    }
    return c.json({
      summary: state.stats.summary(),
      requests: state.stats.list(endpoint as EndpointId | undefined),
    });
  });

  app.delete("/stats", (c) => {
    getState().stats.clear();
    return c.json({ cleared: true });
  });

  return app;
}
