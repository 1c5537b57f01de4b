// Tables for accounts and warehouse mappings.
import { describe, expect, it } from "vitest";
import type { AccountRow } from "../../../cli/accounts-store";
import { accountsTable } from "../../../cli/commands/accounts";
import { aliasesTable, warehousesTable } from "../../../cli/commands/mappings";
import { NOW } from "./fixtures";

describe("accountsTable", () => {
  it("shows enabled state, base URL and age", () => {
    const rows: AccountRow[] = [
      {
        id: "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa",
        marketplace: "ozon",
        name: "Ozon demo",
        enabled: true,
        baseUrl: null,
        createdAt: new Date(NOW - 3_600_000),
        disabledAt: null,
      },
      {
        id: "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb",
        marketplace: "wb",
        name: "WB old",
        enabled: false,
        baseUrl: "http://127.0.0.1:8790/wb",
        createdAt: new Date(NOW - 2 * 86_400_000),
        disabledAt: new Date(NOW - 60_000),
      },
    ];
    const lines = accountsTable(rows, NOW).split("\n");
    expect(lines[1]).toMatch(/Ozon demo\s+yes\s+\(vendor\)\s+1h 0m ago$/);
    expect(lines[2]).toMatch(/WB old\s+no \(1m ago\)\s+http:\/\/127\.0\.0\.1:8790\/wb\s+2d 0h ago$/);
    expect(accountsTable([], NOW)).toMatch(/No marketplace accounts yet/);
  });
});

describe("mappings tables", () => {
  it("aliases awaiting review and the warehouses to map them to", () => {
    const aliases = aliasesTable([
      {
        id: 24,
        marketplace: "ozon",
        alias: "САНКТ_ПЕТЕРБУРГ_РФЦ",
        warehouseId: 13,
        warehouse: "Санкт-Петербург Шушары",
        provisional: false,
        confidence: 0.8,
        source: "rule",
        createdAt: "2026-11-22T10:00:00Z",
      },
    ]).split("\n");
    expect(aliases[1]).toMatch(
      /^\s+24\s+ozon\s+САНКТ_ПЕТЕРБУРГ_РФЦ\s+#13 Санкт-Петербург Шушары\s+0\.80\s+rule$/,
    );
    const warehouses = warehousesTable([
      {
        id: 7,
        marketplace: "wb",
        name: "Склад 7",
        cluster: null,
        region: null,
        type: "unknown",
        provisional: true,
        available: 1234,
        reserved: 0,
        inTransit: 0,
        products: 5,
      },
    ]).split("\n");
    expect(warehouses[1]).toMatch(/^\s+7\s+wb\s+Склад 7 \(provisional\)\s+unknown\s+–\s+1,234\s+5$/);
    expect(aliasesTable([])).toBe("No warehouse names await review.");
  });
});
