// What to reorder, most urgent first, per product or per product × warehouse, paged; exported as CSV.
import { batch, signal } from "@preact/signals";
import { apiGet, apiPath } from "../api/client";
import type { Recommendation, Recommendations } from "../api/types";
import { locale, t } from "../i18n/locale";
import { type CsvCell, toCsv } from "../lib/csv";
import { explainReorder } from "../lib/reorder-advice";
import { setQuery } from "../lib/router";
import {
  DEFAULT_VIEW,
  type RecommendationsView,
  recommendationsQuery,
  viewFromQuery,
} from "./recommendations-query";
import { createResource } from "./resource";
import { session } from "./session";

export const RECOMMENDATION_PAGE_SIZE = 100;

/** The recommendations as CSV in the interface language: its headers, statuses and number dialect. */
export function recommendationsCsv(items: readonly Recommendation[]): string {
  const language = locale.value;
  const header = [
    t("col.article"),
    t("col.name"),
    t("col.marketplace"),
    t("col.warehouse"),
    t("col.available"),
    t("col.inTransit"),
    t("col.velocity"),
    t("col.reorderPoint"),
    t("col.suggested"),
    t("col.cover"),
    t("col.stockout"),
    t("col.reorderIn"),
    t("reco.why"),
  ];
  const rows: CsvCell[][] = items.map((r) => [
    r.article,
    r.name,
    r.marketplace && t(`mp.${r.marketplace}`),
    r.warehouse,
    r.inputs.available,
    r.inputs.inTransit,
    r.inputs.velocity,
    r.reorderPoint,
    r.suggestedQuantity,
    r.daysOfCover,
    r.stockoutDate,
    r.reorderInDays,
    explainReorder(r.inputs, r, language).join(" "),
  ]);
  return toCsv(header, rows, language);
}

export function createRecommendationsModel() {
  const per = signal<"product" | "warehouse">("product");
  const onlyReorder = signal(true);
  const page = signal(1);
  const list = createResource<Recommendations>();
  // Another session starts from the default view.
  session.onSessionEnd(() => {
    batch(() => {
      per.value = DEFAULT_VIEW.per;
      onlyReorder.value = DEFAULT_VIEW.onlyReorder;
      page.value = DEFAULT_VIEW.page;
    });
  });

  function path(pageNumber: number, pageSize = RECOMMENDATION_PAGE_SIZE): string {
    return apiPath("/api/recommendations", {
      per: per.value,
      onlyReorder: String(onlyReorder.value),
      page: pageNumber,
      pageSize,
    });
  }

  function load(): void {
    const p = path(page.value);
    void list.ensure(`${p}#${session.dataScope.value}`, (abort) => apiGet<Recommendations>(p, abort));
  }

  function set(change: { per?: "product" | "warehouse"; onlyReorder?: boolean; page?: number }): void {
    if (change.per !== undefined) per.value = change.per;
    if (change.onlyReorder !== undefined) onlyReorder.value = change.onlyReorder;
    page.value = change.page ?? 1;
    setQuery(recommendationsQuery(view()));
    load();
  }

  function view(): RecommendationsView {
    return { per: per.value, onlyReorder: onlyReorder.value, page: page.value };
  }

  /** Shows the view of the address (opened, reloaded, or reached with Back); loads when it differs. */
  function fromUrl(search: string): void {
    const wanted = viewFromQuery(new URLSearchParams(search));
    if (JSON.stringify(wanted) === JSON.stringify(view())) return;
    per.value = wanted.per;
    onlyReorder.value = wanted.onlyReorder;
    page.value = wanted.page;
    load();
  }

  /** Every line (up to 5 pages of 500) for the CSV file. */
  async function exportAll(): Promise<string> {
    const items: Recommendation[] = [];
    for (let p = 1; p <= 5; p++) {
      const answer = await apiGet<Recommendations>(path(p, 500));
      items.push(...answer.items);
      if (items.length >= answer.total || answer.items.length === 0) break;
    }
    return recommendationsCsv(items);
  }

  return { per, onlyReorder, page, list, load, set, exportAll, fromUrl };
}

export const recommendationsModel = createRecommendationsModel();
