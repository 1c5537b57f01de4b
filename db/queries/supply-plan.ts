// The supply plan read from its stored lines (supply_plan_lines, one per product × destination, which finalize keeps:
// db/queries/supply-plan-lines.ts) with what may change between runs joined as it is now: the product's
// forecast spread by the destination's share of its demand (the velocity Recommendations and the Overview use,
// product_summary.velocity), its own minimum order and pack size, its unit price. The database does each line's
// arithmetic (domain/supply-plan-sql.ts) so that a page, the totals and the reconciliation cost one statement
// whatever the plan's size: a big seller's plan is 250,000 lines, more than a database answer may carry.
import { type SQL, sql } from "drizzle-orm";
import { suggestedQuantitySql } from "../../domain/replenishment-sql";
import {
  roublesSql,
  type SupplyPlanSettings,
  supplyCandidateSql,
  supplyLinesSql,
} from "../../domain/supply-plan-sql";
import type { ProductReconciliation, ReconciliationParts } from "../../domain/supply-reconciliation";
import type { Database } from "../client";
import type { Marketplace } from "../schema/enums";
import { productSearchSql } from "./inventory-search";
import { jsonColumn } from "./json-column";

export interface SupplyPlanScope {
  orgId: string;
  marketplace?: Marketplace | undefined;
  /** The destination holding this warehouse (its whole cluster when it has one). */
  warehouseId?: number | undefined;
  cluster?: string | undefined;
  search?: string | undefined;
}

export interface SupplyPlanRow {
  product_id: number;
  article: string;
  name: string;
  marketplace: Marketplace;
  /** A cluster's name, or the warehouse's name outside any cluster. */
  destination: string;
  /** "c:" + cluster or "w:" + warehouse id: with marketplace, destination and article, a line's place in order. */
  destination_key: string;
  cluster: string | null;
  /** The warehouse outside any cluster; null for a cluster. */
  warehouse_id: number | null;
  warehouses: string[];
  available: number;
  in_transit: number;
  /** The destination's share of the product's forecast, units a day. */
  velocity: number;
  /** The destination's share of the product's recent demand, 0–1. */
  demand_share: number;
  /** The product's forecast over all destinations (product_summary.velocity), units a day. */
  product_velocity: number;
  min_order_units: number | null;
  pack_size: number | null;
  unit_price: number;
}

/** Where a line stands in the plan's order; an export reads the lines after one. */
export type SupplyPlanPosition = Pick<
  SupplyPlanRow,
  "marketplace" | "destination" | "article" | "destination_key"
>;

export interface SupplyPlanTotals {
  lines: number;
  products: number;
  destinations: number;
  units: number;
  value: number;
}

export interface SupplyPlanPage {
  rows: SupplyPlanRow[];
  /** Lines in the answer's list (every line with `all`, else those that ship). */
  total: number;
  /** Over the lines that ship. */
  totals: SupplyPlanTotals;
  /** Over the scope's products (null for one cluster or warehouse): the parts and the products differing most. */
  reconciliation: (ReconciliationParts & { products: ProductReconciliation[] }) | null;
}

/** Which of the scope's lines: those that may be due under settings, those that ship as stored, a range. */
interface LineFilter {
  due?: SupplyPlanSettings | undefined;
  /** Only the lines whose stored quantity ships (supply_plan_lines_ship_idx; supply-plan-store.ts keeps it). */
  shipping?: boolean | undefined;
  /** After the filters, before anything is joined: `and …`, or a range of the plan's order (its index). */
  tail?: SQL | undefined;
}

/** The scope's stored lines (supply_plan_lines' own columns), filtered in the scope. */
function scopeLineRows(scope: SupplyPlanScope, { due, shipping }: LineFilter = {}): SQL {
  const filters: SQL[] = [sql`org_id = ${scope.orgId}`];
  if (due) filters.push(supplyCandidateSql(due));
  if (shipping) filters.push(sql`quantity > 0`);
  if (scope.marketplace) filters.push(sql`marketplace = ${scope.marketplace}`);
  if (scope.warehouseId !== undefined) filters.push(sql`${scope.warehouseId}::int = any(warehouse_ids)`);
  if (scope.cluster !== undefined) filters.push(sql`cluster = ${scope.cluster}`);
  const products = scopeProducts(scope);
  if (products) filters.push(sql`product_id in (${products})`);
  return sql`select * from supply_plan_lines where ${sql.join(filters, sql` and `)}`;
}

/**
 * The scope's stored lines with what is joined per read (alias l): the columns the arithmetic and the order need
 * (a line's cluster, warehouses and share are joined to the rows answered, `rowJoins`). With `due`, only the
 * lines that may be due under those settings (supply_plan_lines_due_idx): the others ship nothing.
 */
function scopedLines(scope: SupplyPlanScope, filter: LineFilter = {}): SQL {
  return sql`select l.org_id, l.product_id, l.article, l.marketplace, l.destination, l.destination_key,
      l.available, l.in_transit, l.velocity, coalesce(ps.velocity, 0)::float8 as product_velocity,
      pss.min_order_units, pss.pack_size, coalesce(ps.unit_price, 0)::float8 as unit_price
    from (${scopeLineRows(scope, filter)} ${filter.tail ?? sql``}) l
    left join product_summary ps on ps.org_id = ${scope.orgId} and ps.product_id = l.product_id
    left join product_supply_settings pss on pss.product_id = l.product_id`;
}

/** The products a search finds (a product's lines depend on its own rows only: all its lines are kept). */
function scopeProducts(scope: SupplyPlanScope): SQL | undefined {
  return scope.search === undefined
    ? undefined
    : sql`select p.id from products p where p.org_id = ${scope.orgId} and ${productSearchSql(scope.search)}`;
}

/** `lines` (a query of scopedLines' columns) with supplyLine's numbers and each line's value and unit price in ₽. */
function plannedSql(lines: SQL, settings: SupplyPlanSettings): SQL {
  const unitPrice = roublesSql(sql`q.unit_price`);
  return sql`select q.*, ${roublesSql(sql`q.quantity::float8 * ${unitPrice}`)} as line_value,
      ${unitPrice} as line_price
    from (${supplyLinesSql(lines, settings)}) q`;
}

const LINE_ORDER = sql`marketplace, destination, article, destination_key`;

/** `from (lines) l ${rowJoins}` then `select ${rowColumns}`: a SupplyPlanRow's columns for the lines read. */
const rowJoins = sql`join supply_plan_lines s on s.org_id = l.org_id and s.product_id = l.product_id
    and s.marketplace = l.marketplace and s.destination_key = l.destination_key
  join products p on p.id = l.product_id`;
const rowColumns = sql`l.product_id, l.article, p.name, l.marketplace, l.destination, l.destination_key, s.cluster,
  s.warehouse_id, s.warehouses, l.available, l.in_transit, l.velocity, s.demand_share, l.product_velocity,
  l.min_order_units, l.pack_size, l.unit_price`;

/** A row as the route reads it: numbers as numbers whatever the driver. */
function supplyPlanRow(row: Record<string, unknown>): SupplyPlanRow {
  const optional = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    product_id: Number(row.product_id),
    article: String(row.article),
    name: String(row.name),
    marketplace: row.marketplace as Marketplace,
    destination: String(row.destination),
    destination_key: String(row.destination_key),
    cluster: (row.cluster ?? null) as string | null,
    warehouse_id: optional(row.warehouse_id),
    warehouses: row.warehouses as string[],
    available: Number(row.available),
    in_transit: Number(row.in_transit),
    velocity: Number(row.velocity),
    demand_share: Number(row.demand_share),
    product_velocity: Number(row.product_velocity),
    min_order_units: optional(row.min_order_units),
    pack_size: optional(row.pack_size),
    unit_price: Number(row.unit_price),
  };
}

export interface SupplyPlanRange {
  /** Only the lines after this one in the plan's order. */
  after?: SupplyPlanPosition | undefined;
  limit?: number | undefined;
  /** With the settings: only the lines that ship under them. */
  shipping?: SupplyPlanSettings | undefined;
}

/** The scope's lines in the plan's order (marketplace, destination, article), or a range of them. */
export async function supplyPlanInputs(
  db: Database,
  scope: SupplyPlanScope,
  range: SupplyPlanRange = {},
): Promise<SupplyPlanRow[]> {
  const after = range.after
    ? sql`and (l.marketplace, l.destination, l.article, l.destination_key) > (${range.after.marketplace}::marketplace,
        ${range.after.destination}, ${range.after.article}, ${range.after.destination_key})`
    : sql``;
  const source = range.shipping
    ? sql`(select * from (${plannedSql(scopedLines(scope, { due: range.shipping }), range.shipping)}) d
        where quantity > 0) l`
    : sql`(${scopedLines(scope)}) l`;
  const result = await db.execute(sql`select ${rowColumns} from ${source} ${rowJoins}
    where true ${after}
    order by l.marketplace, l.destination, l.article, l.destination_key
    ${range.limit === undefined ? sql`` : sql`limit ${range.limit}`}`);
  return (result.rows as Record<string, unknown>[]).map(supplyPlanRow);
}

/**
 * The reconciliation's common table expressions, over `planned` (the lines that may be due): per product, its
 * lines' parts (what ships, packs, cap, shortfalls: nothing on a line that is not due) and its order-now over all
 * its stock in the scope (supply_plan_products: every product of the scope, due or not), as
 * domain/supply-reconciliation.ts' reconcileProduct; `top`: the five that differ most, with their destinations
 * short and holding stock above their reorder point (from all their lines).
 */
function reconciliationCtes(scope: SupplyPlanScope, settings: SupplyPlanSettings): SQL {
  // Over all destinations, the product's own forecast (what Recommendations read); in a marketplace, its share.
  const velocity =
    scope.marketplace === undefined
      ? sql`coalesce(max(ps.velocity), 0)::float8`
      : sql`sum(sp.velocity)::float8`;
  const products = scopeProducts(scope);
  return sql`line_parts as (
      select product_id, sum(quantity)::int as plan_units, ${roublesSql(sql`sum(line_value)`)} as plan_value,
        sum(rounded_to_packs - shortfall)::int as packs_and_minimum,
        sum(quantity - rounded_to_packs)::int as cover_cap, sum(shortfall)::int as shortfalls,
        array_agg(destination order by ${LINE_ORDER}) filter (where shortfall > 0) as short
      from planned group by product_id),
    product_stock as (
      select sp.product_id, sum(sp.available)::int as available, sum(sp.in_transit)::int as in_transit,
        ${velocity} as velocity, ${roublesSql(sql`coalesce(max(ps.unit_price), 0)::float8`)} as unit_price
      from supply_plan_products sp
      left join product_summary ps on ps.org_id = ${scope.orgId} and ps.product_id = sp.product_id
      where sp.org_id = ${scope.orgId}
        ${scope.marketplace ? sql`and sp.marketplace = ${scope.marketplace}` : sql``}
        ${products ? sql`and sp.product_id in (${products})` : sql``}
      group by sp.product_id),
    reconciled as (
      select s.product_id, coalesce(lp.plan_units, 0) as plan_units, coalesce(lp.plan_value, 0) as plan_value,
        coalesce(lp.packs_and_minimum, 0) as packs_and_minimum, coalesce(lp.cover_cap, 0) as cover_cap,
        coalesce(lp.shortfalls, 0) as shortfalls, lp.short, o.order_now_units,
        ${roublesSql(sql`o.order_now_units::float8 * s.unit_price`)} as order_now_value
      from product_stock s
      cross join lateral (select ${suggestedQuantitySql(
        { available: sql`s.available`, inTransit: sql`s.in_transit`, velocity: sql`s.velocity` },
        settings,
      )} as order_now_units) o
      left join line_parts lp on lp.product_id = s.product_id),
    top as (
      select r.*, p.article, row_number() over (order by abs(r.plan_units - r.order_now_units) desc,
          p.article collate "C") as rank
      from (select * from reconciled where plan_units <> order_now_units
        order by abs(plan_units - order_now_units) desc fetch first 5 rows with ties) r
      join products p on p.id = r.product_id
      order by rank limit 5),
    top_surplus as (
      select product_id, array_agg(destination order by ${LINE_ORDER})
          filter (where stock_position > reorder_point and stock_position > 0) as surplus
      from (${plannedSql(
        scopedLines(scope, { tail: sql`and product_id in (select product_id from top)` }),
        settings,
      )}) t group by product_id)`;
}

const RECONCILIATION = sql`(select json_build_object('planUnits', coalesce(sum(plan_units), 0),
      'orderNowUnits', coalesce(sum(order_now_units), 0),
      'planValue', ${roublesSql(sql`coalesce(sum(plan_value), 0)`)},
      'orderNowValue', ${roublesSql(sql`coalesce(sum(order_now_value), 0)`)},
      'packsAndMinimum', coalesce(sum(packs_and_minimum), 0), 'coverCap', coalesce(sum(cover_cap), 0),
      'destinations', coalesce(sum(shortfalls - order_now_units), 0),
      'products', (select coalesce(json_agg(json_build_object('productId', d.product_id, 'article', d.article,
          'planUnits', d.plan_units, 'orderNowUnits', d.order_now_units, 'planValue', d.plan_value,
          'orderNowValue', d.order_now_value, 'packsAndMinimum', d.packs_and_minimum, 'coverCap', d.cover_cap,
          'destinations', d.shortfalls - d.order_now_units, 'short', d.short, 'surplus', u.surplus)
          order by d.rank), '[]'::json)
        from top d left join top_surplus u on u.product_id = d.product_id))
    from reconciled)`;

/** A cluster or a warehouse is part of a product's destinations: its order-now has nothing to compare with. */
function reconciled(scope: SupplyPlanScope): boolean {
  return scope.cluster === undefined && scope.warehouseId === undefined;
}

/** `planned` (the lines that may be due, with their numbers) and, for the whole plan or a marketplace, the reconciliation's. */
function summaryCtes(scope: SupplyPlanScope, settings: SupplyPlanSettings): SQL {
  return sql`planned as materialized (${plannedSql(scopedLines(scope, { due: settings }), settings)})${
    reconciled(scope) ? sql`, ${reconciliationCtes(scope, settings)}` : sql``
  }`;
}

/** The scope's summary over summaryCtes: the lines that ship, their totals, the reconciliation, every line's count. */
function summaryColumns(scope: SupplyPlanScope, { lines }: { lines: boolean }): SQL {
  return sql`(select count(*)::int from planned where quantity > 0) as shipping,
    ${lines ? sql`(select count(*)::int from (${scopeLineRows(scope)}) a)` : sql`null::int`} as lines,
    (select json_build_object('lines', count(*), 'products', count(distinct product_id),
        'destinations', count(distinct (marketplace, destination)), 'units', coalesce(sum(quantity), 0),
        'value', ${roublesSql(sql`coalesce(sum(line_value), 0)`)})
      from planned where quantity > 0) as totals,
    ${reconciled(scope) ? RECONCILIATION : sql`null::json`} as reconciliation`;
}

/** The scope's summary (shipping, lines, totals, reconciliation) as a request computes it: what the store keeps. */
export function supplyPlanSummarySql(scope: SupplyPlanScope, settings: SupplyPlanSettings): SQL {
  return sql`with ${summaryCtes(scope, settings)} select ${summaryColumns(scope, { lines: true })}`;
}

type PageList = { all: boolean; page: number; pageSize: number };

function pageWindow(list: PageList): SQL {
  return sql`order by ${LINE_ORDER} offset ${(list.page - 1) * list.pageSize} limit ${list.pageSize}`;
}

const PAGE_ROWS = sql`(select coalesce(json_agg(g order by ${LINE_ORDER}), '[]'::json) from page g) as rows`;

/**
 * One page of the plan (every line with `all`, else those that ship), how many lines that list has, the totals of
 * the lines that ship, and, for the whole plan or one marketplace, the reconciliation with each product's
 * order-now (domain/supply-reconciliation.ts' reconcileProduct per product, reconcilePlan over them): one
 * statement, which reads the lines that may be due (a bound of their cover, an index) and each product's stock
 * summed, never every line: a big seller's plan is 250,000 lines.
 */
export async function supplyPlanPage(
  db: Database,
  scope: SupplyPlanScope,
  settings: SupplyPlanSettings,
  list: PageList,
): Promise<SupplyPlanPage> {
  const window = pageWindow(list);
  // Every line: a range of the plan's order, its numbers computed for that page alone.
  const page = list.all
    ? sql`page as (select ${rowColumns} from (${plannedSql(scopedLines(scope, { tail: window }), settings)}) l
        ${rowJoins})`
    : sql`page as (select ${rowColumns} from (select * from planned where quantity > 0 ${window}) l ${rowJoins})`;
  const result = await db.execute(sql`with ${summaryCtes(scope, settings)}, ${page}
    select ${PAGE_ROWS}, ${summaryColumns(scope, { lines: list.all })}`);
  return pageFromRow(result.rows[0] as Record<string, unknown>, list);
}

/**
 * The same page from the stored summary `model` (a query of one row: lines, shipping, totals, reconciliation;
 * none when it is not current) and the lines' stored quantities: a range of the plan's order, never the lines
 * that may be due. Null when `model` has no row.
 */
export async function storedSupplyPlanPage(
  db: Database,
  scope: SupplyPlanScope,
  settings: SupplyPlanSettings,
  list: PageList,
  model: SQL,
): Promise<SupplyPlanPage | null> {
  const lines = scopedLines(scope, { shipping: !list.all, tail: pageWindow(list) });
  const result = await db.execute(sql`with model as (${model}),
    page as (select ${rowColumns} from (${plannedSql(lines, settings)}) l ${rowJoins})
    select ${PAGE_ROWS}, m.lines, m.shipping, m.totals, m.reconciliation from model m`);
  const row = result.rows[0] as Record<string, unknown> | undefined;
  return row ? pageFromRow(row, list) : null;
}

function pageFromRow(row: Record<string, unknown>, list: PageList): SupplyPlanPage {
  const totals = jsonColumn(row.totals) as Record<string, unknown>;
  const stored = jsonColumn(row.reconciliation) as
    | (Record<string, unknown> & { products: Array<Record<string, unknown>> })
    | null;
  return {
    rows: (jsonColumn(row.rows) as Record<string, unknown>[]).map(supplyPlanRow),
    total: Number(list.all ? row.lines : row.shipping),
    totals: {
      lines: Number(totals.lines),
      products: Number(totals.products),
      destinations: Number(totals.destinations),
      units: Number(totals.units),
      value: Number(totals.value),
    },
    reconciliation: stored && {
      ...reconciliationParts(stored),
      products: stored.products.map((product) => ({
        ...reconciliationParts(product),
        productId: Number(product.productId),
        article: String(product.article),
        short: (product.short as string[] | null) ?? [],
        surplus: (product.surplus as string[] | null) ?? [],
      })),
    },
  };
}

function reconciliationParts(row: Record<string, unknown>): ReconciliationParts {
  return {
    planUnits: Number(row.planUnits),
    orderNowUnits: Number(row.orderNowUnits),
    planValue: Number(row.planValue),
    orderNowValue: Number(row.orderNowValue),
    packsAndMinimum: Number(row.packsAndMinimum),
    coverCap: Number(row.coverCap),
    destinations: Number(row.destinations),
  };
}
