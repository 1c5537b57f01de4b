// One product: headline numbers, reorder advice with its arithmetic, stock per warehouse, sales lost to
// stock-outs per warehouse, the stock-history and sales charts, and its listings on both marketplaces.
import { useEffect, useMemo } from "preact/hooks";
import type { ProductDetail, ProductListing, Settings } from "../api/types";
import { Chart, type ChartSeries } from "../components/chart";
import { KpiCard } from "../components/kpi-card";
import { ProductSupplyForm } from "../components/product-supply-form";
import { EmptyState, ErrorState, Skeleton } from "../components/states";
import { StatusBadge } from "../components/status-badge";
import { TableRegion } from "../components/table-region";
import { locale, t } from "../i18n/locale";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "../lib/format";
import { ozonGradeText } from "../lib/ozon-grade";
import { explainReorder, reorderAdvice } from "../lib/reorder-advice";
import { route } from "../lib/router";
import { stockWithSizes } from "../lib/stock-sizes";
import { productModel } from "../models/product";
import { session } from "../models/session";

function Advice({ detail, settings }: { detail: ProductDetail; settings: Settings | undefined }) {
  if (!settings) return <Skeleton rows={3} />;
  const inputs = {
    available: detail.available,
    inTransit: detail.stock.reduce((sum, line) => sum + line.inTransit, 0),
    velocity: detail.velocity,
    leadTimeDays: settings.leadTimeDays,
    safetyStockDays: settings.safetyStockDays,
    targetCoverDays: settings.targetCoverDays,
  };
  const advice = reorderAdvice(inputs);
  return (
    <div class="advice" data-testid="reorder-advice">
      <strong>
        {advice.needsReorder
          ? t("product.reorderNow", { qty: formatNumber(advice.suggestedQuantity) })
          : t("product.noReorder")}
      </strong>
      <ol>
        {explainReorder(inputs, advice, locale.value).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
    </div>
  );
}

/**
 * Sales lost per warehouse over the days of the API's period with stock history (our estimate by Ozon's method),
 * in units and roubles at the product's one price, with how they are counted.
 */
function LostSales({ lost }: { lost: ProductDetail["lostSales"] }) {
  const title =
    lost.observedDays > 0
      ? t("product.lostSales", { days: lost.observedDays })
      : t("product.lostSalesNoHistory");
  return (
    <section class="card" data-testid="product-lost-sales">
      <h2>
        {title} <span class="muted small">{formatMoney(lost.rub)}</span>
      </h2>
      <p class="muted small">
        {t("product.lostSalesNote", {
          price: formatMoney(lost.unitPrice),
          source: t(`price.source.${lost.priceSource}`),
          period: lost.periodDays,
        })}
      </p>
      {lost.byWarehouse.length === 0 ? (
        // Without a day of stock history nothing can be said yet, not that nothing was lost.
        <EmptyState>
          {t(lost.observedDays > 0 ? "product.noLostSales" : "product.lostSalesNotYet")}
        </EmptyState>
      ) : (
        <TableRegion label={title}>
          <table>
            <thead>
              <tr>
                <th>{t("col.warehouse")}</th>
                <th class="num">{t("product.averageDailySales")}</th>
                <th class="num">{t("product.daysOut")}</th>
                <th class="num">{t("product.lostUnits")}</th>
                <th class="num">{t("product.lostRub")}</th>
              </tr>
            </thead>
            <tbody>
              {lost.byWarehouse.map((line) => (
                <tr key={line.warehouseId}>
                  <td>{line.warehouse}</td>
                  <td class="num">{formatNumber(line.averageDailySales, 2)}</td>
                  <td class="num">{formatNumber(line.daysOutOfStock)}</td>
                  <td class="num">{formatNumber(line.lostUnits, 1)}</td>
                  <td class="num">{formatMoney(line.rub)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}

function Listings({ listings }: { listings: ProductListing[] }) {
  return (
    <section class="card">
      <h2>
        {t("product.listings")} <span class="muted small">{formatNumber(listings.length)}</span>
      </h2>
      {listings.length === 0 ? (
        <EmptyState>{t("product.noListings")}</EmptyState>
      ) : (
        <TableRegion label={t("product.listings")}>
          <table data-testid="product-listings">
            <thead>
              <tr>
                <th>{t("col.marketplace")}</th>
                <th>{t("col.marketplaceId")}</th>
                <th>{t("col.offer")}</th>
                <th>{t("col.size")}</th>
                <th>{t("col.barcode")}</th>
                <th class="num">{t("col.price")}</th>
              </tr>
            </thead>
            <tbody>
              {listings.map((listing) => {
                const id = listing.marketplace === "ozon" ? listing.ozonSku : listing.wbNmId;
                const price =
                  listing.price === null || listing.price === undefined ? null : Number(listing.price);
                return (
                  <tr
                    key={listing.id}
                    data-testid="listing-row"
                    class={listing.active === false ? "muted" : undefined}
                  >
                    <td>
                      <span class={`mp mp-${listing.marketplace}`}>{t(`mp.${listing.marketplace}`)}</span>
                      {listing.active === false && <span class="small"> · {t("product.inactive")}</span>}
                    </td>
                    <td class="mono">{id ?? listing.externalKey}</td>
                    <td class="mono">{listing.offerId ?? "—"}</td>
                    <td>{listing.size ?? "—"}</td>
                    <td class="mono">{listing.barcode ?? "—"}</td>
                    <td class="num">{price === null || Number.isNaN(price) ? "—" : formatMoney(price)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}

function Charts({ detail }: { detail: ProductDetail }) {
  const stock = useMemo(() => {
    const series: ChartSeries[] = [
      { label: t("chart.available"), values: detail.stockHistory.map((d) => d.available), color: "#2f6fed" },
    ];
    return { days: detail.stockHistory.map((d) => d.day), series };
  }, [detail, locale.value]);
  const sales = useMemo(() => {
    const series: ChartSeries[] = [
      {
        label: t("chart.units"),
        values: detail.salesHistory.map((d) => d.units),
        color: "#2e9d5a",
        kind: "bars",
      },
    ];
    return { days: detail.salesHistory.map((d) => d.day), series };
  }, [detail, locale.value]);
  return (
    <div class="grid-2">
      <section class="card">
        <h2>{t("product.stockHistory")}</h2>
        <Chart days={stock.days} series={stock.series} testId="stock-chart" />
      </section>
      <section class="card">
        <h2>{t("product.salesHistory")}</h2>
        <Chart days={sales.days} series={sales.series} testId="sales-chart" />
      </section>
    </div>
  );
}

export default function ProductPage() {
  const current = route.value;
  const id = current.page === "product" ? current.id : 0;
  const scope = session.dataScope.value;
  useEffect(() => productModel.load(id), [id, scope]);
  const { detail, settings } = productModel;
  const data = detail.data.value?.product.id === id ? detail.data.value : undefined;
  const { lines: stockLines, sized } = data ? stockWithSizes(data) : { lines: [], sized: false };

  return (
    <section class="page">
      <a href="/inventory" class="small">
        ← {t("nav.inventory")}
      </a>
      {detail.error.value?.status === 404 && !data ? (
        // A link to a product since deleted, or of another organization: no retry can bring it.
        <>
          <h1>{t("product.title")}</h1>
          <EmptyState>
            {t("product.notFound")} <a href="/inventory">{t("product.backToInventory")}</a>
          </EmptyState>
        </>
      ) : detail.error.value && !data ? (
        <ErrorState error={detail.error.value} onRetry={() => productModel.load(id)} />
      ) : !data ? (
        <>
          <h1>{t("product.title")}</h1>
          <Skeleton rows={10} />
        </>
      ) : (
        <>
          <h1 data-testid="product-name">
            {data.product.name} <StatusBadge status={data.status} />
          </h1>
          <p class="muted">
            <span class="mono">{data.product.article}</span>
            {data.product.brand ? ` · ${data.product.brand}` : ""}
            {data.product.category ? ` · ${data.product.category}` : ""}
          </p>
          <div class="stats">
            <KpiCard label={t("product.available")} value={formatNumber(data.available)} />
            <KpiCard label={t("product.velocity")} value={formatNumber(data.velocity, 2)} />
            <KpiCard
              label={t("product.cover")}
              value={data.daysOfCover === null ? "—" : formatNumber(data.daysOfCover, 1)}
              note={data.daysOfCover === null ? t("product.noSales") : undefined}
            />
            <KpiCard label={t("product.stockout")} value={formatDate(data.stockoutDate)} />
            {/* Ozon's own figures, to compare with the seller's cabinet. */}
            {data.ozonTurnover.map((o) => (
              <KpiCard
                key={`${o.accountId}:${o.sku}`}
                testId={`ozon-turnover-${o.sku}`}
                label={t("product.ozonCover", { sku: String(o.sku) })}
                value={formatNumber(o.idc, 1)}
                note={t("product.ozonCoverNote", {
                  grade: ozonGradeText(o.idcGrade),
                  ads: formatNumber(o.ads, 2),
                  turnover: formatNumber(o.turnover, 1),
                  turnoverGrade: ozonGradeText(o.turnoverGrade),
                })}
              />
            ))}
          </div>
          <section class="card">
            <h2>{t("product.advice")}</h2>
            <Advice detail={data} settings={settings.data.value} />
          </section>
          <Charts detail={data} />
          <section class="card">
            <h2>{t("product.stockByWarehouse")}</h2>
            <TableRegion label={t("product.stockByWarehouse")}>
              <table data-testid="product-stock">
                <thead>
                  <tr>
                    <th>{t("col.marketplace")}</th>
                    <th>{t("col.warehouse")}</th>
                    {sized && <th>{t("col.size")}</th>}
                    <th>{t("col.region")}</th>
                    <th class="num">{t("col.available")}</th>
                    <th class="num">{t("col.reserved")}</th>
                    <th class="num">{t("col.inTransit")}</th>
                    <th class="num">{t("col.quality")}</th>
                    <th>{t("col.synced")}</th>
                  </tr>
                </thead>
                <tbody>
                  {stockLines.map((line) => (
                    <tr key={`${line.listingId}-${line.warehouseId}`}>
                      <td>
                        <span class={`mp mp-${line.marketplace}`}>{t(`mp.${line.marketplace}`)}</span>
                      </td>
                      <td>{line.warehouse}</td>
                      {sized && <td>{line.size ?? "—"}</td>}
                      <td>{line.region ?? "—"}</td>
                      <td class="num">{formatNumber(line.available)}</td>
                      <td class="num">{formatNumber(line.reserved)}</td>
                      <td class="num">{formatNumber(line.inTransit)}</td>
                      <td class="num">{formatNumber(line.qualityScore, 2)}</td>
                      <td>{formatDateTime(line.lastSyncedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </section>
          <LostSales lost={data.lostSales} />
          <ProductSupplyForm productId={data.product.id} supply={data.supply} />
          <Listings listings={data.listings} />
          {data.audit.length > 0 && (
            <section class="card">
              <h2>{t("product.changes")}</h2>
              <TableRegion label={t("product.changes")}>
                <table>
                  <tbody>
                    {data.audit.slice(0, 20).map((change, index) => (
                      <tr key={index}>
                        <td>{formatDateTime(change.changedAt)}</td>
                        <td>{change.warehouse ?? "—"}</td>
                        <td>{t(`change.${change.changeType}`)}</td>
                        <td class="num">
                          {change.oldAvailable === null ? "—" : formatNumber(change.oldAvailable)} →{" "}
                          {formatNumber(change.newAvailable)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            </section>
          )}
        </>
      )}
    </section>
  );
}
