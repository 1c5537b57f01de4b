// A sync run's status as a coloured, labelled badge ("retrying" while a failed step waits for its retry), and
// what a retrying or failed run should tell the seller: how often it retried, the last error in the reader's language,
// and what to do about it (check the key, wait for the marketplace, or contact support with the run id).
import type { Run, RunStatus } from "../api/types";
import { t } from "../i18n/locale";
import { issueText, runErrorText } from "../lib/run-issue-text";
import { runTroubleOf } from "../lib/run-trouble";

const TONE: Record<RunStatus, string> = {
  running: "badge-overstock",
  succeeded: "badge-normal",
  partial: "badge-low",
  failed: "badge-critical",
  refused: "badge-low",
};

export function RunStatusBadge({ status, retrying = false }: { status: RunStatus; retrying?: boolean }) {
  if (retrying)
    return (
      <span class="badge badge-low" data-run-status="retrying">
        {t("sync.retryingBadge")}
      </span>
    );
  return (
    <span class={`badge ${TONE[status]}`} data-run-status={status}>
      {t(`sync.${status}`)}
    </span>
  );
}

/** A run retrying or ended failed/partial: the retries, the last error and what to do; nothing otherwise. */
export function RunTrouble({ run }: { run: Run }) {
  const troubled = run.retrying || run.status === "failed" || run.status === "partial";
  if (!troubled) return null;
  const kind = runTroubleOf(run);
  const detail = run.lastIssue ? issueText(run.lastIssue) : run.error && runErrorText(run.error);
  return (
    <div class="run-trouble small" role="status" data-testid="run-trouble" data-trouble={kind}>
      {run.retries > 0 && <div data-testid="run-retries">{t("sync.retryCount", { n: run.retries })}</div>}
      <div>{t(`sync.trouble.${kind}`)}</div>
      <div class="muted">
        {kind === "key" ? (
          <a href="/settings">{t("sync.advice.key")}</a>
        ) : (
          t(`sync.advice.${kind}`, { id: run.id })
        )}
      </div>
      {detail && (
        <div class="explain" data-testid="run-last-error">
          {t("sync.lastError")}: {detail}
        </div>
      )}
    </div>
  );
}
