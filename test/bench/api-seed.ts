// Seeds the API benchmark's data set straight into PostgreSQL with set-based SQL: one organization,
// 40 warehouses, N products with a listing per marketplace, products × 40 inventory rows, M sales rows
// over a year, a stock snapshot of every cell for each of the last 90 days (inventory_daily), then the read models (sales_daily, sales_day_totals, product_sales_windows, product_stock_days, product_summary with its
// lost sales, the per-warehouse and per-marketplace stock) the API reads, and the runs, alerts and clusters of
// api-seed-history.ts.

import { sql } from "drizzle-orm";
import type pg from "pg";
import { refreshLostSales } from "../../db/queries/lost-sales-refresh";
import { rebuildSalesDayTotals } from "../../db/queries/sales-summaries";
import { refreshSalesWindows } from "../../db/queries/sales-windows";
import { rebuildStockDays } from "../../db/queries/stock-days";
import { rebuildStockSummaries } from "../../db/queries/stock-summaries";
import { rebuildSupplyPlanLines } from "../../db/queries/supply-plan-lines";
import {
  refreshSupplyPlanStore,
  supplyPlanSettingsFromRow,
  supplyPlanSettingsSql,
} from "../../db/queries/supply-plan-store";
import { seedBenchHistory } from "./api-seed-history";
import { runStatements } from "./pg-statements";

export interface BenchSize {
  products: number;
  warehouses: number;
  sales: number;
  /** Days of stock snapshots (inventory_daily: every cell each day, as finalize writes them), up to today; 0: none. */
  snapshotDays?: number;
}

export async function seedBenchData(
  client: pg.Client,
  orgId: string,
  passwordHash: string,
  size: BenchSize,
): Promise<void> {
  const half = size.warehouses / 2;
  const statements = [
    `insert into organizations (id, name, slug) values ('${orgId}', 'Bench seller', 'bench')`,
    `insert into users (org_id, email, role, password_hash) values ('${orgId}', 'bench@example.test', 'admin', '${passwordHash}')`,
    `insert into marketplace_accounts (org_id, marketplace, name, credentials_encrypted) values
       ('${orgId}', 'ozon', 'Ozon', 'v1.x.y'), ('${orgId}', 'wb', 'WB', 'v1.x.y')`,
    `insert into warehouses (org_id, marketplace, name, region)
       select '${orgId}', case when g <= ${half} then 'ozon' else 'wb' end::marketplace, 'WH-' || g, 'Region ' || (g % 8)
       from generate_series(1, ${size.warehouses}) g`,
    `insert into products (org_id, article, name, category)
       select '${orgId}', 'ART-' || lpad(g::text, 6, '0'), 'Product ' || g, 'Category ' || (g % 25)
       from generate_series(1, ${size.products}) g`,
    `insert into listings (org_id, product_id, account_id, marketplace, external_key, name)
       select p.org_id, p.id, a.id, a.marketplace, a.marketplace || ':' || p.article, p.name
       from products p join marketplace_accounts a on a.org_id = p.org_id where p.org_id = '${orgId}'`,
    `insert into inventory (org_id, listing_id, warehouse_id, product_id, marketplace, available, reserved, in_transit, source_endpoint)
       select l.org_id, l.id, w.id, l.product_id, l.marketplace, ((l.product_id * 7 + w.id * 13) % 9), (w.id % 3), 0, 'bench'
       from listings l join warehouses w on w.org_id = l.org_id and w.marketplace = l.marketplace
       where l.org_id = '${orgId}'`,
    // A snapshot of every cell a day for the last snapshotDays days (today's is the stock itself), as each day's
    // first finalize writes it: stock cells × days rows, what turnover's average stock was averaged from.
    `insert into inventory_daily (org_id, day, listing_id, warehouse_id, product_id, marketplace, available, reserved, in_transit)
       select i.org_id, (now() at time zone o.time_zone)::date - g, i.listing_id, i.warehouse_id, i.product_id,
         i.marketplace, (i.available + g * 5) % 9, i.reserved, 0
       from generate_series(${(size.snapshotDays ?? 0) - 1}, 0, -1) g
       cross join inventory i join organizations o on o.id = i.org_id
       where i.org_id = '${orgId}'`,
    `insert into sales (org_id, account_id, marketplace, kind, external_id, listing_id, product_id, warehouse_id, occurred_at, day, quantity, revenue, region)
       select l.org_id, l.account_id, l.marketplace, 'order', 'S' || g, l.id, l.product_id,
         -- A warehouse of the listing's marketplace, as the marketplaces report them.
         (select min(id) from warehouses) + (g % ${half}) + case when l.marketplace = 'wb' then ${half} else 0 end,
         now() - ((g % 365) || ' days')::interval, (current_date - (g % 365)), 1 + (g % 3), (100 + (g % 900))::numeric, 'Region ' || (g % 8)
       from generate_series(1, ${size.sales}) g
       join listings l on l.id = (select min(id) from listings) + ((g::bigint * 7919) % ${size.products * 2})`,
    `insert into sales_daily (org_id, day, product_id, marketplace, region, orders, units, revenue, returns, cancellations)
       select org_id, day, product_id, marketplace, coalesce(region, ''), count(*), sum(quantity), sum(revenue), 0, 0
       from sales where org_id = '${orgId}' group by 1, 2, 3, 4, 5`,
    `insert into product_summary (org_id, product_id, available, reserved, in_transit, ozon_available, wb_available, warehouse_count, units_sold, revenue, velocity)
       select i.org_id, i.product_id, sum(available), sum(reserved), sum(in_transit),
         sum(available) filter (where marketplace = 'ozon'), sum(available) filter (where marketplace = 'wb'), count(*),
         coalesce(max(s.units), 0), coalesce(max(s.revenue), 0), coalesce(max(s.units), 0) / 30.0
       from inventory i
       left join (select product_id, sum(quantity) as units, sum(revenue) as revenue from sales
                  where org_id = '${orgId}' and day > current_date - 30 group by product_id) s on s.product_id = i.product_id
       where i.org_id = '${orgId}' group by i.org_id, i.product_id`,
  ];
  for (const statement of statements) await client.query(statement);
  // The day totals as finalize keeps them (the same statement, over every day).
  await runStatements(client, [rebuildSalesDayTotals(orgId)]);
  // The per-product standard periods up to today, as finalize keeps them (the same statements).
  await runStatements(client, refreshSalesWindows({ orgId }));
  // The snapshots' stock per product × day, as finalize and the migration keep it (the same sums).
  await runStatements(client, rebuildStockDays(orgId));
  // Every product's lost sales, as a day's first finalize stores them (the same statement).
  await runStatements(client, [
    refreshLostSales(orgId, sql`select product_id from product_summary where org_id = ${orgId}`),
  ]);
  // Stock per product × warehouse (with its forecast) and per marketplace, as a day's first finalize keeps them.
  await runStatements(client, rebuildStockSummaries(orgId));
  // Clusters, a year of runs and alerts, some products' supply units (api-seed-history.ts).
  await seedBenchHistory(client, orgId);
  // The supply plan's lines per destination, as finalize keeps them (after the clusters above).
  await runStatements(client, rebuildSupplyPlanLines(orgId));
  // Its stored answer under the organization's settings, as a finalize stores it.
  const [settings] = await runStatements(client, [supplyPlanSettingsSql(orgId)]);
  await runStatements(
    client,
    refreshSupplyPlanStore(orgId, supplyPlanSettingsFromRow(settings?.rows[0] ?? {})),
  );
  // Autovacuum's steady state: statistics and a visibility map, for the routes and the baseline alike.
  await client.query("vacuum analyze");
}
