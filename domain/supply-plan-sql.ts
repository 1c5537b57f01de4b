// The supply plan's arithmetic for the database: supply-plan.ts' supplyLine over columns, step by step, the same
// float8 operations in the same order, so the database can count, sum and page the lines that ship without
// sending every product × destination to the Worker (a big seller's plan is 250,000 lines). The Worker still
// explains each line it answers with supplyLine; a test holds the two equal over a grid of inputs.
import { type SQL, sql } from "drizzle-orm";

export interface SupplyLineColumns {
  available: SQL;
  inTransit: SQL;
  /** The destination's forecast, units a day (before planVelocity's rounding). */
  velocity: SQL;
  /** The product's own minimum order and pack size, null for the organization's. */
  minOrderUnits: SQL;
  packSize: SQL;
}

export interface SupplyPlanSettings {
  leadTimeDays: number;
  safetyStockDays: number;
  targetCoverDays: number;
  coverCeilingDays: number;
  minOrderUnits: number;
  packSize: number;
}

const float = (value: number) => sql`${value}::float8`;

/** planVelocity over supply_plan_lines.velocity, rounded above 0 (the due index's predicate, as written there). */
export const SUPPLY_PLAN_VELOCITY_ROUNDS_ABOVE_ZERO = "floor(velocity * 1000::float8 + 0.5::float8) > 0";

/**
 * A bound every line due for a shipment meets, at the plan's velocity v (planVelocity): ⌈x⌉ < x + 1, so
 * stock position ≤ ⌈v × lead⌉ + ⌈v × safety⌉ implies (position − 2) ÷ v < lead + safety. The key of
 * supply_plan_lines_due_idx, written as the index declares it.
 */
export const SUPPLY_COVER_BOUND =
  "((available + in_transit - 2)::float8 / (floor(velocity * 1000::float8 + 0.5::float8) / 1000::float8))";

/** The stored lines (alias-free columns of supply_plan_lines) that may be due under the settings; one day more absorbs rounding. */
export function supplyCandidateSql(
  settings: Pick<SupplyPlanSettings, "leadTimeDays" | "safetyStockDays">,
): SQL {
  return sql`(${sql.raw(SUPPLY_PLAN_VELOCITY_ROUNDS_ABOVE_ZERO)} and ${sql.raw(SUPPLY_COVER_BOUND)}
    < ${settings.leadTimeDays + settings.safetyStockDays + 1}::float8)`;
}

/** JavaScript's Math.round for the non-negative values the plan rounds: ⌊x + 0.5⌋. */
export function roundSql(value: SQL): SQL {
  return sql`floor(${value} + 0.5::float8)`;
}

/** selling-price.ts' roubles: to the kopeck, as Math.round(x × 100) ÷ 100. */
export function roublesSql(value: SQL): SQL {
  return sql`(${roundSql(sql`(${value}) * 100::float8`)} / 100::float8)`;
}

/**
 * `source` (a query with columns available, in_transit, velocity, min_order_units, pack_size) with supplyLine's
 * numbers added as columns: v (planVelocity), stock_position, reorder_point, shortfall, rounded_to_packs, quantity.
 * One layer per step, each behind `offset 0`: flattened, every step would repeat the expressions of the steps it
 * reads (the quantity's tree held v's many times over), which cost the planner's estimate into JIT compilation
 * (0.6–1.2 s of a request at 250,000 lines) and the executor the same arithmetic again and again.
 */
export function supplyLinesSql(source: SQL, settings: SupplyPlanSettings): SQL {
  const lead = float(settings.leadTimeDays);
  const safety = float(settings.safetyStockDays);
  const target = float(settings.targetCoverDays);
  const ceiling = float(settings.coverCeilingDays);
  const layer = (columns: SQL, from: SQL) => sql`select s.*, ${columns} from (${from}) s offset 0`;
  const planned = layer(
    sql`greatest(0::float8, ${roundSql(sql`s.velocity::float8 * 1000::float8`)} / 1000::float8) as v,
      greatest(1, coalesce(s.min_order_units, ${settings.minOrderUnits}::int))::int as min_order,
      greatest(1, coalesce(s.pack_size, ${settings.packSize}::int))::int as pack,
      (s.available + s.in_transit)::int as stock_position`,
    source,
  );
  const points = layer(
    sql`ceil(s.v * ${lead})::int + ceil(s.v * ${safety})::int as reorder_point,
      ceil(s.v * ${target})::int + ceil(s.v * ${safety})::int as target_stock,
      floor(s.v * ${ceiling})::int as cover_cap_stock`,
    planned,
  );
  const short = layer(
    sql`case when s.v > 0 and s.stock_position <= s.reorder_point
      then greatest(0, s.target_stock - s.stock_position) else 0 end as shortfall`,
    points,
  );
  const rounded = layer(
    sql`((case when s.shortfall > 0 then greatest(s.shortfall, s.min_order) else 0 end) + s.pack - 1)
        / s.pack * s.pack as rounded_to_packs,
      greatest(0, s.cover_cap_stock - s.stock_position) as cap_room`,
    short,
  );
  const fitting = layer(
    sql`case when s.rounded_to_packs > s.cap_room then s.cap_room / s.pack * s.pack else s.rounded_to_packs end
      as fitting`,
    rounded,
  );
  return layer(sql`case when s.fitting >= s.min_order then s.fitting else 0 end as quantity`, fitting);
}
