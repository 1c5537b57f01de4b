// The supply plan's stored answer: each line's quantity under the organization's supply settings
// (supply_plan_lines.quantity) and, for the whole plan and each marketplace, its totals and reconciliation
// (supply_plan_read_models), computed by the statements a request runs (supply-plan.ts) when the lines or the
// settings change, so that the plan a seller opens first is a range of an index, not 12,000 lines' arithmetic.
//
// Who keeps it: a finalize (the lines it wrote, in its last transaction), a settings change and a product's own
// units change (in their transactions). Every writer of the lines or the quantities holds the organization's
// supply plan lock (supplyPlanLock), so a quantity is never computed from inputs another transaction is changing.
// A written line's quantity is null until computed; the stored answer is used only while it carries the
// organization's data version and supply settings and no line's quantity is null (a writer that moves either
// without refreshing it, or a refresh that found the settings moved, leaves it unused, never wrong): the request
// then computes the answer itself.
import { type SQL, sql } from "drizzle-orm";
import {
  SUPPLY_COVER_BOUND,
  SUPPLY_PLAN_VELOCITY_ROUNDS_ABOVE_ZERO,
  type SupplyPlanSettings,
  supplyCandidateSql,
  supplyLinesSql,
} from "../../domain/supply-plan-sql";
import type { Marketplace } from "../schema/enums";
import { type SupplyPlanScope, supplyPlanSummarySql } from "./supply-plan";

/** The organization's supply plan lock: held by every writer of its lines or their quantities, to its commit. */
export function supplyPlanLock(orgId: string): SQL {
  return sql`select pg_advisory_xact_lock(hashtext('mi.supply_plan'), hashtext(${orgId}::text))`;
}

const RULE_KEYS = [
  "leadTimeDays",
  "safetyStockDays",
  "targetCoverDays",
  "coverCeilingDays",
  "minOrderUnits",
  "packSize",
] as const satisfies ReadonlyArray<keyof SupplyPlanSettings>;

/** Only the settings the plan depends on (the stored answer's tag), from an organization row or a change merged in. */
export function supplyPlanRules(settings: SupplyPlanSettings): SupplyPlanSettings {
  return Object.fromEntries(RULE_KEYS.map((key) => [key, settings[key]])) as unknown as SupplyPlanSettings;
}

/** The stored answer's tag for these settings, as supply_plan_read_models.rules holds it. */
function rulesTag(settings: SupplyPlanSettings): SQL {
  return sql`${JSON.stringify(supplyPlanRules(settings))}::jsonb`;
}

/** The organization still has these supply settings (a refresh computed with others writes nothing). */
function settingsAre(orgId: string, settings: SupplyPlanSettings): SQL {
  return sql`exists (select 1 from organizations o where o.id = ${orgId}
    and (o.lead_time_days, o.safety_stock_days, o.target_cover_days, o.cover_ceiling_days, o.min_order_units,
      o.pack_size) = (${settings.leadTimeDays}::int, ${settings.safetyStockDays}::int,
      ${settings.targetCoverDays}::int, ${settings.coverCeilingDays}::int, ${settings.minOrderUnits}::int,
      ${settings.packSize}::int))`;
}

/** supplyCandidateSql's negation, its division guarded: a line that cannot be due ships nothing. */
function notCandidateSql(settings: SupplyPlanSettings): SQL {
  return sql`(case when ${sql.raw(SUPPLY_PLAN_VELOCITY_ROUNDS_ABOVE_ZERO)}
    then ${sql.raw(SUPPLY_COVER_BOUND)} >= ${settings.leadTimeDays + settings.safetyStockDays + 1}::float8
    else true end)`;
}

/**
 * Whether the lines' computed quantities may be under other settings than `settings`: the stored whole plan, written
 * with them in each refresh's transaction, is not tagged with these (a supply setting moved, or a refresh found the
 * settings moved under it and wrote nothing: two settings changes racing each other).
 */
function quantitiesUnderOtherSettings(orgId: string, settings: SupplyPlanSettings): SQL {
  return sql`not exists (select 1 from supply_plan_read_models m where m.org_id = ${orgId} and m.scope = 'all'
    and m.rules = ${rulesTag(settings)})`;
}

/**
 * Statements that compute the quantities of the organization's lines under `settings`: those not computed yet, and
 * every line that may ship under the old or the new settings when the quantities were computed under others. A
 * line that cannot be due ships nothing; the others get supplyLine's quantity (domain/supply-plan-sql.ts).
 */
function computeQuantities(orgId: string, settings: SupplyPlanSettings): SQL[] {
  const moved = quantitiesUnderOtherSettings(orgId, settings);
  const due = sql`select l.org_id, l.product_id, l.marketplace, l.destination_key, l.available, l.in_transit,
      l.velocity, pss.min_order_units, pss.pack_size
    from supply_plan_lines l left join product_supply_settings pss on pss.product_id = l.product_id
    where l.org_id = ${orgId} and ${supplyCandidateSql(settings)} and (l.quantity is null or ${moved})`;
  return [
    sql`update supply_plan_lines set quantity = 0
      where org_id = ${orgId} and (quantity is null or (quantity <> 0 and ${moved}))
        and ${notCandidateSql(settings)} and ${settingsAre(orgId, settings)}`,
    sql`update supply_plan_lines t set quantity = q.quantity
      from (${supplyLinesSql(due, settings)}) q
      where t.org_id = ${orgId} and t.product_id = q.product_id and t.marketplace = q.marketplace
        and t.destination_key = q.destination_key and t.quantity is distinct from q.quantity
        and ${settingsAre(orgId, settings)}`,
  ];
}

/** The stored scopes: the whole plan, and each marketplace's. */
const SCOPES: ReadonlyArray<{ key: string; marketplace: Marketplace | undefined }> = [
  { key: "all", marketplace: undefined },
  { key: "ozon", marketplace: "ozon" },
  { key: "wb", marketplace: "wb" },
];

/**
 * Statements that store the organization's plan under `settings` (which must be the organization's as the
 * transaction sees them, else nothing is written): the quantities not computed yet (all that may have moved when
 * they were computed under other settings), and each scope's summary tagged with the data version and the settings.
 * Run them after whatever changed the lines, the settings or the data version, in its transaction, which took
 * supplyPlanLock before either.
 */
export function refreshSupplyPlanStore(orgId: string, settings: SupplyPlanSettings): SQL[] {
  const models = SCOPES.map(
    ({ key, marketplace }) => sql`insert into supply_plan_read_models as m
        (org_id, scope, data_version, rules, lines, shipping, totals, reconciliation, refreshed_at)
      select o.id, ${key}::text, o.data_version, ${rulesTag(settings)}, s.lines, s.shipping, s.totals, s.reconciliation,
        now()
      from organizations o cross join (${supplyPlanSummarySql({ orgId, marketplace }, settings)}) s
      where o.id = ${orgId} and ${settingsAre(orgId, settings)}
      on conflict (org_id, scope) do update set data_version = excluded.data_version, rules = excluded.rules,
        lines = excluded.lines, shipping = excluded.shipping, totals = excluded.totals,
        reconciliation = excluded.reconciliation, refreshed_at = excluded.refreshed_at`,
  );
  return [...computeQuantities(orgId, settings), ...models];
}

/** The stored scope answering a request's filters: the whole plan or one marketplace, nothing narrower. */
export function storedSupplyPlanScope(scope: SupplyPlanScope): string | null {
  if (scope.search !== undefined || scope.cluster !== undefined || scope.warehouseId !== undefined)
    return null;
  return scope.marketplace ?? "all";
}

/**
 * The stored summary of `key` (lines, shipping, totals, reconciliation) when it is current for the organization
 * (its data version, these settings, every quantity computed); no row otherwise.
 */
export function currentSupplyPlanModel(orgId: string, key: string, settings: SupplyPlanSettings): SQL {
  return sql`select m.lines, m.shipping, m.totals, m.reconciliation
    from supply_plan_read_models m join organizations o on o.id = m.org_id and o.data_version = m.data_version
    where m.org_id = ${orgId} and m.scope = ${key} and m.rules = ${rulesTag(settings)}
      and not exists (select 1 from supply_plan_lines l where l.org_id = ${orgId} and l.quantity is null)`;
}

/** The organization's supply settings (one row, supplyPlanSettingsFromRow reads it). */
export function supplyPlanSettingsSql(orgId: string): SQL {
  return sql`select lead_time_days, safety_stock_days, target_cover_days, cover_ceiling_days, min_order_units,
      pack_size
    from organizations where id = ${orgId}`;
}

export function supplyPlanSettingsFromRow(row: Record<string, unknown>): SupplyPlanSettings {
  return {
    leadTimeDays: Number(row.lead_time_days),
    safetyStockDays: Number(row.safety_stock_days),
    targetCoverDays: Number(row.target_cover_days),
    coverCeilingDays: Number(row.cover_ceiling_days),
    minOrderUnits: Number(row.min_order_units),
    packSize: Number(row.pack_size),
  };
}
