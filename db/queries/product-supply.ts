// A product's own minimum order and pack size for the supply plan (db/schema/supply.ts): set, or cleared back
// to the organization's defaults, in one statement scoped to the organization (the product page reads it back
// in its own batch: product-detail.ts).
import { sql } from "drizzle-orm";
import type { Database } from "../client";

export interface ProductSupplyChange {
  minOrderUnits: number | null;
  packSize: number | null;
}

/** Stores the change (both null removes the product's row); false when the organization has no such product. */
export async function setProductSupplySettings(
  db: Database,
  orgId: string,
  productId: number,
  change: ProductSupplyChange,
  userId: string | null,
): Promise<boolean> {
  const clear = change.minOrderUnits === null && change.packSize === null;
  const result = await db.execute(sql`with product as (
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
      returning product_id)
    select id from product`);
  return result.rows.length > 0;
}
