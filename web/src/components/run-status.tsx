// A sync run's status as a coloured, labelled badge.
import type { RunStatus } from "../api/types";
import { t } from "../i18n/locale";

const TONE: Record<RunStatus, string> = {
  running: "badge-overstock",
  succeeded: "badge-normal",
  partial: "badge-low",
  failed: "badge-critical",
  refused: "badge-low",
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return (
    <span class={`badge ${TONE[status]}`} data-run-status={status}>
      {t(`sync.${status}`)}
    </span>
  );
}
