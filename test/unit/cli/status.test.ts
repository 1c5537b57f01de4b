// `status`: accounts joined with their newest successful, newest and running runs.
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { errorFromResponse } from "../../../cli/api-client";
import { accountStatuses, statusCommand, statusTable } from "../../../cli/commands/status";
import { fakeContext } from "./fake-context";
import { aRun, NOW } from "./fixtures";

const WB = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";

describe("status", () => {
  it("joins accounts with their runs", () => {
    const ozon = { id: aRun().accountId, name: "Ozon demo", marketplace: "ozon", enabled: true };
    const wb = { id: WB, name: "WB demo", marketplace: "wb", enabled: false };
    const active = aRun({
      id: "44444444-4444-4444-8444-444444444444",
      status: "running",
      pagesDone: 2,
      extracted: 2000,
    });
    const statuses = accountStatuses([ozon, wb], {
      recent: [active, aRun()],
      succeeded: [aRun()],
      running: [active],
    });
    const text = statusTable(statuses, NOW).split("\n");
    expect(text[0]).toMatch(/^ACCOUNT\s+MARKETPLACE\s+ENABLED\s+LAST SUCCESS\s+LAST RUN\s+ACTIVE RUN$/);
    expect(text[1]).toMatch(
      /^Ozon demo\s+ozon\s+yes\s+8m ago\s+running 10m ago\s+44444444-4444-4444-8444-444444444444 \(2 pages, 2,000 rows\)$/,
    );
    expect(text[2]).toMatch(/^WB demo\s+wb\s+no\s+never\s+–\s+–$/);
  });

  it("prints the API's health and the accounts seen in runs", async () => {
    const page = (items: unknown[]) => () => ({ items, page: 1, pageSize: 100, total: items.length });
    const { ctx, lines } = fakeContext({
      "GET /api/health": () => ({ status: "ok", version: "0.1.0" }),
      "GET /api/runs?pageSize=100": page([aRun()]),
      "GET /api/runs?status=succeeded&pageSize=500": page([aRun()]),
      "GET /api/runs?status=running&pageSize=100": page([]),
    });
    expect(await statusCommand.run(ctx, { values: {}, positionals: [] })).toBe(0);
    expect(lines[0]).toBe(
      "API http://127.0.0.1:8787: ok, version 0.1.0; signed in as demo@mi-core.local (demo user)",
    );
    const table = lines.join("\n").split("\n");
    expect(table[2]).toMatch(/^ACCOUNT/);
    expect(table[3]).toMatch(/^Ozon demo\s+ozon\s+\?\s+8m ago\s+succeeded 10m ago\s+–$/);
  });
});

describe("status: a degraded service", () => {
  it("names each failing check and why, keeps the caller's sunsets, and exits 1", async () => {
    const page = (items: unknown[]) => () => ({ items, page: 1, pageSize: 100, total: items.length });
    const run = aRun();
    const report = {
      status: "degraded",
      version: "0.1.0",
      failing: ["runs"],
      checks: {
        database: { ok: true, ms: 3 },
        runs: { ok: false, ms: 4, error: "1 run(s) stuck: running with no step within their lease" },
      },
      sunsets: [
        { accountId: run.accountId, marketplace: "wb", adapter: "a", replacement: "b", message: "use b" },
      ],
      failedRuns: [],
    };
    const { ctx, lines } = fakeContext({
      "GET /api/health": () => {
        throw errorFromResponse(503, JSON.stringify(report), null);
      },
      "GET /api/runs?pageSize=100": page([run]),
      "GET /api/runs?status=succeeded&pageSize=500": page([run]),
      "GET /api/runs?status=running&pageSize=100": page([]),
    });
    expect(await statusCommand.run(ctx, { values: {}, positionals: [] })).toBe(1);
    const text = lines.join("\n");
    expect(text).toContain("API http://127.0.0.1:8787: degraded, version 0.1.0");
    expect(text).toContain("  runs: 1 run(s) stuck: running with no step within their lease");
    expect(text).toContain("Vendor endpoints to replace:\n  Ozon demo (wb): use b");
  });
});

describe("status: vendor endpoints to replace", () => {
  it("names the account on a switched-off endpoint and its replacement, from /api/health", async () => {
    const page = (items: unknown[]) => () => ({ items, page: 1, pageSize: 100, total: items.length });
    const run = aRun();
    const message =
      "wb.v1.supplier_stocks (GET /api/v1/supplier/stocks) was switched off on 2026-06-23; use wb.v1.warehouse_remains";
    const { ctx, lines } = fakeContext({
      "GET /api/health": () => ({
        status: "ok",
        version: "0.1.0",
        sunsets: [
          {
            accountId: run.accountId,
            marketplace: "wb",
            adapter: "wb.v1.supplier_stocks",
            replacement: "wb.v1.warehouse_remains",
            message,
          },
          {
            accountId: WB,
            marketplace: "wb",
            adapter: "wb.v1.supplier_stocks",
            replacement: null,
            message: "another organization's",
          },
        ],
      }),
      "GET /api/runs?pageSize=100": page([run]),
      "GET /api/runs?status=succeeded&pageSize=500": page([run]),
      "GET /api/runs?status=running&pageSize=100": page([]),
    });
    expect(await statusCommand.run(ctx, { values: {}, positionals: [] })).toBe(0);
    const text = lines.join("\n");
    expect(text).toContain(`Vendor endpoints to replace:\n  Ozon demo (wb): ${message}`);
    expect(text).not.toContain("another organization's");
  });
});

/** A 127.0.0.1 port nothing listens on: one the OS just handed out and that was closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("status: the database does not answer", () => {
  const page = (items: unknown[]) => () => ({ items, page: 1, pageSize: 100, total: items.length });
  const routes = {
    "GET /api/health": () => ({ status: "ok", version: "0.1.0" }),
    "GET /api/runs?pageSize=100": page([aRun()]),
    "GET /api/runs?status=succeeded&pageSize=500": page([aRun()]),
    "GET /api/runs?status=running&pageSize=100": page([]),
    "GET /api/auth/me": () => ({ organization: { id: aRun().accountId } }),
  };

  for (const assumed of [true, false]) {
    it(`exits 1 and says what to pass (database ${assumed ? "assumed" : "named"})`, async () => {
      const port = await closedPort();
      const { ctx, lines } = fakeContext(routes, { database: true });
      ctx.connection.database = {
        url: `postgresql://local:local@127.0.0.1:${port}/main`,
        httpEndpoint: `http://127.0.0.1:${port}/sql`,
        local: true,
        assumed,
      };
      expect(await statusCommand.run(ctx, { values: {}, positionals: [] })).toBe(1);
      const error = lines.at(-1) ?? "";
      expect(error).toContain(`error: the database (http://127.0.0.1:${port}/sql) did not answer`);
      if (assumed) expect(error).toContain("pass --database-url postgresql://local:local@127.0.0.1:<n>/main");
      else expect(error).not.toContain("--db-port");
      // The table of the accounts the runs name is still printed above the error.
      expect(lines.join("\n")).toMatch(/Ozon demo\s+ozon/);
    });
  }
});
