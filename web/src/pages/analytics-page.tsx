// Analytics for the last 30 days: KPIs beside the previous period, the sales trend by day / week /
// month, top products, categories, regions and ABC classes.
import type { ComponentChildren } from "preact";
import { useEffect, useMemo } from "preact/hooks";
import type { AbcClass, Grain } from "../api/types";
import { Chart } from "../components/chart";
import { KpiCard } from "../components/kpi-card";
import { Pager } from "../components/pager";
import { PeriodPicker } from "../components/period-picker";
import { LoadState } from "../components/states";
import { TableRegion } from "../components/table-region";
import { locale, t } from "../i18n/locale";
import { formatMoney, formatNumber, formatPercent, formatPeriod, formatShare } from "../lib/format";
import { currentSearch } from "../lib/router";
import { analyticsModel } from "../models/analytics";
import { session } from "../models/session";

const GRAINS: Grain[] = ["day", "week", "month"];
const ABC_FILTERS: Array<AbcClass | null> = [null, "A", "B", "C"];

function Change({ value }: { value: number | null | undefined }) {
  if (value === null || value === undefined) return null;
  return <span class={value >= 0 ? "up" : "down"}>{formatPercent(value, true)}</span>;
}

function Kpis() {
  const data = analyticsModel.kpis.data.value;
  return (
    <div class="stats">
      <KpiCard
        label={t("col.revenue")}
        value={data && formatMoney(data.current.revenue)}
        note={data && <Change value={data.change.revenue} />}
      />
      <KpiCard
        label={t("kpi.orders")}
        value={data && formatNumber(data.current.orders)}
        note={data && <Change value={data.change.orders} />}
      />
      <KpiCard
        label={t("kpi.unitsSold")}
        value={data && formatNumber(data.current.units)}
        note={data && <Change value={data.change.units} />}
      />
      <KpiCard
        label={t("kpi.aov")}
        value={data && formatMoney(data.current.averageOrderValue)}
        note={data && <Change value={data.change.averageOrderValue} />}
      />
    </div>
  );
}

function Trend() {
  const { trend, grain } = analyticsModel;
  const data = trend.data.value;
  const chart = useMemo(
    () => ({
      days: data?.points.map((p) => p.period) ?? [],
      series: [
        {
          label: t("chart.revenue"),
          values: data?.points.map((p) => p.revenue) ?? [],
          color: "#2f6fed",
          kind: "bars" as const,
          unit: "money" as const,
        },
      ],
    }),
    [data, locale.value],
  );
  return (
    <section class="card">
      <header class="card-head">
        <h2>{t("analytics.trend")}</h2>
        <fieldset class="segmented" aria-label={t("analytics.trend")}>
          {GRAINS.map((g) => (
            <button
              key={g}
              type="button"
              aria-pressed={grain.value === g}
              onClick={() => analyticsModel.setGrain(g)}
              data-testid={`grain-${g}`}
            >
              {t(`analytics.${g}`)}
            </button>
          ))}
        </fieldset>
      </header>
      <LoadState data={data} error={trend.error.value} onRetry={analyticsModel.load} rows={6}>
        {() => <Chart days={chart.days} series={chart.series} testId="trend-chart" />}
      </LoadState>
    </section>
  );
}

/** A table of one named column (`nameColumn`, the first by default: it wraps) and figures (right-aligned). */
function Table({
  label,
  head,
  rows,
  nameColumn = 0,
  articleColumn,
  phoneCards = false,
}: {
  label: string;
  head: string[];
  rows: ComponentChildren[][];
  nameColumn?: number;
  /** A column of sellers' articles: text in a fixed-width font, not a right-aligned figure. */
  articleColumn?: number;
  /** On a phone, a card per row (each cell under its column's name) instead of scrolling sideways. */
  phoneCards?: boolean;
}) {
  const cellClass = (c: number) => (c === nameColumn ? "name" : c === articleColumn ? "mono" : "num");
  return (
    <TableRegion label={label} phoneCards={phoneCards}>
      <table>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={h} class={cellClass(i) === "num" ? "num" : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c} class={cellClass(c)} data-label={head[c]}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** ABC classes: each class's products and share of revenue over all products, then the ranked list by page. */
function Abc() {
  const { abc, abcClass, abcPage } = analyticsModel;
  return (
    <section class="card" data-testid="abc">
      <header class="card-head">
        <h2>{t("analytics.abc")}</h2>
        <fieldset class="segmented" aria-label={t("analytics.abcFilter")}>
          {ABC_FILTERS.map((name) => (
            <button
              key={name ?? "all"}
              type="button"
              aria-pressed={abcClass.value === name}
              onClick={() => analyticsModel.setAbc({ abcClass: name })}
              data-testid={`abc-class-${name ?? "all"}`}
            >
              {name ?? t("common.all")}
            </button>
          ))}
        </fieldset>
      </header>
      <LoadState
        data={abc.data.value}
        error={abc.error.value}
        onRetry={analyticsModel.load}
        isEmpty={(d) => d.totals.A + d.totals.B + d.totals.C === 0}
      >
        {(d) => (
          <>
            <p class="muted" data-testid="abc-summary">
              {t("analytics.abcSummary", { a: d.totals.A, b: d.totals.B, c: d.totals.C })}
              <br />
              {t("analytics.abcShares", {
                a: formatPercent(d.classes.A.share),
                b: formatPercent(d.classes.B.share),
                c: formatPercent(d.classes.C.share),
              })}
            </p>
            <Table
              label={t("analytics.abc")}
              head={["#", t("col.article"), t("col.name"), t("col.class"), t("col.share"), t("col.revenue")]}
              articleColumn={1}
              nameColumn={2}
              phoneCards
              rows={d.items.map((p) => [
                formatNumber(p.rank),
                p.article,
                <a href={`/inventory/${p.productId}`}>{p.name}</a>,
                p.abcClass,
                formatShare(p.share),
                formatMoney(p.revenue),
              ])}
            />
            <Pager
              page={abcPage.value}
              pages={Math.max(1, d.pages)}
              onPage={(page) => {
                analyticsModel.setAbc({ page });
                // On a phone the pager sits under fifteen cards: the next page starts at the list's top.
                const list = document.querySelector('[data-testid="abc"]');
                if (list && list.getBoundingClientRect().top < 0) list.scrollIntoView({ block: "start" });
              }}
            />
          </>
        )}
      </LoadState>
    </section>
  );
}

export default function AnalyticsPage() {
  const scope = session.dataScope.value;
  const search = currentSearch.value;
  useEffect(() => analyticsModel.fromUrl(search), [search]);
  useEffect(() => analyticsModel.load(), [scope]);
  const { top, categories, regions, kpis } = analyticsModel;
  const period = kpis.data.value?.period;
  return (
    <section class="page">
      <h1>
        {t("analytics.title")}{" "}
        <span class="muted small">{period ? formatPeriod(period.from, period.to) : ""}</span>
      </h1>
      {(["period", "abc"] as const)
        .filter((part) => analyticsModel.addressRefused.value[part])
        .map((part) => (
          <p key={part} class="notice" role="status" data-testid={`address-refused-${part}`}>
            {t(part === "period" ? "analytics.periodRefused" : "analytics.abcRefused")}
          </p>
        ))}
      <PeriodPicker
        key={JSON.stringify(analyticsModel.period.value)}
        value={analyticsModel.period.value}
        onChange={analyticsModel.setPeriod}
      />
      <Kpis />
      <Trend />
      <div class="grid-2">
        <section class="card" data-testid="top-products">
          <h2>{t("analytics.top")}</h2>
          <LoadState
            data={top.data.value}
            error={top.error.value}
            onRetry={analyticsModel.load}
            isEmpty={(d) => d.items.length === 0}
          >
            {(d) => (
              <Table
                label={t("analytics.top")}
                head={[t("col.name"), t("col.units"), t("col.revenue")]}
                rows={d.items.map((p) => [
                  <a href={`/inventory/${p.productId}`}>{p.name}</a>,
                  formatNumber(p.units),
                  formatMoney(p.revenue),
                ])}
              />
            )}
          </LoadState>
        </section>
        <section class="card">
          <h2>{t("analytics.categories")}</h2>
          <LoadState
            data={categories.data.value}
            error={categories.error.value}
            onRetry={analyticsModel.load}
            isEmpty={(d) => d.items.length === 0}
          >
            {(d) => (
              <>
                <Table
                  label={t("analytics.categories")}
                  head={[t("col.category"), t("col.products"), t("col.units"), t("col.revenue")]}
                  rows={d.items.map((c) => [
                    c.category ?? t("analytics.noCategory"),
                    formatNumber(c.products),
                    formatNumber(c.units),
                    formatMoney(c.revenue),
                  ])}
                />
                {d.items.some((c) => c.category === null) && (
                  <p class="muted small" data-testid="no-category-note">
                    {t("analytics.noCategoryNote")}
                  </p>
                )}
              </>
            )}
          </LoadState>
        </section>
        <section class="card">
          <h2>{t("analytics.regions")}</h2>
          <LoadState
            data={regions.data.value}
            error={regions.error.value}
            onRetry={analyticsModel.load}
            isEmpty={(d) => d.items.length === 0}
          >
            {(d) => (
              <Table
                label={t("analytics.regions")}
                head={[t("col.region"), t("col.orders"), t("col.revenue")]}
                rows={d.items.map((r) => [r.region, formatNumber(r.orders), formatMoney(r.revenue)])}
              />
            )}
          </LoadState>
        </section>
        <Abc />
      </div>
    </section>
  );
}
