// Canonical warehouses with their stock totals, the aliases awaiting review, and mapping an alias to
// a canonical warehouse (same organization and marketplace only).
import { and, asc, desc, eq, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { warehouseAliases, warehouses } from "../schema";
import type { Marketplace } from "../schema/enums";
import { warehouseTotalsSql } from "./warehouse-totals";

/** The organization's canonical warehouses (of one marketplace) with their stock totals at `dataVersion`. */
export async function warehousesWithTotals(
  db: Database,
  orgId: string,
  dataVersion: number,
  marketplace?: Marketplace,
) {
  const totals = sql`${warehouseTotalsSql(orgId, dataVersion)} totals`;
  const conditions = [eq(warehouses.orgId, orgId)];
  if (marketplace) conditions.push(eq(warehouses.marketplace, marketplace));
  return db
    .select({
      id: warehouses.id,
      marketplace: warehouses.marketplace,
      name: warehouses.name,
      cluster: warehouses.cluster,
      region: warehouses.region,
      type: warehouses.type,
      provisional: warehouses.provisional,
      available: sql<number>`coalesce(totals.available, 0)`,
      reserved: sql<number>`coalesce(totals.reserved, 0)`,
      inTransit: sql<number>`coalesce(totals.in_transit, 0)`,
      products: sql<number>`coalesce(totals.products, 0)`,
    })
    .from(warehouses)
    .leftJoin(totals, sql`totals.warehouse_id = ${warehouses.id}`)
    .where(and(...conditions))
    .orderBy(asc(warehouses.marketplace), asc(warehouses.name));
}

/** Aliases an operator should look at: guessed with low confidence, or pointing at a provisional warehouse. */
export async function aliasesAwaitingReview(db: Database, orgId: string) {
  return db
    .select({
      id: warehouseAliases.id,
      marketplace: warehouseAliases.marketplace,
      alias: warehouseAliases.alias,
      warehouseId: warehouseAliases.warehouseId,
      warehouse: warehouses.name,
      provisional: warehouses.provisional,
      confidence: warehouseAliases.confidence,
      source: warehouseAliases.source,
      createdAt: warehouseAliases.createdAt,
    })
    .from(warehouseAliases)
    .innerJoin(warehouses, eq(warehouses.id, warehouseAliases.warehouseId))
    .where(
      and(
        eq(warehouseAliases.orgId, orgId),
        eq(warehouseAliases.active, true),
        or(
          and(sql`${warehouseAliases.source} <> 'manual'`, sql`${warehouseAliases.confidence} < 0.9`),
          eq(warehouses.provisional, true),
        ),
      ),
    )
    .orderBy(asc(warehouseAliases.confidence), desc(warehouseAliases.createdAt));
}

/** Points an alias at a canonical warehouse of the same org and marketplace; undefined when either is not found. */
export async function mapWarehouseAlias(
  db: Database,
  orgId: string,
  aliasId: number,
  warehouseId: number,
  userId: string | null,
) {
  const result = await db.execute(sql`update warehouse_aliases a
    set warehouse_id = w.id, source = 'manual', confidence = 1, active = true, reviewed_by = ${userId}, reviewed_at = now()
    from warehouses w
    where a.id = ${aliasId} and a.org_id = ${orgId} and w.id = ${warehouseId} and w.org_id = ${orgId}
      and w.marketplace = a.marketplace and not w.provisional
    returning a.id, a.marketplace, a.alias, a.warehouse_id, w.name as warehouse, a.confidence, a.source`);
  return result.rows[0] as
    | {
        id: number;
        marketplace: Marketplace;
        alias: string;
        warehouse_id: number;
        warehouse: string;
        confidence: number;
        source: string;
      }
    | undefined;
}
