// How old each marketplace account's data is, any sync running now with its live progress (the accounts'
// progress sockets while the panel is shown), a run retrying or failed with what to do, and a warning when the
// account uses a vendor endpoint that is deprecated or about to be switched off.
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import type { Run } from "../api/types";
import { t } from "../i18n/locale";
import { formatAge } from "../lib/format";
import { isStale } from "../lib/freshness";
import { useClock } from "../models/clock";
import { roleAtLeast, session } from "../models/session";
import { describeSunset, sunsetModel } from "../models/sunsets";
import { syncModel } from "../models/sync";
import { RunTrouble } from "./run-status";
import { EmptyState, ErrorState, Skeleton } from "./states";

export function RunProgress({ run }: { run: Run }) {
  return (
    <div class="progress" data-testid="sync-progress" data-run-id={run.id} data-phase={run.phase ?? ""}>
      <div class="progress-bar indeterminate" role="progressbar" aria-label={t("sync.running")} />
      <span class="small">{t("sync.progress", { pages: run.pagesDone, rows: run.extracted })}</span>
      {syncModel.socketsDown.value && (
        <span class="small muted" data-testid="live-down">
          {t("sync.liveDown")}
        </span>
      )}
    </div>
  );
}

/**
 * A small warning when the account's adapters use a vendor endpoint that is deprecated or about to go, and where
 * the switch is made (Settings → the account → Data sources; a link for admins, who can make it).
 */
function SunsetWarnings({ accountId }: { accountId: string }) {
  const notices = sunsetModel.of(accountId);
  if (notices.length === 0) return null;
  const where = t("overview.sunsetWhere");
  return (
    <span class="small sunset-warning" role="note" data-testid="sunset-warning">
      {notices.map(describeSunset).join(" ")}{" "}
      {roleAtLeast(session.role.value, "admin") ? (
        <a href="/settings#marketplace-accounts" data-testid="sunset-where">
          {where}
        </a>
      ) : (
        where
      )}
    </span>
  );
}

export function FreshnessPanel() {
  useEffect(() => syncModel.watch(), []);
  const now = useClock();
  const { runs, accounts } = syncModel;
  const list = accounts.value;
  let body: ComponentChildren;
  if (runs.error.value && !runs.data.value)
    body = <ErrorState error={runs.error.value} onRetry={() => void syncModel.refresh()} />;
  else if (!runs.data.value) body = <Skeleton rows={2} height={48} />;
  else if (list.length === 0) body = <EmptyState>{t("overview.noAccounts")}</EmptyState>;
  else
    body = (
      <ul class="freshness">
        {list.map((account) => (
          <li key={account.accountId} class="freshness-item" data-testid="freshness">
            <span class={`mp mp-${account.marketplace}`}>{t(`mp.${account.marketplace}`)}</span>
            <span class="ellipsis">{account.account}</span>
            <span class={isStale(account.lastSuccessAt, now) ? "muted stale" : "muted"}>
              {account.lastSuccessAt
                ? t("overview.lastSync", { age: formatAge(account.lastSuccessAt, now) })
                : t("overview.neverSynced")}
              {account.lastSuccessAt && isStale(account.lastSuccessAt, now)
                ? ` · ${t("overview.stale")}`
                : ""}
            </span>
            {account.running && <RunProgress run={account.running} />}
            {account.lastRun ? (
              <RunTrouble run={account.running ?? account.lastRun} />
            ) : (
              roleAtLeast(session.role.value, "operator") && (
                <button
                  type="button"
                  class="button small"
                  disabled={syncModel.starting.value}
                  onClick={() => void syncModel.startSync("full", account.accountId)}
                  data-testid="sync-account"
                >
                  {t("sync.now")}
                </button>
              )
            )}
            <SunsetWarnings accountId={account.accountId} />
          </li>
        ))}
      </ul>
    );
  return (
    <section class="card" aria-labelledby="freshness-title">
      <h2 id="freshness-title">{t("overview.freshness")}</h2>
      {body}
    </section>
  );
}
