// A product's own minimum order and pack size for the supply plan (db/schema/supply.ts): set, or cleared back
// to the organization's defaults, scoped to the organization, in one transaction with the data version and the
// supply plan's stored answer (the product page reads it back in its own batch: product-detail.ts).
import { sql } from "drizzle-orm";
import type { SupplyPlanSettings } from "../../domain/supply-plan-sql";
import type { Database } from "../client";
import { refreshSupplyPlanStore, supplyPlanLock } from "./supply-plan-store";

export interface ProductSupplyChange {
  minOrderUnits: number | null;
  packSize: number | null;
}

/**
 * Stores the change (both null removes the product's row), moves the organization's data version (every cached
 * answer stops matching) and stores the supply plan again under `settings` (the organization's): the product's
 * lines' quantities, each scope's summary. Returns the new data version; undefined when the organization has no
 * such product (nothing is written).
 */
export async function setProductSupplySettings(
  db: Database,
  orgId: string,
  productId: number,
  change: ProductSupplyChange,
  userId: string | null,
  settings: SupplyPlanSettings,
): Promise<number | undefined> {
  const clear = change.minOrderUnits === null && change.packSize === null;
  const [, , bumped] = await db.batch([
    db.execute(supplyPlanLock(orgId)),
    db.execute(sql`with product as (
        select id from products where id = ${productId} and org_id = ${orgId}),
      stored as (
        insert into product_supply_settings (product_id, org_id, min_order_units, pack_size, updated_by, updated_at)
        select id, ${orgId}, ${change.minOrderUnits}::int, ${change.packSize}::int, ${userId}::uuid, now()
        from product where not ${clear}::boolean
        on conflict (product_id) do update set min_order_units = excluded.min_order_units,
          pack_size = excluded.pack_size, updated_by = excluded.updated_by, updated_at = excluded.updated_at
        returning product_id),
      cleared as (
        delete from product_supply_settings where ${clear}::boolean and product_id in (select id from product)
        returning product_id),
      -- The product's lines ship what its new units say: computed again below.
      uncomputed as (
        update supply_plan_lines set quantity = null
        where org_id = ${orgId} and product_id in (select id from product)
        returning 1)
      select id from product`),
    db.execute(sql`update organizations set data_version = data_version + 1
      where id = ${orgId} and exists (select 1 from products where id = ${productId} and org_id = ${orgId})
      returning data_version`),
    ...refreshSupplyPlanStore(orgId, settings).map((statement) => db.execute(statement)),
  ]);
  const row = bumped.rows[0] as { data_version: number } | undefined;
  return row === undefined ? undefined : Number(row.data_version);
}
