// `status`: accounts joined with their newest successful, newest and running runs.
import { describe, expect, it } from "vitest";
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
