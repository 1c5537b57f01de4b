// Supply plan: per cluster (or warehouse outside any), which products to ship and how many, with each line's
// arithmetic on demand ("Why?", domain/supply-plan-explanation.ts in the reader's language), how its units
// compare with "order now", a page of lines at a time, and the API's CSV of every line. On a phone the key
// columns come first (article pinned, quantity, value) and the secondary ones hide.
import { useSignal } from "@preact/signals";
import { type ComponentChildren, Fragment } from "preact";
import { useEffect } from "preact/hooks";
import { explainSupply } from "../../../domain/supply-plan-explanation";
import type { Marketplace } from "../api/types";
import { Pager } from "../components/pager";
import { EmptyState, ErrorState, Skeleton } from "../components/states";
import { SupplyReconciliationNote } from "../components/supply-reconciliation";
import { TableRegion } from "../components/table-region";
import { locale, t } from "../i18n/locale";
import { formatMoney, formatNumber } from "../lib/format";
import { session } from "../models/session";
import {
  emptyPlanKey,
  groupTotalsKey,
  SUPPLY_SEARCH_MAX,
  type SupplyDestination,
  supplyPlanModel,
} from "../models/supply-plan";
import { syncModel } from "../models/sync";

const COLUMNS = 10;

function DestinationTable({ group, pages }: { group: SupplyDestination; pages: number }) {
  const open = useSignal<number | null>(null);
  return (
    <div class="card" data-testid="supply-destination">
      <h2>
        <span translate={false}>{group.name}</span>{" "}
        <span class={`mp mp-${group.marketplace}`}>{t(`mp.${group.marketplace}`)}</span>
      </h2>
      <p class="muted small">
        {group.kind === "cluster" ? t("supply.cluster") : t("supply.warehouse")}
        {group.kind === "cluster" && (
          <>
            {": "}
            <span translate={false}>{group.warehouses.join(", ")}</span>
          </>
        )}
        {" · "}
        {t(groupTotalsKey(pages), { units: group.units, value: formatMoney(group.value) })}
      </p>
      <TableRegion label={group.name} phoneCards>
        <table data-testid="supply-table">
          <thead>
            <tr>
              <th>{t("col.article")}</th>
              <th class="num">{t("supply.ship")}</th>
              <th class="num">{t("supply.value")}</th>
              <th>{t("col.name")}</th>
              <th class="num">{t("col.available")}</th>
              <th class="num hide-phone">{t("col.inTransit")}</th>
              <th class="num">{t("col.velocity")}</th>
              <th class="num hide-phone">{t("supply.packs")}</th>
              <th class="num hide-phone">{t("supply.coverAfter")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {group.lines.map((line) => (
              <Fragment key={line.productId}>
                <tr>
                  <td class="mono" translate={false} data-label={t("col.article")}>
                    {line.article}
                  </td>
                  <td class="num" data-label={t("supply.ship")}>
                    {line.outcome === "ship" ? (
                      <strong>{formatNumber(line.quantity)}</strong>
                    ) : (
                      <span class="muted">{t(`supply.outcome.${line.outcome}`)}</span>
                    )}
                  </td>
                  <td class="num" data-label={t("supply.value")}>
                    {formatMoney(line.value)}
                  </td>
                  <td class="name" translate={false} data-label={t("col.name")}>
                    <a href={`/inventory/${line.productId}`}>{line.name}</a>
                  </td>
                  <td class="num" data-label={t("col.available")}>
                    {formatNumber(line.inputs.available)}
                  </td>
                  <td class="num hide-phone" data-label={t("col.inTransit")}>
                    {formatNumber(line.inputs.inTransit)}
                  </td>
                  <td class="num" data-label={t("col.velocity")}>
                    {formatNumber(line.inputs.velocity, 2)}
                  </td>
                  <td class="num hide-phone" data-label={t("supply.packs")}>
                    {line.inputs.packSize > 1
                      ? `${formatNumber(line.packs)} × ${formatNumber(line.inputs.packSize)}`
                      : formatNumber(line.packs)}
                  </td>
                  <td class="num hide-phone" data-label={t("supply.coverAfter")}>
                    {line.coverAfterDays === null ? "—" : formatNumber(line.coverAfterDays, 1)}
                  </td>
                  <td>
                    <button
                      type="button"
                      class="button small"
                      aria-expanded={open.value === line.productId}
                      onClick={() => (open.value = open.value === line.productId ? null : line.productId)}
                    >
                      {t("reco.why")}
                    </button>
                  </td>
                </tr>
                {open.value === line.productId && (
                  <tr>
                    <td colSpan={COLUMNS} class="explain" data-testid="supply-why">
                      {[
                        t("supply.share", {
                          velocity: formatNumber(line.inputs.velocity, 3),
                          share: formatNumber(line.demandShare * 100, 1),
                          product: formatNumber(line.productVelocity, 3),
                        }),
                        ...explainSupply(line.inputs, line, locale.value),
                      ].join(" ")}
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </div>
  );
}

export default function SupplyPlanPage() {
  const scope = session.dataScope.value;
  useEffect(() => supplyPlanModel.load(), [scope]);
  const { plan, destinations, marketplace, search, all, page, pages, set, type, exportHref } =
    supplyPlanModel;
  const data = plan.data.value;
  const empty = data !== undefined && data.items.length === 0 && page.value <= 1;
  // An empty plan without a search says whether the organization has accounts at all.
  useEffect(() => {
    if (empty) syncModel.ensureAccounts();
  }, [empty]);
  const emptyKey = empty ? emptyPlanKey(search.value, syncModel.accountCount.value) : null;

  let body: ComponentChildren;
  if (plan.error.value && !data)
    body = (
      <div class="card">
        <ErrorState error={plan.error.value} onRetry={supplyPlanModel.load} />
      </div>
    );
  else if (!data)
    body = (
      <div class="card">
        <Skeleton rows={12} />
      </div>
    );
  else if (empty)
    body = (
      <div class="card">
        {emptyKey ? (
          <EmptyState>{t(emptyKey, { search: search.value.trim() })}</EmptyState>
        ) : (
          <Skeleton rows={2} />
        )}
        {data.reconciliation && <SupplyReconciliationNote reconciliation={data.reconciliation} />}
      </div>
    );
  else
    body = (
      <>
        <p class="muted small" data-testid="supply-totals">
          {t("supply.totals", {
            lines: data.totals.lines,
            units: data.totals.units,
            value: formatMoney(data.totals.value),
          })}
        </p>
        {data.reconciliation && <SupplyReconciliationNote reconciliation={data.reconciliation} />}
        {destinations.value.map((group) => (
          <DestinationTable key={group.key} group={group} pages={pages.value} />
        ))}
        <Pager
          page={page.value}
          pages={pages.value}
          onPage={(next) => {
            set({ page: next });
            // On a phone the pager sits under fifty cards: the next page starts at the list's top.
            const list = document.querySelector('[data-testid="supply-totals"]');
            if (list && list.getBoundingClientRect().top < 0) list.scrollIntoView({ block: "start" });
          }}
        />
      </>
    );

  return (
    <section class="page">
      <h1>{t("supply.title")}</h1>
      <p class="muted">{t("supply.intro")}</p>
      <div class="card toolbar">
        <input
          type="search"
          placeholder={t("supply.search")}
          aria-label={t("supply.search")}
          value={search.value}
          maxLength={SUPPLY_SEARCH_MAX}
          onInput={(event) => type(event.currentTarget.value)}
          data-testid="supply-search"
        />
        <select
          aria-label={t("supply.marketplace")}
          value={marketplace.value}
          onChange={(e) => set({ marketplace: e.currentTarget.value as Marketplace | "" })}
        >
          <option value="">
            {t("supply.marketplace")}: {t("common.all")}
          </option>
          <option value="ozon">{t("mp.ozon")}</option>
          <option value="wb">{t("mp.wb")}</option>
        </select>
        <label class="small check-line">
          <input
            type="checkbox"
            checked={all.value}
            onChange={(e) => set({ all: e.currentTarget.checked })}
          />
          {t("supply.all")}
        </label>
        <span class="spacer" />
        <a class="button" href={exportHref.value} download data-testid="supply-export">
          {t("common.export")}
        </a>
      </div>
      {/* A refused or failed reload (the data shown is the previous answer's): say so above it. */}
      {plan.error.value && data && (
        <div class="card" data-testid="supply-reload-error">
          <ErrorState error={plan.error.value} onRetry={supplyPlanModel.load} />
        </div>
      )}
      {body}
    </section>
  );
}
