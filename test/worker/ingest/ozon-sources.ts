// An Ozon account read from two stock sources (v2 FBO + v4 FBS) in the workerd ingest tests: the operator's
// mapping of the seller warehouse, the simulator's truth per warehouse type, and stale cells planted in the
// database as a vendor listing that no longer lists them would leave them.
import { sql } from "drizzle-orm";
import { OZON_PRODUCT_INFO_STOCKS_V4_ID } from "../../../cron/adapters/ozon/product-info-stocks-v4";
import { OZON_STOCK_V2_ID } from "../../../cron/adapters/ozon/stock-on-warehouses-v2";
import type { OzonStockTruth } from "../../../dev/sim/truth";
import { db, loadedStock, seedSimAccount, simulator } from "./helpers";

export const SELLER_WAREHOUSE = "Склад продавца Москва";
export const FBO_AND_FBS = [OZON_STOCK_V2_ID, OZON_PRODUCT_INFO_STOCKS_V4_ID];

const cells = () => simulator<OzonStockTruth[]>("/_sim/truth/stock?marketplace=ozon");

/** v4 reports no incoming supply: seller warehouse cells compare on available and reserved (when non-zero). */
function withoutFbsTransit(stock: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of stock) {
    if (!key.endsWith(SELLER_WAREHOUSE)) out.set(key, value);
    else if (!value.startsWith("0/0/")) out.set(key, value.replace(/\/\d+$/, "/-"));
  }
  return out;
}

export type WarehouseKind = "fbo" | "fbs";
const kindOf = (key: string): WarehouseKind => (key.endsWith(SELLER_WAREHOUSE) ? "fbs" : "fbo");

/** "sku:<sku>|warehouse" → "available/reserved/inTransit" of the truth's cells of `kind` with stock. */
export async function ozonTruthOf(kind: WarehouseKind): Promise<Map<string, string>> {
  const truth = (await cells()).filter(
    (c) => c.warehouseType === kind && c.inFeed && c.available + c.reserved + c.inTransit > 0,
  );
  return withoutFbsTransit(
    new Map(truth.map((c) => [`sku:${c.sku}|${c.warehouse}`, `${c.available}/${c.reserved}/${c.inTransit}`])),
  );
}

/** The account's loaded Ozon stock of `kind`, keyed as the truth. */
export async function loadedOzonOf(accountId: string, kind: WarehouseKind): Promise<Map<string, string>> {
  const loaded = withoutFbsTransit(await loadedStock(accountId));
  return new Map([...loaded].filter(([key]) => kindOf(key) === kind));
}

/** An Ozon account reading FBO (v2) and FBS (v4), its seller warehouse id mapped to the canonical warehouse. */
export async function seedFboFbsAccount(
  endpoints: { sales?: string[]; reports?: string[]; pageLimit?: number } = {},
) {
  const ids = await seedSimAccount("ozon", { stock: FBO_AND_FBS, ...endpoints });
  const fbs = (await cells()).find((c) => c.warehouseType === "fbs");
  if (!fbs) throw new Error("the simulator has no seller warehouse");
  await db().execute(sql`with w as (
      insert into warehouses (org_id, marketplace, name, cluster, region, type, provisional)
      values (${ids.orgId}, 'ozon', ${fbs.warehouse}, 'Москва, МО и Дальние регионы', 'Москва', 'fbs', false)
      returning id)
    insert into warehouse_aliases (org_id, marketplace, alias, warehouse_id, confidence, source)
    select ${ids.orgId}, 'ozon', ${`Ozon FBS ${fbs.warehouseId}`}, w.id, 1, 'manual' from w`);
  return ids;
}

/**
 * A cell of a listing the vendor no longer lists, last written by `endpoint` at a warehouse of `kind`: what
 * a listing that dropped the cell leaves behind (7 available). Returns its listing key and how to read its
 * available count back.
 */
export async function plantStaleCell(
  ids: { orgId: string; accountId: string },
  kind: WarehouseKind,
  endpoint: string,
): Promise<{ key: string; available: () => Promise<number> }> {
  const sku = 990_000_000 + Math.floor(Math.random() * 1_000_000);
  const key = `sku:${sku}`;
  await db().execute(sql`with p as (
      insert into products (org_id, article, name) values (${ids.orgId}, ${`STALE-${sku}`}, 'stale') returning id),
    l as (
      insert into listings (org_id, product_id, account_id, marketplace, external_key, ozon_sku)
      select ${ids.orgId}, p.id, ${ids.accountId}, 'ozon', ${key}, ${sku} from p returning id, product_id),
    w as (
      select id from warehouses where org_id = ${ids.orgId} and marketplace = 'ozon' and type = ${kind}::warehouse_type
        and provisional = false order by id limit 1)
    insert into inventory (org_id, listing_id, warehouse_id, product_id, marketplace, available, reserved, in_transit,
      source_endpoint)
    select ${ids.orgId}, l.id, w.id, l.product_id, 'ozon', 7, 1, 0, ${endpoint} from l, w`);
  const available = async () => {
    const result =
      await db().execute(sql`select i.available from inventory i join listings l on l.id = i.listing_id
      where l.account_id = ${ids.accountId} and l.external_key = ${key}`);
    const row = result.rows[0] as { available: number } | undefined;
    if (!row) throw new Error(`stale cell ${key} not planted`);
    return row.available;
  };
  return { key, available };
}

/** `stock` without the cells of the given listing keys. */
export const withoutListings = (stock: Map<string, string>, keys: string[]) =>
  new Map([...stock].filter(([cell]) => !keys.includes(cell.split("|")[0] ?? "")));
