// A marketplace account's data sources (adapters) as the dashboard reasons about them: what the marketplace
// offers and recommends, what an account uses in effect (its stored lists mean "the default" when empty or
// absent), and what a change added and removed, for the words that confirm it.
import type { AccountAdmin, MarketplaceAdapters } from "../../../worker/api/schemas/account-admin";
import type { Marketplace } from "../api/types";

export type AdapterKind = "stock" | "sales";
export interface AdapterLists {
  stock: string[];
  sales: string[];
}
export interface AdapterChange {
  added: string[];
  removed: string[];
}

const offered = (adapters: MarketplaceAdapters | null, marketplace: Marketplace, kind: AdapterKind) =>
  adapters?.items.find((item) => item.marketplace === marketplace)?.[kind] ?? [];

/** What a new account should choose: the defaults, a deprecated default replaced by its successor. */
export const recommendedAdapters = (
  adapters: MarketplaceAdapters | null,
  marketplace: Marketplace,
  kind: AdapterKind,
): string[] =>
  offered(adapters, marketplace, kind)
    .filter((a) => a.recommended)
    .map((a) => a.id);

/** The adapters an account that names none uses. */
const defaultAdapters = (adapters: MarketplaceAdapters | null, marketplace: Marketplace, kind: AdapterKind) =>
  offered(adapters, marketplace, kind)
    .filter((a) => a.isDefault)
    .map((a) => a.id);

/** The adapters the account syncs with: its own lists, or the defaults where it names none (stock [], sales null). */
export function effectiveAdapters(
  account: Pick<AccountAdmin, "marketplace" | "adapters">,
  adapters: MarketplaceAdapters | null,
): AdapterLists {
  const { stock, sales } = account.adapters;
  return {
    stock: stock.length > 0 ? stock : defaultAdapters(adapters, account.marketplace, "stock"),
    sales: sales ?? defaultAdapters(adapters, account.marketplace, "sales"),
  };
}

/** The adapters `after` uses that `before` did not, and those it dropped (both kinds, in list order). */
export function adapterChange(before: AdapterLists, after: AdapterLists): AdapterChange {
  const all = (lists: AdapterLists) => [...lists.stock, ...lists.sales];
  const was = new Set(all(before));
  const now = new Set(all(after));
  return {
    added: all(after).filter((id) => !was.has(id)),
    removed: all(before).filter((id) => !now.has(id)),
  };
}

/** The kinds whose choice differs from what the account uses now: only those are sent, the rest stay as stored. */
export function changedKinds(before: AdapterLists, chosen: AdapterLists): Partial<AdapterLists> {
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((id, index) => id === b[index]);
  const body: Partial<AdapterLists> = {};
  for (const kind of ["stock", "sales"] as const)
    if (!same(before[kind], chosen[kind])) body[kind] = chosen[kind];
  return body;
}
