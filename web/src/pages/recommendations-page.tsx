// Recommendations: what to reorder now, most urgent first, per product or per warehouse, with each
// line's arithmetic on demand and a CSV export.
import { useSignal } from "@preact/signals";
import { type ComponentChildren, Fragment } from "preact";
import { useEffect } from "preact/hooks";
import { Pager } from "../components/pager";
import { EmptyState, ErrorState, Skeleton } from "../components/states";
import { TableRegion } from "../components/table-region";
import { locale, t } from "../i18n/locale";
import { downloadCsv } from "../lib/csv";
import { formatDate, formatNumber } from "../lib/format";
import { isoDay } from "../lib/period";
import { explainReorder } from "../lib/reorder-advice";
import { currentSearch } from "../lib/router";
import { recommendationsModel } from "../models/recommendations";
import { session } from "../models/session";

export default function RecommendationsPage() {
  const scope = session.dataScope.value;
  const search = currentSearch.value;
  useEffect(() => recommendationsModel.fromUrl(search), [search]);
  useEffect(() => recommendationsModel.load(), [scope]);
  const { list, per, onlyReorder, page, set } = recommendationsModel;
  const open = useSignal<string | null>(null);
  const exporting = useSignal(false);
  const data = list.data.value;

  let body: ComponentChildren;
  if (list.error.value && !data)
    body = <ErrorState error={list.error.value} onRetry={recommendationsModel.load} />;
  else if (!data) body = <Skeleton rows={12} />;
  else if (data.items.length === 0)
    // No rows on a page past the end of a list that has some: the pager says so and leads back.
    body =
      data.total > 0 ? (
        <Pager page={page.value} pages={data.pages} onPage={(p) => set({ page: p })} />
      ) : (
        <EmptyState>{t("reco.empty")}</EmptyState>
      );
  else
    body = (
      <>
        <p class="muted small">{t("reco.total", { n: data.total })}</p>
        <TableRegion label={t("reco.title")} phoneCards>
          <table data-testid="recommendations">
            <thead>
              <tr>
                <th>{t("col.article")}</th>
                <th>{t("col.name")}</th>
                {per.value === "warehouse" && <th>{t("col.warehouse")}</th>}
                {per.value === "warehouse" && <th>{t("col.marketplace")}</th>}
                <th class="num">{t("col.available")}</th>
                <th class="num">{t("col.velocity")}</th>
                <th class="num">{t("col.reorderPoint")}</th>
                <th class="num">{t("col.suggested")}</th>
                <th class="num">{t("col.cover")}</th>
                <th>{t("col.stockout")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.items.map((r) => {
                const key = `${r.productId}-${r.warehouseId ?? ""}`;
                return (
                  <Fragment key={key}>
                    <tr class={list.loading.value ? "is-loading" : undefined}>
                      <td class="mono" data-label={t("col.article")}>
                        {r.article}
                      </td>
                      <td class="name" data-label={t("col.name")}>
                        <a href={`/inventory/${r.productId}`}>{r.name}</a>
                      </td>
                      {per.value === "warehouse" && (
                        <td data-label={t("col.warehouse")}>{r.warehouse ?? "—"}</td>
                      )}
                      {per.value === "warehouse" && (
                        <td data-testid="reco-marketplace" data-label={t("col.marketplace")}>
                          {r.marketplace ? (
                            <span class={`mp mp-${r.marketplace}`}>{t(`mp.${r.marketplace}`)}</span>
                          ) : (
                            "—"
                          )}
                        </td>
                      )}
                      <td class="num" data-label={t("col.available")}>
                        {formatNumber(r.inputs.available)}
                      </td>
                      <td class="num" data-label={t("col.velocity")}>
                        {formatNumber(r.inputs.velocity, 2)}
                      </td>
                      <td class="num" data-label={t("col.reorderPoint")}>
                        {formatNumber(r.reorderPoint)}
                      </td>
                      <td class="num" data-label={t("col.suggested")}>
                        <strong>{formatNumber(r.suggestedQuantity)}</strong>
                      </td>
                      <td class="num" data-label={t("col.cover")}>
                        {r.daysOfCover === null ? "—" : formatNumber(r.daysOfCover, 1)}
                      </td>
                      <td data-label={t("col.stockout")}>{formatDate(r.stockoutDate)}</td>
                      <td>
                        <button
                          type="button"
                          class="button small"
                          aria-expanded={open.value === key}
                          onClick={() => (open.value = open.value === key ? null : key)}
                        >
                          {t("reco.why")}
                        </button>
                      </td>
                    </tr>
                    {open.value === key && (
                      <tr>
                        <td colSpan={per.value === "warehouse" ? 11 : 9} class="explain">
                          {explainReorder(r.inputs, r, locale.value).join(" ")}
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
        <Pager page={page.value} pages={data.pages} onPage={(p) => set({ page: p })} />
      </>
    );

  return (
    <section class="page">
      <h1>{t("reco.title")}</h1>
      <div class="card toolbar">
        <fieldset class="segmented" aria-label={t("reco.per")}>
          <button
            type="button"
            aria-pressed={per.value === "product"}
            onClick={() => set({ per: "product" })}
          >
            {t("reco.perProduct")}
          </button>
          <button
            type="button"
            aria-pressed={per.value === "warehouse"}
            onClick={() => set({ per: "warehouse" })}
          >
            {t("reco.perWarehouse")}
          </button>
        </fieldset>
        <label class="small check-line">
          <input
            type="checkbox"
            checked={onlyReorder.value}
            onChange={(e) => set({ onlyReorder: e.currentTarget.checked })}
          />
          {t("reco.onlyReorder")}
        </label>
        <span class="spacer" />
        <button
          type="button"
          class="button"
          disabled={exporting.value}
          onClick={async () => {
            exporting.value = true;
            try {
              downloadCsv(
                `recommendations-${isoDay(new Date())}.csv`,
                await recommendationsModel.exportAll(),
              );
            } finally {
              exporting.value = false;
            }
          }}
        >
          {t("common.export")}
        </button>
      </div>
      <div class="card">{body}</div>
    </section>
  );
}
