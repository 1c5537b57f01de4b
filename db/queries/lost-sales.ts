// Lost sales of one product per warehouse over the last days (Ozon's way, domain/lost-sales.ts, over the same
// censored days the forecast reads), at the product's unit price (the one finalize stored on product_summary:
// domain/selling-price.ts), the days of stock history the window holds (snapshots start at the first sync),
// and its forecast: statements for the product page's one batch (product-detail.ts), and what its rows mean.
import { sql } from "drizzle-orm";
import { type LostSales, lostRevenue, lostSales } from "../../domain/lost-sales";
import type { UnitPriceSource } from "../../domain/selling-price";
import { warehouseDemandDays } from "./demand-days";

/** Ozon's window for average daily sales. */
export const LOST_SALES_DAYS = 28;

export interface WarehouseLostSales extends LostSales {
  warehouseId: number;
  warehouse: string;
  rub: number;
}

export interface ProductLostSales {
  periodDays: number;
  /** Days of the period with stock history (from the product's first stock snapshot in it; 0 without one). */
  observedDays: number;
  /** The product's unit price (the listings' price, else the last 90 days' average selling price; 0 without). */
  unitPrice: number;
  priceSource: UnitPriceSource;
  units: number;
  rub: number;
  byWarehouse: WarehouseLostSales[];
}

/** The two statements behind a product's lost sales: its days per warehouse, and the days of stock history. */
export function productLostSalesStatements(orgId: string, productId: number) {
  const days = warehouseDemandDays({
    orgId,
    products: sql`select ${productId}::bigint`,
    windowDays: LOST_SALES_DAYS,
  });
  return {
    series: sql`with d as (${days})
      select d.warehouse_id, w.name as warehouse, d.units, d.in_stock from d join warehouses w on w.id = d.warehouse_id
      order by d.warehouse_id, d.day`,
    history: sql`select (case when min(day) is null then 0
        else least(${LOST_SALES_DAYS}::int, current_date - min(day)) end)::int as observed_days
      from inventory_daily where org_id = ${orgId} and product_id = ${productId}
        and day >= current_date - ${LOST_SALES_DAYS + 1}::int and day < current_date`,
  };
}

/** A product's lost sales from those statements' rows and its stored unit price (none before a finalize). */
export function productLostSalesFrom(
  seriesRows: Record<string, unknown>[],
  historyRows: Record<string, unknown>[],
  price: { unitPrice: number; priceSource: string } | undefined,
): ProductLostSales {
  const unitPrice = Number(price?.unitPrice ?? 0);
  const observedDays = Number(
    (historyRows[0] as { observed_days: number | null } | undefined)?.observed_days ?? 0,
  );
  const byId = new Map<number, { warehouse: string; days: { units: number; inStock: boolean }[] }>();
  for (const row of seriesRows as Array<{
    warehouse_id: number;
    warehouse: string;
    units: number;
    in_stock: boolean;
  }>) {
    const id = Number(row.warehouse_id);
    const entry = byId.get(id) ?? { warehouse: row.warehouse, days: [] };
    entry.days.push({ units: Number(row.units), inStock: row.in_stock });
    byId.set(id, entry);
  }
  const byWarehouse = [...byId].map(([warehouseId, { warehouse, days: list }]) => {
    const lost = lostSales(list);
    return { warehouseId, warehouse, ...lost, rub: lostRevenue(lost.lostUnits, unitPrice) };
  });
  const units = byWarehouse.reduce((sum, line) => sum + line.lostUnits, 0);
  return {
    periodDays: LOST_SALES_DAYS,
    observedDays,
    unitPrice: Math.round(unitPrice * 100) / 100,
    priceSource: (price?.priceSource ?? "none") as UnitPriceSource,
    units: Math.round(units * 10) / 10,
    rub: lostRevenue(units, unitPrice),
    byWarehouse: byWarehouse.filter((line) => line.lostUnits > 0),
  };
}

export interface StoredForecast {
  model: "ses" | "tsb" | "none";
  observedDays: number;
  censoredDays: number;
}

/** The forecast a run stored with the product's velocity; null before the first run with forecasts. */
export function storedForecast(
  summary: { demandModel: string | null; observedDays: number; censoredDays: number } | undefined,
): StoredForecast | null {
  if (!summary?.demandModel) return null;
  return {
    model: summary.demandModel as StoredForecast["model"],
    observedDays: Number(summary.observedDays),
    censoredDays: Number(summary.censoredDays),
  };
}
