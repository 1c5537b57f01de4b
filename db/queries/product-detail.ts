// Everything about one product of one organization, in one round trip: its stock per warehouse, its
// listings on both marketplaces, daily stock snapshots, recent stock changes, daily sales, Ozon's own
// turnover figures for its Ozon SKUs (the last complete report of each account), its stored forecast and unit
// price, its lost sales per warehouse (lost-sales.ts) and its own minimum order and pack size.
import { and, asc, desc, eq, gte, sql } from "drizzle-orm";
import type { Database } from "../client";
import {
  inventory,
  inventoryAudit,
  inventoryDaily,
  listings,
  ozonTurnover,
  productSummary,
  productSupplySettings,
  products,
  salesDaily,
  warehouses,
} from "../schema";
import { productLostSalesFrom, productLostSalesStatements, storedForecast } from "./lost-sales";

/**
 * When a sync last confirmed a stock cell: its last write, or the end of a later run of its account that read
 * every stock source whole (such a run zeroes every cell it did not see, so a cell it left alone was seen
 * unchanged): the last of etl_runs_account_confirmed_idx (migration 0037).
 */
const confirmedAt = sql<Date>`greatest(${inventory.lastSyncedAt}, (
  select max(r.finished_at) from etl_runs r
  where r.account_id = (select l.account_id from listings l where l.id = ${inventory.listingId})
    and r.stock_confirmed))`.mapWith(inventory.lastSyncedAt);

export async function productDetail(db: Database, orgId: string, productId: number, historyDays: number) {
  const since = sql`(current_date - ${historyDays}::int)`;
  const lost = productLostSalesStatements(orgId, productId);
  const [
    product,
    summary,
    stock,
    productListings,
    stockHistory,
    audit,
    salesHistory,
    turnover,
    lostSeries,
    lostHistory,
    supply,
  ] = await db.batch([
    db
      .select({
        id: products.id,
        article: products.article,
        name: products.name,
        brand: products.brand,
        category: products.category,
      })
      .from(products)
      .where(and(eq(products.orgId, orgId), eq(products.id, productId))),
    db
      .select({
        velocity: productSummary.velocity,
        unitsSold: productSummary.unitsSold,
        revenue: productSummary.revenue,
        demandModel: productSummary.demandModel,
        observedDays: productSummary.observedDays,
        censoredDays: productSummary.censoredDays,
        unitPrice: productSummary.unitPrice,
        priceSource: productSummary.priceSource,
      })
      .from(productSummary)
      .where(and(eq(productSummary.orgId, orgId), eq(productSummary.productId, productId))),
    db
      .select({
        warehouseId: inventory.warehouseId,
        warehouse: warehouses.name,
        region: warehouses.region,
        marketplace: inventory.marketplace,
        listingId: inventory.listingId,
        available: inventory.available,
        reserved: inventory.reserved,
        inTransit: inventory.inTransit,
        qualityScore: inventory.qualityScore,
        lastSyncedAt: confirmedAt,
      })
      .from(inventory)
      .innerJoin(warehouses, eq(warehouses.id, inventory.warehouseId))
      .where(and(eq(inventory.orgId, orgId), eq(inventory.productId, productId)))
      .orderBy(desc(inventory.available), asc(warehouses.name)),
    db
      .select({
        id: listings.id,
        marketplace: listings.marketplace,
        externalKey: listings.externalKey,
        ozonSku: listings.ozonSku,
        ozonProductId: listings.ozonProductId,
        offerId: listings.offerId,
        wbNmId: listings.wbNmId,
        wbChrtId: listings.wbChrtId,
        barcode: listings.barcode,
        size: listings.size,
        name: listings.name,
        price: listings.price,
        active: listings.active,
      })
      .from(listings)
      .where(and(eq(listings.orgId, orgId), eq(listings.productId, productId)))
      .orderBy(asc(listings.marketplace), asc(listings.id)),
    db
      .select({
        day: inventoryDaily.day,
        available: sql<number>`sum(${inventoryDaily.available})::int`,
        reserved: sql<number>`sum(${inventoryDaily.reserved})::int`,
        inTransit: sql<number>`sum(${inventoryDaily.inTransit})::int`,
      })
      .from(inventoryDaily)
      .where(
        and(
          eq(inventoryDaily.orgId, orgId),
          eq(inventoryDaily.productId, productId),
          gte(inventoryDaily.day, since),
        ),
      )
      .groupBy(inventoryDaily.day)
      .orderBy(asc(inventoryDaily.day)),
    db
      .select({
        changedAt: inventoryAudit.changedAt,
        warehouse: warehouses.name,
        changeType: inventoryAudit.changeType,
        oldAvailable: inventoryAudit.oldAvailable,
        newAvailable: inventoryAudit.newAvailable,
        runId: inventoryAudit.runId,
        userId: inventoryAudit.userId,
      })
      .from(inventoryAudit)
      .leftJoin(warehouses, eq(warehouses.id, inventoryAudit.warehouseId))
      .where(and(eq(inventoryAudit.orgId, orgId), eq(inventoryAudit.productId, productId)))
      .orderBy(desc(inventoryAudit.changedAt))
      .limit(100),
    db
      .select({
        day: salesDaily.day,
        orders: sql<number>`sum(${salesDaily.orders})::int`,
        units: sql<number>`sum(${salesDaily.units})::int`,
        revenue: sql<string>`sum(${salesDaily.revenue})::text`,
        returns: sql<number>`sum(${salesDaily.returns})::int`,
      })
      .from(salesDaily)
      .where(
        and(eq(salesDaily.orgId, orgId), eq(salesDaily.productId, productId), gte(salesDaily.day, since)),
      )
      .groupBy(salesDaily.day)
      .orderBy(asc(salesDaily.day)),
    db
      .select({
        accountId: ozonTurnover.accountId,
        sku: ozonTurnover.sku,
        turnoverGrade: ozonTurnover.turnoverGrade,
        turnover: ozonTurnover.turnover,
        idcGrade: ozonTurnover.idcGrade,
        idc: ozonTurnover.idc,
        ads: ozonTurnover.ads,
        currentStock: ozonTurnover.currentStock,
        fetchedAt: ozonTurnover.fetchedAt,
      })
      .from(ozonTurnover)
      .innerJoin(
        listings,
        and(eq(listings.accountId, ozonTurnover.accountId), eq(listings.ozonSku, ozonTurnover.sku)),
      )
      .where(
        and(eq(listings.orgId, orgId), eq(listings.productId, productId), eq(ozonTurnover.complete, true)),
      )
      .orderBy(asc(ozonTurnover.sku)),
    db.execute(lost.series),
    db.execute(lost.history),
    db
      .select({
        minOrderUnits: productSupplySettings.minOrderUnits,
        packSize: productSupplySettings.packSize,
      })
      .from(productSupplySettings)
      .where(and(eq(productSupplySettings.orgId, orgId), eq(productSupplySettings.productId, productId))),
  ]);
  if (!product[0]) return undefined;
  return {
    product: product[0],
    summary: summary[0],
    forecast: storedForecast(summary[0]),
    lostSales: productLostSalesFrom(lostSeries.rows, lostHistory.rows, summary[0]),
    supply: { minOrderUnits: supply[0]?.minOrderUnits ?? null, packSize: supply[0]?.packSize ?? null },
    stock,
    listings: productListings,
    stockHistory,
    audit,
    salesHistory,
    ozonTurnover: turnover,
  };
}
