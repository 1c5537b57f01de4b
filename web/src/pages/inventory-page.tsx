// Inventory: search, filters (marketplace, warehouse, category, status), sort, CSV export, and a paged
// table of products linking to each product's page.
import { useEffect } from "preact/hooks";
import { STOCK_STATUSES } from "../../../domain/stock-status";
import type { Marketplace, StockStatus } from "../api/types";
import { Pager } from "../components/pager";
import { EmptyState, ErrorState, Skeleton } from "../components/states";
import { StatusBadge } from "../components/status-badge";
import { TableRegion } from "../components/table-region";
import { t } from "../i18n/locale";
import { formatDate, formatNumber } from "../lib/format";
import { currentSearch } from "../lib/router";
import { inventoryModel } from "../models/inventory";
import { INVENTORY_SORTS, type InventorySort } from "../models/inventory-query";
import { session } from "../models/session";

function Filters() {
  const { filters, warehouses, categories, set } = inventoryModel;
  const f = filters.value;
  const warehouseOptions = (warehouses.data.value?.items ?? []).filter(
    (w) => !f.marketplace || w.marketplace === f.marketplace,
  );
  const categoryOptions = (categories.data.value?.items ?? [])
    .map((c) => c.category)
    .filter((c): c is string => !!c);
  return (
    <div class="toolbar">
      <input
        type="search"
        placeholder={t("inventory.search")}
        aria-label={t("inventory.search")}
        value={f.search}
        onInput={(event) => set("search", event.currentTarget.value)}
        data-testid="inventory-search"
      />
      <select
        aria-label={t("inventory.marketplace")}
        value={f.marketplace}
        onChange={(e) => set("marketplace", e.currentTarget.value as Marketplace | "")}
      >
        <option value="">
          {t("inventory.marketplace")}: {t("common.all")}
        </option>
        <option value="ozon">{t("mp.ozon")}</option>
        <option value="wb">{t("mp.wb")}</option>
      </select>
      <select
        aria-label={t("inventory.warehouse")}
        value={f.warehouseId === null ? "" : String(f.warehouseId)}
        onChange={(e) => set("warehouseId", e.currentTarget.value ? Number(e.currentTarget.value) : null)}
      >
        <option value="">
          {t("inventory.warehouse")}: {t("common.all")}
        </option>
        {warehouseOptions.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name} ({t(`mp.${w.marketplace}`)})
          </option>
        ))}
      </select>
      <select
        aria-label={t("inventory.category")}
        value={f.category}
        onChange={(e) => set("category", e.currentTarget.value)}
      >
        <option value="">
          {t("inventory.category")}: {t("common.all")}
        </option>
        {categoryOptions.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <select
        aria-label={t("inventory.status")}
        value={f.status}
        onChange={(e) => set("status", e.currentTarget.value as StockStatus | "")}
        data-testid="inventory-status"
      >
        <option value="">
          {t("inventory.status")}: {t("common.all")}
        </option>
        {STOCK_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t("inventory.sort")}
        value={f.sort}
        onChange={(e) => set("sort", e.currentTarget.value as InventorySort)}
      >
        {INVENTORY_SORTS.map((s) => (
          <option key={s} value={s}>
            {t("inventory.sort")}: {t(`sort.${s}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        class="button"
        onClick={() => set("order", f.order === "asc" ? "desc" : "asc")}
        aria-label={t(`sort.${f.order}`)}
        title={t(`sort.${f.order}`)}
      >
        {f.order === "asc" ? "↑" : "↓"}
      </button>
      <a class="button" href={inventoryModel.csvPath.value} download data-testid="inventory-csv">
        {t("common.export")}
      </a>
    </div>
  );
}

function InventoryTable() {
  const { list, filters, set } = inventoryModel;
  const data = list.data.value;
  if (list.error.value && !data) return <ErrorState error={list.error.value} onRetry={inventoryModel.load} />;
  if (!data) return <Skeleton rows={12} />;
  if (data.items.length === 0)
    // No rows on a page past the end of a list that has some: the pager says so and leads back.
    return data.total > 0 ? (
      <Pager page={filters.value.page} pages={data.pages} onPage={(page) => set("page", page)} />
    ) : (
      <EmptyState>{t("inventory.empty")}</EmptyState>
    );
  return (
    <>
      <p class="muted small" data-testid="inventory-total">
        {t("inventory.total", { n: data.total })}
      </p>
      <TableRegion label={t("inventory.title")}>
        <table data-testid="inventory-table">
          <thead>
            <tr>
              {/* Status and available next to the pinned article: on a phone they show without scrolling. */}
              <th>{t("col.article")}</th>
              <th>{t("col.status")}</th>
              <th class="num">{t("col.available")}</th>
              <th>{t("col.name")}</th>
              <th>{t("col.category")}</th>
              <th class="num">{t("col.reserved")}</th>
              <th class="num">{t("col.inTransit")}</th>
              <th class="num">{t("col.velocity")}</th>
              <th class="num">{t("col.cover")}</th>
              <th>{t("col.stockout")}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((line) => (
              <tr key={line.productId} class={list.loading.value ? "is-loading" : undefined}>
                <td class="mono">{line.article}</td>
                <td>
                  <StatusBadge status={line.status} />
                </td>
                <td class="num">{formatNumber(line.available)}</td>
                <td class="name">
                  <a href={`/inventory/${line.productId}`}>{line.name}</a>
                </td>
                <td>{line.category ?? "—"}</td>
                <td class="num">{formatNumber(line.reserved)}</td>
                <td class="num">{formatNumber(line.inTransit)}</td>
                <td class="num">{formatNumber(line.velocity, 2)}</td>
                <td class="num">{line.daysOfCover === null ? "—" : formatNumber(line.daysOfCover, 1)}</td>
                <td>{formatDate(line.stockoutDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <Pager page={filters.value.page} pages={data.pages} onPage={(page) => set("page", page)} />
    </>
  );
}

export default function InventoryPage() {
  const scope = session.dataScope.value;
  const search = currentSearch.value;
  useEffect(() => inventoryModel.fromUrl(search), [search]);
  useEffect(() => inventoryModel.load(), [scope]);
  return (
    <section class="page">
      <h1>{t("inventory.title")}</h1>
      {inventoryModel.ignored.value.length > 0 && (
        <p class="notice" role="status" data-testid="address-ignored">
          {t("inventory.addressIgnored", { names: inventoryModel.ignored.value.join(", ") })}
        </p>
      )}
      <div class="card">
        <Filters />
      </div>
      <div class="card">
        <InventoryTable />
      </div>
    </section>
  );
}
