// Sync: "Sync now" (operator) with live progress (the accounts' progress sockets, opened by the freshness
// panel), freshness per account, and the runs with their counts, retries and what to do about a failing one.
import { useEffect } from "preact/hooks";
import { FreshnessPanel, RunProgress } from "../components/freshness-panel";
import { Pager } from "../components/pager";
import { RunStatusBadge, RunTrouble } from "../components/run-status";
import { LoadState } from "../components/states";
import { TableRegion } from "../components/table-region";
import { t } from "../i18n/locale";
import { formatDateTime, formatDuration, formatNumber } from "../lib/format";
import { runErrorText } from "../lib/run-issue-text";
import { refusedCount } from "../lib/sync-request";
import { roleAtLeast, session } from "../models/session";
import { syncModel } from "../models/sync";

export default function SyncPage() {
  useEffect(() => {
    void syncModel.refresh();
  }, []);
  const { runs, active, starting, startError, lastOutcomes, page } = syncModel;
  const refused = refusedCount(lastOutcomes.value);
  const canSync = roleAtLeast(session.role.value, "operator");
  const data = runs.data.value;
  return (
    <section class="page">
      <h1>{t("sync.title")}</h1>
      <div class="card toolbar">
        <button
          type="button"
          class="button primary"
          disabled={!canSync || starting.value || active.value.length > 0}
          onClick={() => void syncModel.startSync()}
          data-testid="sync-now"
        >
          {starting.value ? t("sync.starting") : t("sync.now")}
        </button>
        {!canSync && <span class="muted small">{t("sync.operatorOnly")}</span>}
        {startError.value && (
          <span class="form-error" role="alert">
            {t("sync.unavailable", { message: startError.value.message })}
          </span>
        )}
        {active.value.length > 0 && <span class="muted small">{t("sync.started")}</span>}
        {refused > 0 && (
          <span class="muted small" data-testid="sync-refused">
            {t("sync.alreadyRunning", { n: refused })}
          </span>
        )}
      </div>
      <FreshnessPanel />
      <section class="card">
        <h2>{t("sync.runs")}</h2>
        <LoadState
          data={data}
          error={runs.error.value}
          onRetry={() => void syncModel.refresh()}
          isEmpty={(d) => d.total === 0}
          empty={t("sync.empty")}
        >
          {(d) => (
            <>
              <TableRegion label={t("sync.runs")} phoneCards>
                <table data-testid="runs">
                  <thead>
                    <tr>
                      {/* The status next to the pinned start time: on a phone it shows without scrolling. */}
                      <th>{t("sync.started_at")}</th>
                      <th>{t("sync.statusCol")}</th>
                      <th>{t("sync.account")}</th>
                      <th>{t("sync.kind")}</th>
                      <th class="num">{t("sync.counts")}</th>
                      <th class="num">{t("sync.pages")}</th>
                      <th class="num">{t("sync.requests")}</th>
                      <th class="num">{t("sync.duration")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.items.map((run) => (
                      <tr key={run.id} data-testid="run-row">
                        <td data-label={t("sync.started_at")}>
                          <a href={`/sync/runs/${run.id}`}>{formatDateTime(run.startedAt)}</a>
                        </td>
                        <td data-label={t("sync.statusCol")}>
                          <RunStatusBadge status={run.status} retrying={run.retrying} />
                          {run.status === "running" && <RunProgress run={run} />}
                          <RunTrouble run={run} />
                          {run.status === "refused" && run.error && (
                            <div class="explain">{runErrorText(run.error)}</div>
                          )}
                        </td>
                        <td data-label={t("sync.account")}>
                          <span class={`mp mp-${run.marketplace}`}>{t(`mp.${run.marketplace}`)}</span>{" "}
                          {run.account}
                        </td>
                        <td data-label={t("sync.kind")}>
                          {t(`sync.${run.kind}`)} · {t(`trigger.${run.trigger}`)}
                        </td>
                        <td class="num" data-label={t("sync.counts")}>
                          {formatNumber(run.extracted)} / {formatNumber(run.inserted)} /{" "}
                          {formatNumber(run.updated)} /{" "}
                          <span class={run.failed > 0 ? "down" : undefined}>{formatNumber(run.failed)}</span>
                        </td>
                        <td class="num" data-label={t("sync.pages")}>
                          {formatNumber(run.pagesDone)}
                        </td>
                        <td class="num" data-label={t("sync.requests")}>
                          {formatNumber(run.apiRequests)}
                          {run.apiFailed > 0 && <span class="down"> ({formatNumber(run.apiFailed)})</span>}
                        </td>
                        <td class="num" data-label={t("sync.duration")}>
                          {formatDuration(run.runMs)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
              <Pager page={page.value} pages={d.pages} onPage={(p) => void syncModel.goToPage(p)} />
            </>
          )}
        </LoadState>
      </section>
    </section>
  );
}
