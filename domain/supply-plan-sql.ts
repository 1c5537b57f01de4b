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

/** JavaScript's Math.round for the non-negative values the plan rounds: ⌊x + 0.5⌋. */
export function roundSql(value: SQL): SQL {
  return sql`floor(${value} + 0.5::float8)`;
}

/** selling-price.ts' roubles: to the kopeck, as Math.round(x × 100) ÷ 100. */
export function roublesSql(value: SQL): SQL {
  return sql`(${roundSql(sql`(${value}) * 100::float8`)} / 100::float8)`;
}

/**
 * `from … ${supplyLineLateral(columns, settings)}`: lateral joins adding, per line, supplyLine's numbers as
 * columns of `sl`: v (planVelocity), stock_position, reorder_point, shortfall, rounded_to_packs, quantity.
 */
export function supplyLineLateral(columns: SupplyLineColumns, settings: SupplyPlanSettings): SQL {
  const lead = float(settings.leadTimeDays);
  const safety = float(settings.safetyStockDays);
  const target = float(settings.targetCoverDays);
  const ceiling = float(settings.coverCeilingDays);
  return sql`cross join lateral (select
      greatest(0::float8, ${roundSql(sql`(${columns.velocity})::float8 * 1000::float8`)} / 1000::float8) as v,
      greatest(1, floor(coalesce(${columns.minOrderUnits}, ${settings.minOrderUnits}::int)))::int as min_order,
      greatest(1, floor(coalesce(${columns.packSize}, ${settings.packSize}::int)))::int as pack,
      (${columns.available} + ${columns.inTransit})::int as stock_position) sl0
    cross join lateral (select sl0.*, ceil(sl0.v * ${lead})::int + ceil(sl0.v * ${safety})::int as reorder_point,
      ceil(sl0.v * ${target})::int + ceil(sl0.v * ${safety})::int as target_stock,
      floor(sl0.v * ${ceiling})::int as cover_cap_stock) sl1
    cross join lateral (select sl1.*, case when sl1.v > 0 and sl1.stock_position <= sl1.reorder_point
      then greatest(0, sl1.target_stock - sl1.stock_position) else 0 end as shortfall) sl2
    cross join lateral (select sl2.*,
      ((case when sl2.shortfall > 0 then greatest(sl2.shortfall, sl2.min_order) else 0 end) + sl2.pack - 1)
        / sl2.pack * sl2.pack as rounded_to_packs,
      greatest(0, sl2.cover_cap_stock - sl2.stock_position) as cap_room) sl3
    cross join lateral (select sl3.*, case when sl3.rounded_to_packs > sl3.cap_room
      then sl3.cap_room / sl3.pack * sl3.pack else sl3.rounded_to_packs end as fitting) sl4
    cross join lateral (select sl4.*, case when sl4.fitting >= sl4.min_order then sl4.fitting else 0 end
      as quantity) sl`;
}
