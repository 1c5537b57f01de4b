// SQL of the daily digest: the organizations that want one, the day's claim (one per organization × local date,
// taken in the same statement that queues the digest to every ready channel), the products out of stock now and
// at the previous digest, and yesterday's lost sales per product × warehouse with each product's unit price.
import { type SQL, sql } from "drizzle-orm";
import { READY_CHANNELS } from "./alerts";
import { warehouseDemandDays } from "./demand-days";
import { LOST_SALES_DAYS } from "./lost-sales";

/** Organizations with daily_digest on and a digest hour, with their time zone and order settings. */
export function digestOrganizationsSql(): SQL {
  return sql`select s.org_id, s.time_zone, s.digest_hour, o.lead_time_days, o.safety_stock_days,
      o.target_cover_days, o.velocity_window_days
    from alert_settings s join organizations o on o.id = s.org_id
    where s.digest_hour is not null and 'daily_digest' = any(s.rules)`;
}

export function digestClaimedSql(orgId: string, localDate: string): SQL {
  return sql`select 1 from alert_digests where org_id = ${orgId} and local_date = ${localDate}::date`;
}

/** Products with no stock left over all warehouses now. */
export function outOfStockSql(orgId: string): SQL {
  return sql`select p.id as product_id, p.article, p.name from product_summary ps join products p on p.id = ps.product_id
    where ps.org_id = ${orgId} and ps.available <= 0 order by p.article`;
}

/** The products out of stock at the organization's previous digest (none before the first). */
export function previousOutOfStockSql(orgId: string, localDate: string): SQL {
  return sql`select unnest(out_of_stock) as product_id from alert_digests
    where org_id = ${orgId} and local_date = (select max(local_date) from alert_digests
      where org_id = ${orgId} and local_date < ${localDate}::date)`;
}

/** Each product × warehouse's days over the lost-sales window ending yesterday (`today` the local date). */
export function lostSalesDaysSql(orgId: string, today: string): SQL {
  return sql`with d as (${warehouseDemandDays({ orgId, windowDays: LOST_SALES_DAYS, today })})
    select product_id, warehouse_id, units, in_stock from d order by product_id, warehouse_id, day`;
}

/** Each product's unit price, the one the Overview and the product page use (domain/selling-price.ts). */
export function unitPricesSql(orgId: string): SQL {
  return sql`select product_id, unit_price from product_summary where org_id = ${orgId}`;
}

/**
 * Claims the organization's digest of `localDate` and queues `payload` (its runId the claim's id) to every ready
 * channel; returns the deliveries, none when the day was claimed already.
 */
export function claimDigestSql(orgId: string, localDate: string, outOfStock: number[], payload: object): SQL {
  return sql`with claim as (
      insert into alert_digests (org_id, local_date, out_of_stock)
      values (${orgId}, ${localDate}::date, ${sql.param(outOfStock)}::bigint[])
      on conflict (org_id, local_date) do nothing
      returning id
    )
    insert into alert_deliveries (org_id, channel_id, rule, run_id, payload)
    select ${orgId}, c.id, 'daily_digest', claim.id,
      ${JSON.stringify(payload)}::jsonb || jsonb_build_object('runId', claim.id::text)
    from claim cross join alert_channels c
    where c.org_id = ${orgId} and ${READY_CHANNELS}
    returning id`;
}
