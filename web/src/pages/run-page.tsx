// One sync run: its counts, errors and the rows validation rejected, with the reasons; while it runs, its
// account's progress socket keeps it current, and a retrying or failed run says what to do.
import { useEffect } from "preact/hooks";
import { RunIssueText } from "../components/run-issue";
import { RunStatusBadge, RunTrouble } from "../components/run-status";
import { LoadState } from "../components/states";
import { TableRegion } from "../components/table-region";
import { t } from "../i18n/locale";
import { adapterName } from "../lib/adapter-names";
import { formatDateTime, formatDuration, formatNumber } from "../lib/format";
import { rejectReason } from "../lib/reject-reason";
import { route } from "../lib/router";
import { syncModel } from "../models/sync";

export default function RunPage() {
  const current = route.value;
  const id = current.page === "run" ? current.id : "";
  useEffect(() => {
    void syncModel.loadDetail(id);
  }, [id]);
  const { detail } = syncModel;
  const data = detail.data.value?.run.id === id ? detail.data.value : undefined;
  const accountId = data?.run.accountId;
  useEffect(() => (accountId ? syncModel.watch(accountId) : undefined), [accountId]);
  return (
    <section class="page">
      <a href="/sync" class="small">
        ← {t("nav.sync")}
      </a>
      <LoadState
        data={data}
        error={detail.error.value}
        onRetry={() => void syncModel.loadDetail(id)}
        rows={10}
      >
        {(d) => (
          <>
            <h1>
              {t(`mp.${d.run.marketplace}`)} · {d.run.account}{" "}
              <RunStatusBadge status={d.run.status} retrying={d.run.retrying} />
            </h1>
            <RunTrouble run={d.run} />
            <div class="card">
              <dl class="form-grid">
                <div>
                  <dt class="muted small">{t("sync.started_at")}</dt>
                  <dd>{formatDateTime(d.run.startedAt)}</dd>
                </div>
                <div>
                  <dt class="muted small">{t("sync.duration")}</dt>
                  <dd>{formatDuration(d.run.runMs)}</dd>
                </div>
                <div>
                  <dt class="muted small">{t("sync.counts")}</dt>
                  <dd>
                    {formatNumber(d.run.extracted)} / {formatNumber(d.run.inserted)} /{" "}
                    {formatNumber(d.run.updated)} / {formatNumber(d.run.failed)}
                  </dd>
                </div>
                <div>
                  <dt class="muted small">{t("sync.pages")}</dt>
                  <dd>{formatNumber(d.pages)}</dd>
                </div>
                <div>
                  <dt class="muted small">{t("sync.requests")}</dt>
                  <dd>
                    {formatNumber(d.run.apiRequests)} ({formatNumber(d.run.apiFailed)})
                  </dd>
                </div>
              </dl>
            </div>
            {d.run.issues.length > 0 && (
              <section class="card">
                <h2>{t("sync.issues")}</h2>
                <ul>
                  {d.run.issues.map((issue, index) => (
                    <li key={index}>
                      <RunIssueText issue={issue} />{" "}
                      {issue.endpoint && <span class="muted small">{adapterName(issue.endpoint)}</span>}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <section class="card" data-testid="rejects">
              <h2>{t("sync.rejects", { n: formatNumber(d.rejectCount) })}</h2>
              {d.rejects.length === 0 ? (
                <p class="muted">{t("sync.noRejects")}</p>
              ) : (
                <TableRegion label={t("sync.rejects", { n: formatNumber(d.rejectCount) })} phoneCards>
                  <table data-testid="reject-table">
                    <thead>
                      <tr>
                        <th>{t("sync.rejectFeed")}</th>
                        <th>{t("sync.rejectRow")}</th>
                        <th>{t("sync.rejectReason")}</th>
                        <th>{t("sync.rejectData")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.rejects.map((reject) => (
                        <tr key={`${reject.pageKey}-${reject.rowIndex}`}>
                          <td class="small" data-label={t("sync.rejectFeed")}>
                            {adapterName(reject.endpoint)}
                          </td>
                          <td class="small mono" data-label={t("sync.rejectRow")} translate={false}>
                            {reject.pageKey} #{reject.rowIndex}
                          </td>
                          <td data-label={t("sync.rejectReason")}>
                            <ul class="reject-reasons" data-testid="reject-reasons">
                              {reject.reasons.map((reason) => {
                                const said = rejectReason(reason);
                                return (
                                  <li key={reason}>
                                    {said.field && (
                                      <>
                                        <code translate={false}>{said.field}</code>:{" "}
                                      </>
                                    )}
                                    {said.text}
                                  </li>
                                );
                              })}
                            </ul>
                          </td>
                          <td
                            class="mono small explain raw-row"
                            data-label={t("sync.rejectData")}
                            translate={false}
                          >
                            {JSON.stringify(reject.row).slice(0, 200)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableRegion>
              )}
            </section>
          </>
        )}
      </LoadState>
    </section>
  );
}
