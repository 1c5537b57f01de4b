// One product's stock as a row: article, name (a link to its page), available units, days of cover.
// The same fixed-height row serves the Top-10 lists and the virtualized "Show all" list.
import type { StockLine } from "../api/types";
import { t } from "../i18n/locale";
import { formatNumber } from "../lib/format";

export const STOCK_ROW_HEIGHT = 44;

export function StockRowHeader() {
  return (
    <div class="stock-row stock-row-head">
      <span>{t("col.article")}</span>
      <span>{t("col.name")}</span>
      <span class="num">{t("col.available")}</span>
      <span class="num hide-phone">{t("col.cover")}</span>
    </div>
  );
}

export function StockRow({ line }: { line: StockLine }) {
  return (
    <div class="stock-row" data-product-id={line.productId}>
      <span class="mono ellipsis">{line.article}</span>
      <a class="ellipsis" href={`/inventory/${line.productId}`} title={line.name}>
        {line.name}
      </a>
      <span class="num">{formatNumber(line.available)}</span>
      <span class="num hide-phone">
        {line.daysOfCover === null ? "—" : formatNumber(line.daysOfCover, 1)}
      </span>
    </div>
  );
}
