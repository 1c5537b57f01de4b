// `accounts add` with adapters: a valid config is saved as given; an unknown id, another marketplace's id or
// two feeds counting the same orders exit 2 naming option, field and problem, before the database is opened.
// Likewise --jump-factor: a number above 1 is saved, anything else exits 2 naming the option.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { NewAccount } from "../../../cli/accounts-store";
import { main } from "../../../cli/main";
import { AccountConfigSchema, describeConfigIssue } from "../../../worker/api/schemas/accounts";
import { OZON_ADAPTER_REFUSALS } from "./ozon-adapter-refusals";

const store = vi.hoisted(() => ({
  openDatabase: vi.fn(() => ({})),
  resolveOrganization: vi.fn(async () => ({ id: "org-1", name: "Acme", slug: "acme" })),
  addAccount: vi.fn(async (_db: unknown, _input: NewAccount, _key: string) => ({ id: "acc-1" })),
}));
vi.mock("../../../cli/accounts-store", async (actual) => ({
  ...(await actual<typeof import("../../../cli/accounts-store")>()),
  ...store,
}));

const log = vi.spyOn(console, "log").mockImplementation(() => {});
const error = vi.spyOn(console, "error").mockImplementation(() => {});
afterEach(() => {
  vi.clearAllMocks();
});

const OZON_ADD = [
  "accounts",
  "add",
  "--marketplace",
  "ozon",
  "--name",
  "Main",
  "--ozon-client-id",
  "123",
  "--ozon-api-key",
  "key",
  "--database-url",
  "postgres://127.0.0.1:1/unused",
];

async function add(...options: string[]) {
  const code = await main([...OZON_ADD, ...options], {});
  return { code, stderr: error.mock.calls.map((call) => String(call[0])).join("\n") };
}

describe("accounts add --stock-adapters / --sales-adapters", () => {
  it("saves a valid config as given", async () => {
    const { code } = await add(
      "--stock-adapters",
      "ozon.v4.product_info_stocks, ozon.v2.stock_on_warehouses",
      "--sales-adapters",
      "ozon.v1.analytics_data",
      "--rate-scale",
      "60",
    );
    expect(code).toBe(0);
    expect(store.addAccount).toHaveBeenCalledTimes(1);
    expect(store.addAccount.mock.calls[0]?.[1]).toMatchObject({
      orgId: "org-1",
      marketplace: "ozon",
      name: "Main",
      endpoints: {
        stock: ["ozon.v4.product_info_stocks", "ozon.v2.stock_on_warehouses"],
        sales: ["ozon.v1.analytics_data"],
        rateScale: 60,
      },
    });
    expect(String(log.mock.calls[0]?.[0])).toContain('Added ozon account "Main" (acc-1) to acme.');
  });

  it('without the options the config is the defaults; --sales-adapters "" switches sales off', async () => {
    expect((await add()).code).toBe(0);
    expect(store.addAccount.mock.calls[0]?.[1].endpoints).toEqual({});
    expect((await add("--sales-adapters", "")).code).toBe(0);
    expect(store.addAccount.mock.calls[1]?.[1].endpoints).toEqual({ sales: [] });
  });

  it.each(OZON_ADAPTER_REFUSALS)(
    "refuses $problem: exit 2, nothing opened or written",
    async ({ options, message }) => {
      const { code, stderr } = await add(...options);
      expect(code).toBe(2);
      expect(stderr).toBe(`${message}\n(see \`npm run cli -- accounts --help\`)`);
      expect(store.openDatabase).not.toHaveBeenCalled();
      expect(store.addAccount).not.toHaveBeenCalled();
    },
  );
});

describe("accounts add --jump-factor", () => {
  it("stores a valid factor; without the option the account keeps the default (null)", async () => {
    expect((await add("--jump-factor", "2.5")).code).toBe(0);
    expect(store.addAccount.mock.calls[0]?.[1]).toMatchObject({ name: "Main", stockJumpFactor: 2.5 });
    expect((await add()).code).toBe(0);
    expect(store.addAccount.mock.calls[1]?.[1].stockJumpFactor).toBeNull();
  });

  it.each(["1", "0.5", "abc", "-3", "", "Infinity"])(
    'refuses "%s": exit 2 naming --jump-factor, nothing opened or written',
    async (value) => {
      const { code, stderr } = await add(`--jump-factor=${value}`); // "=": "-3" is not read as an option
      expect(code).toBe(2);
      expect(stderr).toBe(
        `error: accounts: --jump-factor: expected a number above 1, got "${value}"\n(see \`npm run cli -- accounts --help\`)`,
      );
      expect(store.openDatabase).not.toHaveBeenCalled();
      expect(store.addAccount).not.toHaveBeenCalled();
    },
  );

  it("is documented in --help", async () => {
    expect(await main(["accounts", "--help"], {})).toBe(0);
    expect(log.mock.calls.map((call) => String(call[0])).join("\n")).toMatch(
      /--jump-factor <n>.*\n.*a number above 1 \(default: 10\)/,
    );
  });
});

describe("AccountConfigSchema", () => {
  const problems = (marketplace: string, endpoints: unknown) => {
    const parsed = AccountConfigSchema.safeParse({ marketplace, endpoints });
    return parsed.success ? [] : parsed.error.issues.map(describeConfigIssue);
  };

  it("takes a WB config and empty lists", () => {
    expect(problems("wb", { stock: ["wb.v1.warehouse_remains", "wb.v1.supplier_stocks"] })).toEqual([]);
    expect(problems("wb", { stock: [], sales: [], pageLimit: 50 })).toEqual([]);
  });

  it("names every bad id, and fields it does not know (a misspelt key is not silently ignored)", () => {
    expect(problems("wb", { stock: ["ozon.v1.analytics_stocks", "x"] })).toEqual([
      "endpoints.stock[0]: Adapter ozon.v1.analytics_stocks is not a WB adapter",
      'endpoints.stock[1]: unknown stock adapter "x"; known for wb: wb.v1.supplier_stocks, wb.v1.stocks_report_wb_warehouses, wb.v1.warehouse_remains, wb.v2.content_cards, wb.v3.seller_stocks',
    ]);
    expect(problems("ozon", { adapters: ["ozon.v2.stock_on_warehouses"] })).toEqual([
      'endpoints: Unrecognized key: "adapters"',
    ]);
  });
});
