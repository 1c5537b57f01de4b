// `accounts list|add|set|enable|disable`: the organization's marketplace accounts. The API has no route
// for them, so this command works on the database (DATABASE_URL; automatic for local dev) and encrypts new
// credentials with the Worker's CREDENTIALS_KEY. `set` changes an account's sync settings (adapters, stock
// jump factor), each checked as `add` checks it.
import type { AccountCredentials } from "../../cron/adapters/adapter";
import type { Database } from "../../db/client";
import type { AccountEndpoints } from "../../db/schema";
import type { Marketplace } from "../../db/schema/enums";
import { endpointsFrom } from "../account-endpoints";
import {
  type AccountRow,
  addAccount,
  getAccountSettings,
  listAccounts,
  type NewAccount,
  openDatabase,
  resolveOrganization,
  setAccountEnabled,
  setAccountSettings,
} from "../accounts-store";
import {
  ArgumentError,
  isUuid,
  noExtraPositionals,
  oneOf,
  requireString,
  stringValue,
  type Values,
} from "../args";
import type { CliContext } from "../context";
import { age, table } from "../format";
import type { Command, CommandInput } from "./command";
import { matchAccount } from "./resolve-account";

const HELP = `Usage: npm run cli -- accounts <list|add|set|enable|disable> [options]

  accounts list                              the organization's marketplace accounts
  accounts add --marketplace ozon --name <name> --ozon-client-id <n> --ozon-api-key <key> [--base-url <url>]
  accounts add --marketplace wb --name <name> --wb-token <token> [--base-url <url>]
               either with [--stock-adapters <ids>] [--sales-adapters <ids>] [--rate-scale <n>]
               [--jump-factor <n>]
  accounts set <id|name> [--stock-adapters <ids>] [--sales-adapters <ids>] [--jump-factor <n>|default]
                                             change an account's adapters and jump factor; the settings
                                             not given keep their values (at least one is required)
  accounts disable <id|name>                 no more scheduled or manual runs for it
  accounts enable <id|name>

Options:
  --org <slug|id>      the organization (needed when the database holds several)
  --marketplace <m>    ozon or wb
  --name <name>        a name unique per organization and marketplace
  --ozon-client-id <n> --ozon-api-key <key>   Ozon Seller API credentials (or OZON_CLIENT_ID, OZON_API_KEY)
  --wb-token <token>   Wildberries API token (or WB_TOKEN)
  --base-url <url>     send this account's API calls here instead of the vendor (the simulator in dev)
  --rate-scale <n>     divide the vendor's rate windows (the simulator's --time-scale; dev only)
  --stock-adapters <ids>  stock adapter ids, comma-separated, in order of preference (default: the
                       marketplace's; with set, "" = back to it); an unknown id or another marketplace's
                       is refused before saving
  --sales-adapters <ids>  sales adapter ids, comma-separated ("" = no sales sync; default: the
                       marketplace's); two feeds that count the same orders are refused together
  --jump-factor <n>    flag a stock jump (STOCK_JUMP on the run) when a new available count exceeds
                       n × max(previous, 20); a number above 1 (default: 10)
                       (with set, "default" = back to the default)

This command works on the database (admins can also connect accounts in the dashboard's Settings, or
through POST /api/accounts): DATABASE_URL or
--database-url (local dev: the npm run dev database, no flag needed). \`add\` encrypts the credentials
with the Worker's CREDENTIALS_KEY (env; local dev: the development key).`;

function credentialsFrom(
  values: Values,
  marketplace: "ozon" | "wb",
  env: NodeJS.ProcessEnv,
): AccountCredentials {
  if (marketplace === "ozon") {
    const clientId = stringValue(values, "ozon-client-id") ?? env.OZON_CLIENT_ID;
    const apiKey = stringValue(values, "ozon-api-key") ?? env.OZON_API_KEY;
    if (!clientId)
      throw new ArgumentError("--ozon-client-id: required for an Ozon account (or set OZON_CLIENT_ID)");
    if (!/^\d+$/.test(clientId))
      throw new ArgumentError(`--ozon-client-id: expected a number, got "${clientId}"`);
    if (!apiKey)
      throw new ArgumentError("--ozon-api-key: required for an Ozon account (or set OZON_API_KEY)");
    return { ozon: { clientId, apiKey } };
  }
  const token = stringValue(values, "wb-token") ?? env.WB_TOKEN;
  if (!token) throw new ArgumentError("--wb-token: required for a Wildberries account (or set WB_TOKEN)");
  return { wb: { token } };
}

function baseUrlFrom(values: Values): string | null {
  const text = stringValue(values, "base-url");
  if (text === undefined) return null;
  try {
    const url = new URL(text);
    if (url.protocol === "http:" || url.protocol === "https:") return text.replace(/\/+$/, "");
  } catch {
    // reported below
  }
  throw new ArgumentError(`--base-url: expected an http(s) URL, got "${text}"`);
}

/**
 * --jump-factor: a number above 1 (as the column's real stores it); for `set` (acceptDefault) also
 * "default" = null (back to the default factor). Absent = undefined. Shared by `add` and `set`.
 */
function jumpFactorFrom(values: Values, acceptDefault: boolean): number | null | undefined {
  const text = stringValue(values, "jump-factor");
  if (text === undefined) return undefined;
  if (acceptDefault && text.trim() === "default") return null;
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !Number.isFinite(n) || Math.fround(n) <= 1) {
    const expected = acceptDefault ? 'a number above 1 or "default"' : "a number above 1";
    throw new ArgumentError(`--jump-factor: expected ${expected}, got "${text}"`);
  }
  return n;
}

export function accountsTable(rows: readonly AccountRow[], nowMs: number): string {
  if (rows.length === 0) return "No marketplace accounts yet (add one with `accounts add`).";
  return table(
    ["ID", "MARKETPLACE", "NAME", "ENABLED", "BASE URL", "CREATED"],
    rows.map((row) => [
      row.id,
      row.marketplace,
      row.name,
      row.enabled ? "yes" : `no (${age(row.disabledAt?.toISOString() ?? null, nowMs)})`,
      row.baseUrl ?? "(vendor)",
      age(row.createdAt.toISOString(), nowMs),
    ]),
  );
}

/** Everything `add` is told, checked before the database is touched: a refused account writes nothing. */
function accountToAdd(values: Values, positionals: readonly string[], env: NodeJS.ProcessEnv) {
  noExtraPositionals(positionals, 1);
  const marketplace = oneOf(values, "marketplace", ["ozon", "wb"] as const);
  if (!marketplace) throw new ArgumentError("--marketplace: required (ozon or wb)");
  const name = requireString(values, "name").trim();
  if (name.length > 100) throw new ArgumentError("--name: at most 100 characters");
  const credentials = credentialsFrom(values, marketplace, env);
  const baseUrl = baseUrlFrom(values);
  const endpoints = endpointsFrom(values, marketplace);
  const stockJumpFactor = jumpFactorFrom(values, false) ?? null;
  return { marketplace, name, credentials, baseUrl, endpoints, stockJumpFactor } satisfies Omit<
    NewAccount,
    "orgId"
  >;
}

/** The options `set` changes; the other options of `add` (name, credentials, URL, rate scale) it refuses. */
const SET_OPTIONS = ["stock-adapters", "sales-adapters", "jump-factor"] as const;
const ADD_ONLY_OPTIONS = [
  "marketplace",
  "name",
  "ozon-client-id",
  "ozon-api-key",
  "wb-token",
  "base-url",
  "rate-scale",
] as const;

/** What `set` is told that needs no database (the jump factor), checked before the database is touched. */
function settingsToSet(values: Values, positionals: readonly string[]) {
  if (!positionals[1]) throw new ArgumentError("<id|name>: required");
  noExtraPositionals(positionals, 2);
  const refused = ADD_ONLY_OPTIONS.find((name) => values[name] !== undefined);
  if (refused) {
    throw new ArgumentError(
      `--${refused}: not changed by \`accounts set\` (it takes --stock-adapters, --sales-adapters, --jump-factor)`,
    );
  }
  if (!SET_OPTIONS.some((name) => values[name] !== undefined)) {
    throw new ArgumentError(
      "set: nothing to change; give --stock-adapters <ids>, --sales-adapters <ids> and/or --jump-factor <n|default>",
    );
  }
  return { stockJumpFactor: jumpFactorFrom(values, true) };
}

/**
 * The account's endpoint config with `set`'s adapter options applied, each list checked as `add` checks it
 * (endpointsFrom); undefined when neither is given. --stock-adapters "" = back to the marketplace's default,
 * --sales-adapters "" = no sales sync; the rest of the config is kept.
 */
function endpointsToSet(
  values: Values,
  marketplace: Marketplace,
  current: AccountEndpoints,
): AccountEndpoints | undefined {
  const stockGiven = values["stock-adapters"] !== undefined;
  const salesGiven = values["sales-adapters"] !== undefined;
  if (!stockGiven && !salesGiven) return undefined;
  const given = endpointsFrom(values, marketplace);
  const next: AccountEndpoints = { ...current };
  if (stockGiven) {
    if (given.stock) next.stock = given.stock;
    else delete next.stock;
  }
  if (salesGiven) next.sales = given.sales ?? [];
  return next;
}

const adapterList = (ids: readonly string[] | undefined, none: string) =>
  ids === undefined ? "default" : ids.length === 0 ? none : ids.join(", ");
const jumpFactorText = (factor: number | null) => (factor === null ? "default (10)" : String(factor));

/** The account named by `enable`/`disable`/`set`'s <id|name>, or an ArgumentError as for an unknown one. */
async function findAccount(db: Database, org: { id: string; slug: string }, which: string) {
  const rows = await listAccounts(db, org.id);
  const id = isUuid(which) ? which : matchAccount(which, rows, "<id|name>")?.id;
  const account = rows.find((row) => row.id === id);
  if (!account) throw new ArgumentError(`<id|name>: ${org.slug} has no account "${which}"`);
  return account;
}

async function run(ctx: CliContext, { values, positionals }: CommandInput, env: NodeJS.ProcessEnv) {
  const action = positionals[0];
  if (!action) throw new ArgumentError("<list|add|set|enable|disable>: required");
  if (!["list", "add", "set", "enable", "disable"].includes(action)) {
    throw new ArgumentError(`"${action}": unknown accounts command (list, add, set, enable, disable)`);
  }
  const toAdd = action === "add" ? accountToAdd(values, positionals, env) : undefined;
  const toSet = action === "set" ? settingsToSet(values, positionals) : undefined;
  const target = ctx.connection.database;
  if (!target) {
    throw new ArgumentError(
      "--database-url: required (or DATABASE_URL): the API has no route for marketplace accounts yet",
    );
  }
  const db = openDatabase(target);
  const org = await resolveOrganization(db, stringValue(values, "org"));
  if (action === "list") {
    noExtraPositionals(positionals, 1);
    const rows = await listAccounts(db, org.id);
    ctx.out(ctx.json ? JSON.stringify(rows, null, 2) : accountsTable(rows, ctx.now()));
    return 0;
  }
  if (toAdd) {
    const { marketplace, name } = toAdd;
    const key = ctx.connection.credentialsKey;
    if (!key)
      throw new ArgumentError("CREDENTIALS_KEY: required in the environment to encrypt the credentials");
    const added = await addAccount(db, { orgId: org.id, ...toAdd }, key);
    if (!added)
      throw new ArgumentError(
        `--name: ${org.slug} already has an account named "${name}" (names are unique in any letter case)`,
      );
    if ("sameCabinetAs" in added)
      throw new ArgumentError(
        `--${marketplace === "ozon" ? "ozon-client-id" : "wb-token"}: ${org.slug} already connected this seller cabinet ` +
          `as "${added.sameCabinetAs}"; change that account's credentials instead of adding it again`,
      );
    ctx.out(`Added ${marketplace} account "${name}" (${added.id}) to ${org.slug}.`);
    ctx.out(`First sync: npm run cli -- sync --account "${name}" --full --wait`);
    return 0;
  }
  const which = positionals[1];
  if (!which) throw new ArgumentError("<id|name>: required");
  noExtraPositionals(positionals, 2);
  const account = await findAccount(db, org, which);
  if (toSet) {
    const current = await getAccountSettings(db, org.id, account.id);
    if (!current) throw new ArgumentError(`<id|name>: ${org.slug} has no account "${which}"`);
    const endpoints = endpointsToSet(values, account.marketplace, current.endpoints);
    const { stockJumpFactor } = toSet;
    const saved = await setAccountSettings(db, org.id, account.id, { endpoints, stockJumpFactor });
    if (!saved) throw new ArgumentError(`<id|name>: ${org.slug} has no account "${which}"`);
    const changes: string[] = [];
    if (endpoints && values["stock-adapters"] !== undefined) {
      changes.push(
        `stock adapters ${adapterList(endpoints.stock, "default")} (was ${adapterList(current.endpoints.stock, "default")})`,
      );
    }
    if (endpoints && values["sales-adapters"] !== undefined) {
      changes.push(
        `sales adapters ${adapterList(endpoints.sales, "none")} (was ${adapterList(current.endpoints.sales, "none")})`,
      );
    }
    if (stockJumpFactor !== undefined) {
      changes.push(
        `jump factor ${jumpFactorText(stockJumpFactor)} (was ${jumpFactorText(current.stockJumpFactor)})`,
      );
    }
    ctx.out(`${saved.name} (${account.marketplace}, ${saved.id}) now has ${changes.join("; ")}.`);
    return 0;
  }
  const updated = await setAccountEnabled(db, org.id, account.id, action === "enable");
  if (!updated) throw new ArgumentError(`<id|name>: ${org.slug} has no account "${which}"`);
  ctx.out(
    `${updated.name} (${account.marketplace}, ${updated.id}) is now ${updated.enabled ? "enabled" : "disabled"}.`,
  );
  return 0;
}

export const accountsCommand: Command = {
  name: "accounts",
  summary: "marketplace accounts: list, add, set (adapters, jump factor), enable, disable",
  help: HELP,
  options: {
    org: { type: "string" },
    marketplace: { type: "string" },
    name: { type: "string" },
    "ozon-client-id": { type: "string" },
    "ozon-api-key": { type: "string" },
    "wb-token": { type: "string" },
    "base-url": { type: "string" },
    "rate-scale": { type: "string" },
    "stock-adapters": { type: "string" },
    "sales-adapters": { type: "string" },
    "jump-factor": { type: "string" },
  },
  run: (ctx, input) => run(ctx, input, process.env),
};
