// `accounts set <id|name>`: changes only the settings given (adapters, --jump-factor; "default" = null);
// a bad factor or no setting at all exits 2 before the database is opened; adapters are checked as `add`
// checks them; an unknown account exits 2 as `enable`/`disable` do.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AccountRow, AccountSettings } from "../../../cli/accounts-store";
import { main } from "../../../cli/main";
import { OZON_ADAPTER_REFUSALS } from "./ozon-adapter-refusals";

const ACCOUNT_ID = "11111111-2222-4333-8444-555555555555";
const ACCOUNT: AccountRow = {
  id: ACCOUNT_ID,
  marketplace: "ozon",
  name: "Main",
  enabled: true,
  baseUrl: null,
  createdAt: new Date("2026-11-01T00:00:00Z"),
  disabledAt: null,
};

const store = vi.hoisted(() => ({
  openDatabase: vi.fn(() => ({})),
  resolveOrganization: vi.fn(async () => ({ id: "org-1", name: "Acme", slug: "acme" })),
  listAccounts: vi.fn(async (): Promise<AccountRow[]> => []),
  getAccountSettings: vi.fn(
    async (_db: unknown, _org: string, _id: string): Promise<AccountSettings | null> => ({
      endpoints: { stock: ["ozon.v2.stock_on_warehouses"], sales: ["ozon.v1.analytics_data"], rateScale: 60 },
      stockJumpFactor: 4,
    }),
  ),
  setAccountSettings: vi.fn(
    async (_db: unknown, _org: string, id: string, _settings: Partial<AccountSettings>) => ({
      id,
      name: "Main",
    }),
  ),
  setAccountEnabled: vi.fn(async () => null),
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

const DB = ["--database-url", "postgres://127.0.0.1:1/unused"];
const SEE_HELP = "\n(see `npm run cli -- accounts --help`)";

async function cli(...args: string[]) {
  store.listAccounts.mockResolvedValue([ACCOUNT]);
  const code = await main(["accounts", ...args, ...DB], {});
  return {
    code,
    stdout: log.mock.calls.map((call) => String(call[0])).join("\n"),
    stderr: error.mock.calls.map((call) => String(call[0])).join("\n"),
  };
}

const saved = () => store.setAccountSettings.mock.calls[0]?.[3];

describe("accounts set --jump-factor", () => {
  it("changes the jump factor and leaves the adapters alone", async () => {
    const { code, stdout } = await cli("set", ACCOUNT_ID, "--jump-factor", "2.5");
    expect(code).toBe(0);
    expect(store.setAccountSettings).toHaveBeenCalledTimes(1);
    expect(store.setAccountSettings.mock.calls[0]?.slice(1, 3)).toEqual(["org-1", ACCOUNT_ID]);
    expect(saved()).toEqual({ endpoints: undefined, stockJumpFactor: 2.5 });
    expect(stdout).toBe(`Main (ozon, ${ACCOUNT_ID}) now has jump factor 2.5 (was 4).`);
  });

  it("finds the account by name too", async () => {
    expect((await cli("set", "main", "--jump-factor", "3")).code).toBe(0);
    expect(store.setAccountSettings.mock.calls[0]?.[2]).toBe(ACCOUNT_ID);
  });

  it('"default" stores null (back to the default factor)', async () => {
    const { code, stdout } = await cli("set", ACCOUNT_ID, "--jump-factor", "default");
    expect(code).toBe(0);
    expect(saved()).toEqual({ endpoints: undefined, stockJumpFactor: null });
    expect(stdout).toContain("jump factor default (10) (was 4)");
  });

  it.each(["1", "0.5", "abc", "-3", "", "Infinity"])(
    'refuses "%s": exit 2 naming --jump-factor, nothing opened or written',
    async (value) => {
      const { code, stderr } = await cli("set", ACCOUNT_ID, `--jump-factor=${value}`);
      expect(code).toBe(2);
      expect(stderr).toBe(
        `error: accounts: --jump-factor: expected a number above 1 or "default", got "${value}"${SEE_HELP}`,
      );
      expect(store.openDatabase).not.toHaveBeenCalled();
      expect(store.setAccountSettings).not.toHaveBeenCalled();
    },
  );
});

describe("accounts set: what it is told", () => {
  it("exits 2 without a setting, naming the options it takes", async () => {
    const { code, stderr } = await cli("set", ACCOUNT_ID);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `error: accounts: set: nothing to change; give --stock-adapters <ids>, --sales-adapters <ids> and/or --jump-factor <n|default>${SEE_HELP}`,
    );
    expect(store.openDatabase).not.toHaveBeenCalled();
    expect(store.setAccountSettings).not.toHaveBeenCalled();
  });

  it("refuses the options only add takes", async () => {
    const { code, stderr } = await cli("set", ACCOUNT_ID, "--jump-factor", "3", "--name", "Other");
    expect(code).toBe(2);
    expect(stderr).toContain("error: accounts: --name: not changed by `accounts set`");
    expect(store.setAccountSettings).not.toHaveBeenCalled();
  });

  it("exits 2 for an unknown account, as enable and disable do", async () => {
    const unknownId = "99999999-2222-4333-8444-555555555555";
    for (const args of [
      ["set", unknownId, "--jump-factor", "3"],
      ["set", "Nope", "--jump-factor", "3"],
      ["enable", unknownId],
    ]) {
      error.mockClear();
      const { code, stderr } = await cli(...args);
      expect(code).toBe(2);
      expect(stderr).toBe(`error: accounts: <id|name>: acme has no account "${args[1]}"${SEE_HELP}`);
    }
    expect(store.setAccountSettings).not.toHaveBeenCalled();
    expect(store.setAccountEnabled).not.toHaveBeenCalled();
  });
});

describe("accounts set --stock-adapters / --sales-adapters", () => {
  it("changes the lists given, keeping the rest of the config and the jump factor", async () => {
    const { code, stdout } = await cli(
      "set",
      ACCOUNT_ID,
      "--stock-adapters",
      "ozon.v4.product_info_stocks, ozon.v2.stock_on_warehouses",
    );
    expect(code).toBe(0);
    expect(saved()).toEqual({
      endpoints: {
        stock: ["ozon.v4.product_info_stocks", "ozon.v2.stock_on_warehouses"],
        sales: ["ozon.v1.analytics_data"],
        rateScale: 60,
      },
      stockJumpFactor: undefined,
    });
    expect(stdout).toBe(
      `Main (ozon, ${ACCOUNT_ID}) now has stock adapters ozon.v4.product_info_stocks, ozon.v2.stock_on_warehouses (was ozon.v2.stock_on_warehouses).`,
    );
  });

  it('"" puts stock back to the default and switches sales off', async () => {
    expect((await cli("set", ACCOUNT_ID, "--stock-adapters", "", "--sales-adapters", "")).code).toBe(0);
    expect(saved()?.endpoints).toEqual({ sales: [], rateScale: 60 });
  });

  it.each(OZON_ADAPTER_REFUSALS)(
    "refuses $problem as add does: exit 2, nothing written",
    async ({ options, message }) => {
      const { code, stderr } = await cli("set", ACCOUNT_ID, ...options, "--jump-factor", "3");
      expect(code).toBe(2);
      expect(stderr).toBe(`${message}${SEE_HELP}`);
      expect(store.setAccountSettings).not.toHaveBeenCalled();
    },
  );

  it("is documented in --help", async () => {
    expect(await main(["accounts", "--help"], {})).toBe(0);
    expect(log.mock.calls.map((call) => String(call[0])).join("\n")).toContain(
      "accounts set <id|name> [--stock-adapters <ids>] [--sales-adapters <ids>] [--jump-factor <n>|default]",
    );
  });
});
