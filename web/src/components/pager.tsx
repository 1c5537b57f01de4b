// Previous / next page buttons with "page N of M", and a way back when the address names a page past the last.
import { t } from "../i18n/locale";

export function Pager({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  // An address may name a page the list no longer has (a shared link, fewer products since): say so.
  if (pages >= 1 && page > pages) {
    return (
      <div class="pager" role="status" data-testid="past-last-page">
        <span class="muted small">{t("common.pastLastPage", { page, pages })}</span>
        <button type="button" class="button small" onClick={() => onPage(pages)}>
          {t("common.lastPage")}
        </button>
      </div>
    );
  }
  if (pages <= 1) return null;
  return (
    <div class="pager">
      <button type="button" class="button small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t("common.prev")}
      </button>
      <span class="muted small">{t("common.page", { page, pages })}</span>
      <button type="button" class="button small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t("common.next")}
      </button>
    </div>
  );
}
