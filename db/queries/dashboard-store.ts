// The Overview's stored answer (dashboard_read_models): for all warehouses and each marketplace, the counts per
// status, each status' first DASHBOARD_STORED_TOP products and the money, computed by the same statements as a
// request (dashboard.ts, dashboard-money.ts) when the data or the settings change: in a finalize's closing
// transaction and in a settings change's. A request uses it only when its data version and settings are the
// organization's own (a writer that moves the version without refreshing it, or a settings change racing
// another, leaves it unused, never wrong), and computes the answer itself otherwise.
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../client";
import type { Marketplace } from "../schema/enums";
import { type DashboardData, dashboardFromJsonRow, dashboardStockSql } from "./dashboard";
import {
  type DashboardMoney,
  dashboardMoneySumsSql,
  type MoneySettings,
  moneyFromRow,
  observedDaysSql,
} from "./dashboard-money";

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
  const tag = (typeof stored === "string" ? JSON.parse(stored) : stored) as Record<string, unknown> | null;
  return tag !== null && RULE_KEYS.every((key) => tag[key] === current[key]);
}

/** The stored scopes: every warehouse, and each marketplace. */
const SCOPES: ReadonlyArray<{ key: string; marketplace: Marketplace | undefined }> = [
  { key: "all", marketplace: undefined },
  { key: "ozon", marketplace: "ozon" },
  { key: "wb", marketplace: "wb" },
];

/**
 * Statements that store the organization's answer for every scope, tagged with its data version as the
 * transaction sees it and with `rules` (which must be the settings that version carries: run them after the
 * statement that changes either, in its transaction).
 */
export function refreshDashboardReadModels(orgId: string, rules: DashboardRules): SQL[] {
  const tag = JSON.stringify(dashboardRules(rules));
  return SCOPES.map(
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
}

export interface StoredDashboard {
  data: DashboardData;
  money: DashboardMoney;
}

/**
 * The stored answer for all warehouses or one marketplace with at most DASHBOARD_STORED_TOP products per status,
 * when it is the organization's current one (same data version, same settings); null otherwise. One statement,
 * the period's observed days computed with it.
 */
export async function storedDashboard(
  db: Database,
  organization: DashboardRules & { id: string; dataVersion: number },
  marketplace: Marketplace | undefined,
  limit: number,
): Promise<StoredDashboard | null> {
  if (limit > DASHBOARD_STORED_TOP) return null;
  const result = await db.execute(sql`select data_version, rules, stock, money,
      ${observedDaysSql(organization.id)} as observed_days
    from dashboard_read_models where org_id = ${organization.id} and scope = ${marketplace ?? "all"}`);
  const row = result.rows[0] as
    | { data_version: number; rules: unknown; stock: unknown; money: unknown; observed_days: number | null }
    | undefined;
  if (!row || Number(row.data_version) !== organization.dataVersion) return null;
  if (!sameRules(row.rules, dashboardRules(organization))) return null;
  const json = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value);
  const data = dashboardFromJsonRow(json(row.stock));
  for (const rows of Object.values(data.rows)) rows.splice(limit);
  const money = moneyFromRow({ ...json(row.money), observed_days: row.observed_days });
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
