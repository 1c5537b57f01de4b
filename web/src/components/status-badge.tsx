// A stock status as a coloured, labelled badge (colour is never the only cue).
import type { StockStatus } from "../api/types";
import { t } from "../i18n/locale";

export function StatusBadge({ status }: { status: StockStatus }) {
  return <span class={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}
