// Previous / next page buttons with "page N of M".
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
