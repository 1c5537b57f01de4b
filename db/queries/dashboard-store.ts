// The Overview's stored answer (dashboard_read_models): for all warehouses and each marketplace, the counts per
// status, each status' first DASHBOARD_STORED_TOP products and the money, computed by the same statements as a
// request (dashboard.ts, dashboard-money.ts) when the data or the settings change: in a finalize's closing
// transaction and in a settings change's; with them each warehouse's and each category's counts and Top-N
// (dashboard-breakdowns.ts) and the warehouses' stock totals (warehouse-totals.ts). A request uses it only when its data version and settings are the
// organization's own (a writer that moves the version without refreshing it, or a settings change racing
// another, leaves it unused, never wrong), and computes the answer itself otherwise.
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../client";
import type { Marketplace } from "../schema/enums";
import { type DashboardData, dashboardFromJsonRow, dashboardStockSql } from "./dashboard";
import { breakdownScope, refreshDashboardBreakdowns } from "./dashboard-breakdowns";
import {
  type DashboardMoney,
  dashboardMoneySumsSql,
  type MoneySettings,
  moneyFromRow,
  observedDaysSql,
} from "./dashboard-money";
import { jsonColumn } from "./json-column";
import { storeWarehouseTotalsSql } from "./warehouse-totals";

/** The Top-N stored per status: the Overview asks for 10 (the API's default). */
export const DASHBOARD_STORED_TOP = 10;

/** The settings a stored answer depends on, in a fixed order (the tag compared with the organization's). */
export type DashboardRules = MoneySettings;

const RULE_KEYS = [
  "statusBasis",
  "criticalMax",
  "lowMax",
  "overstockMin",
  "leadTimeDays",
  "safetyStockDays",
  "coverCeilingDays",
  "targetCoverDays",
] as const satisfies ReadonlyArray<keyof DashboardRules>;

/** Only the settings the Overview's answer depends on, from an organization row or a settings change merged in. */
export function dashboardRules(settings: DashboardRules): DashboardRules {
  return Object.fromEntries(RULE_KEYS.map((key) => [key, settings[key]])) as unknown as DashboardRules;
}

function sameRules(stored: unknown, current: DashboardRules): boolean {
  const tag = jsonColumn(stored) as Record<string, unknown> | null;
  return tag !== null && RULE_KEYS.every((key) => tag[key] === current[key]);
}

/** The stored scopes: every warehouse, and each marketplace. */
const SCOPES: ReadonlyArray<{ key: string; marketplace: Marketplace | undefined }> = [
  { key: "all", marketplace: undefined },
  { key: "ozon", marketplace: "ozon" },
  { key: "wb", marketplace: "wb" },
];

/**
 * Statements that store the organization's answer for every scope (and every category, and every warehouse unless
 * `warehouses` is false), tagged with its data version as the transaction sees it and with `rules` (which must be
 * the settings that version carries: run them after the statement that changes either, in its transaction). A
 * settings change leaves the warehouses out (seconds for a big seller's 40 warehouses, where the rest takes a few
 * hundred ms): their rows keep the old tag, so those views are computed per request until the next finalize.
 */
export function refreshDashboardReadModels(
  orgId: string,
  rules: DashboardRules,
  { warehouses = true }: { warehouses?: boolean } = {},
): SQL[] {
  const tag = JSON.stringify(dashboardRules(rules));
  const scopes = SCOPES.map(
    ({ key, marketplace }) => sql`insert into dashboard_read_models as m
        (org_id, scope, data_version, rules, stock, money, refreshed_at)
      select o.id, ${key}::text, o.data_version, ${tag}::jsonb,
        (select to_jsonb(d) from (${dashboardStockSql({ orgId, marketplace }, rules, DASHBOARD_STORED_TOP)}) d),
        (select to_jsonb(s) from (${dashboardMoneySumsSql({ orgId, marketplace }, rules)}) s),
        now()
      from organizations o where o.id = ${orgId}
      on conflict (org_id, scope) do update set data_version = excluded.data_version, rules = excluded.rules,
        stock = excluded.stock, money = excluded.money, refreshed_at = excluded.refreshed_at`,
  );
  const breakdowns = warehouses ? (["warehouse", "category"] as const) : (["category"] as const);
  return [
    ...scopes,
    storeWarehouseTotalsSql(orgId, tag),
    ...refreshDashboardBreakdowns(orgId, rules, tag, DASHBOARD_STORED_TOP, breakdowns),
  ];
}

/** The dashboard's filters, as the route takes them. */
export interface DashboardFilters {
  marketplace?: Marketplace | undefined;
  warehouseId?: number | undefined;
  category?: string | undefined;
  search?: string | undefined;
}

/**
 * The stored scope that answers these filters: all warehouses or one marketplace (with the money), one warehouse
 * or one category alone (without); none for a search or two filters together.
 */
export function storedScope(filters: DashboardFilters): { key: string; money: boolean } | null {
  const { marketplace, warehouseId, category, search } = filters;
  if (search !== undefined) return null;
  if (warehouseId === undefined && category === undefined) return { key: marketplace ?? "all", money: true };
  if (marketplace !== undefined) return null;
  if (category === undefined)
    return { key: breakdownScope("warehouse", warehouseId as number), money: false };
  if (warehouseId === undefined) return { key: breakdownScope("category", category), money: false };
  return null;
}

export interface StoredDashboard {
  data: DashboardData;
  /** Null for one warehouse or one category (the dashboard has money only for whole products). */
  money: DashboardMoney | null;
}

/**
 * The stored answer for the filters (storedScope) with at most DASHBOARD_STORED_TOP products per status, when it is
 * the organization's current one (same data version, same settings); null otherwise, and for filters no scope
 * answers. One statement, the period's observed days computed with it.
 */
export async function storedDashboard(
  db: Database,
  organization: DashboardRules & { id: string; dataVersion: number },
  filters: DashboardFilters,
  limit: number,
): Promise<StoredDashboard | null> {
  const scope = storedScope(filters);
  if (limit > DASHBOARD_STORED_TOP || scope === null) return null;
  const observedDays = scope.money ? observedDaysSql(organization.id) : sql`null::int`;
  const result =
    await db.execute(sql`select data_version, rules, stock, money, ${observedDays} as observed_days
    from dashboard_read_models where org_id = ${organization.id} and scope = ${scope.key}`);
  const row = result.rows[0] as
    | { data_version: number; rules: unknown; stock: unknown; money: unknown; observed_days: number | null }
    | undefined;
  if (!row || Number(row.data_version) !== organization.dataVersion) return null;
  if (!sameRules(row.rules, dashboardRules(organization))) return null;
  const data = dashboardFromJsonRow(jsonColumn(row.stock));
  for (const rows of Object.values(data.rows)) rows.splice(limit);
  const money = scope.money
    ? moneyFromRow({ ...jsonColumn<object>(row.money), observed_days: row.observed_days })
    : null;
  return { data, money };
}

/** The organization's settings a stored answer depends on (one row, dashboardRulesFromRow reads it). */
export function dashboardRulesSql(orgId: string): SQL {
  return sql`select status_basis, critical_max, low_max, overstock_min, lead_time_days, safety_stock_days,
      cover_ceiling_days, target_cover_days
    from organizations where id = ${orgId}`;
}

export function dashboardRulesFromRow(row: Record<string, unknown>): DashboardRules {
  return {
    statusBasis: row.status_basis as DashboardRules["statusBasis"],
    criticalMax: Number(row.critical_max),
    lowMax: Number(row.low_max),
    overstockMin: Number(row.overstock_min),
    leadTimeDays: Number(row.lead_time_days),
    safetyStockDays: Number(row.safety_stock_days),
    coverCeilingDays: Number(row.cover_ceiling_days),
    targetCoverDays: Number(row.target_cover_days),
  };
}
