// The Overview: KPI cards, the money (what to order today, ₽ lost to stock-outs, ₽ in stock), data freshness
// per account, and the critical / low / overstock categories with Top-10 or every product (virtualized).
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import type { StockStatus } from "../api/types";
import { FailingChannelsBanner } from "../components/failing-channels-banner";
import { FreshnessPanel } from "../components/freshness-panel";
import { KpiCard } from "../components/kpi-card";
import { EmptyState, ErrorState, Skeleton } from "../components/states";
import { StatusBadge } from "../components/status-badge";
import { STOCK_ROW_HEIGHT, StockRow, StockRowHeader } from "../components/stock-row";
import { VirtualList } from "../components/virtual-list";
import { t } from "../i18n/locale";
import { formatMoney, formatNumber, formatPercent } from "../lib/format";
import { CATEGORIES, overviewModel } from "../models/overview";
import { session } from "../models/session";
import { syncModel } from "../models/sync";
import { warehousesModel } from "../models/warehouses";

function CategoryPanel({ status }: { status: StockStatus }) {
  const { dashboard, everything, expanded } = overviewModel;
  const count = dashboard.data.value?.counts[status];
  const showingAll = expanded.value === status;
  const rows = overviewModel.rowsFor(status);
  const waitingForAll = showingAll && !everything.data.value;
  let body: ComponentChildren;
  if (dashboard.error.value && !dashboard.data.value)
    body = <ErrorState error={dashboard.error.value} onRetry={overviewModel.load} />;
  else if (showingAll && everything.error.value && !everything.data.value)
    body = <ErrorState error={everything.error.value} onRetry={() => overviewModel.toggle(status)} />;
  else if (!rows || waitingForAll) body = <Skeleton rows={10} height={STOCK_ROW_HEIGHT} />;
  else if (rows.length === 0) body = <EmptyState>{t("overview.categoryEmpty")}</EmptyState>;
  else if (showingAll)
    body = (
      <VirtualList
        items={rows}
        rowHeight={STOCK_ROW_HEIGHT}
        height={STOCK_ROW_HEIGHT * 10}
        label={t(`status.${status}`)}
        testId={`all-${status}`}
        renderRow={(line) => <StockRow line={line} />}
      />
    );
  else
    body = (
      <ul
        class="top-list"
        data-testid={`top-${status}`}
        style={{ minHeight: `${STOCK_ROW_HEIGHT * Math.min(10, rows.length)}px` }}
      >
        {rows.map((line) => (
          <li key={line.productId}>
            <StockRow line={line} />
          </li>
        ))}
      </ul>
    );
  return (
    <section class={`card category category-${status}`} data-testid={`category-${status}`}>
      <header class="card-head">
        <h2>
          <StatusBadge status={status} />{" "}
          <span class="count" data-testid={`count-${status}`}>
            {count === undefined ? "…" : formatNumber(count)}
          </span>
        </h2>
        <button
          type="button"
          class="button small"
          aria-pressed={showingAll}
          disabled={!count}
          onClick={() => overviewModel.toggle(status)}
          data-testid={`toggle-${status}`}
        >
          {showingAll ? t("common.showTop") : t("common.showAll")}
        </button>
      </header>
      <StockRowHeader />
      {body}
    </section>
  );
}

function KpiRow() {
  const dashboard = overviewModel.dashboard.data.value;
  const kpis = overviewModel.kpis.data.value;
  const units = warehousesModel.totalUnits.value;
  const change = kpis?.change.revenue;
  return (
    <div class="kpis">
      <KpiCard
        label={t("kpi.products")}
        value={dashboard && formatNumber(dashboard.total)}
        testId="kpi-products"
      />
      <KpiCard
        label={t("kpi.units")}
        value={units === undefined ? undefined : formatNumber(units)}
        testId="kpi-units"
      />
      <KpiCard
        label={t("status.critical")}
        tone="critical"
        value={dashboard && formatNumber(dashboard.counts.critical)}
        testId="kpi-critical"
      />
      <KpiCard
        label={t("status.low")}
        tone="low"
        value={dashboard && formatNumber(dashboard.counts.low)}
        testId="kpi-low"
      />
      <KpiCard
        label={t("status.overstock")}
        tone="overstock"
        value={dashboard && formatNumber(dashboard.counts.overstock)}
        testId="kpi-overstock"
      />
      <KpiCard
        label={t("kpi.revenue30")}
        value={kpis && formatMoney(kpis.current.revenue)}
        testId="kpi-revenue"
        note={
          kpis && (
            <>
              {change !== null && change !== undefined && (
                <span class={change >= 0 ? "up" : "down"}>{formatPercent(change, true)} </span>
              )}
              {t("kpi.previous", { value: formatMoney(kpis.previous.revenue) })}
            </>
          )
        }
      />
    </div>
  );
}

/** What to order today (the Recommendations' "order now" list), ₽ lost to stock-outs and ₽ in stock. */
function MoneyRow() {
  const money = overviewModel.dashboard.data.value?.money;
  if (money === null) return null;
  return (
    <div class="kpis money" title={t("money.priceNote")}>
      <KpiCard
        label={t("money.orderToday")}
        tone="low"
        value={money && formatMoney(money.orderToday.rub)}
        testId="money-order-today"
        note={
          money && (
            <>
              {t("money.orderTodayNote", {
                products: money.orderToday.products,
                units: money.orderToday.units,
              })}{" "}
              · <a href="/recommendations">{t("money.toRecommendations")}</a>
            </>
          )
        }
      />
      <KpiCard
        label={t("money.lost30", {
          days: money?.lostSales.observedDays ?? money?.lostSales.periodDays ?? 30,
        })}
        tone="critical"
        value={money && formatMoney(money.lostSales.rub)}
        testId="money-lost"
        note={
          money &&
          [
            t("money.lostNote", { units: money.lostSales.units }),
            ...(money.lostSales.observedDays < money.lostSales.periodDays
              ? [t("money.lostHistory", { period: money.lostSales.periodDays })]
              : []),
          ].join(" · ")
        }
      />
      <KpiCard
        label={t("money.stock")}
        value={money && formatMoney(money.stockRub)}
        testId="money-stock"
        note={money && t("money.overstockNote", { value: formatMoney(money.overstockRub) })}
      />
    </div>
  );
}

export function OverviewPage() {
  const scope = session.dataScope.value;
  useEffect(() => {
    overviewModel.load();
    warehousesModel.loadWarehouses();
  }, [scope]);
  useEffect(() => {
    void syncModel.refresh();
  }, [scope]);

  const kpiError = overviewModel.kpis.error.value;
  return (
    <section class="page">
      <h1>{t("overview.title")}</h1>
      <FailingChannelsBanner load />
      <KpiRow />
      <MoneyRow />
      {kpiError && !overviewModel.kpis.data.value && (
        <ErrorState error={kpiError} onRetry={overviewModel.load} />
      )}
      <FreshnessPanel />
      <div class="categories">
        {CATEGORIES.map((status) => (
          <CategoryPanel key={status} status={status} />
        ))}
      </div>
    </section>
  );
}
