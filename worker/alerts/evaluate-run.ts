// The alert rules, judged at the end of every run (worker/sync/queue-ports.ts finishRun): products of the
// organization that turned critical or whose stock runs out within the lead time, the run failed or ended partial, an endpoint the account uses deprecated
// or near its switch-off. Each rule opens and closes episodes (episodes.ts) and queues one message per run and
// rule to each ready channel. Evaluating the same run again changes nothing and queues its unsent messages again.
import { accountSunsetWarnings } from "../../cron/adapters/sunsets";
import type { StatementRunner } from "../../cron/load/statement-runner";
import {
  closeEpisodesSql,
  criticalProductIdsSql,
  openCriticalEpisodesSql,
  openEpisodesAndDeliverSql,
  openEpisodesSql,
  openStockoutSoonEpisodesSql,
  queuedDeliveriesSql,
  runEndFactsSql,
  stockoutSoonProductIdsSql,
} from "../../db/queries/alerts";
import { handleDeadLettersSql } from "../../db/queries/dead-letters";
import { jsonColumn } from "../../db/queries/json-column";
import type { AccountEndpoints, Marketplace } from "../../db/schema";
import { ALERT_RULES, type AlertRule } from "../../db/schema/alerts";
import type { StatusRules } from "../../domain/stock-status";
import { episodeTransitions } from "./episodes";
import type { AlertPayload } from "./payload";

export interface AlertMessage {
  deliveryId: string;
}

export interface AlertQueue {
  sendBatch(messages: { body: AlertMessage }[]): Promise<unknown>;
}

/** Parses a Postgres text[] as the HTTP driver returns it ("{a,b}") or an array. */
function textArray(value: unknown): string[] | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(String);
  const inner = String(value).replace(/^\{|\}$/g, "");
  return inner === "" ? [] : inner.split(",");
}

export async function evaluateRunAlerts(
  run: StatementRunner,
  queue: AlertQueue,
  runId: string,
  nowMs: number,
): Promise<void> {
  const [facts = []] = await run([runEndFactsSql(runId)]);
  const row = facts[0];
  if (!row || row.status === "running") return;
  const orgId = String(row.org_id);
  const accountId = String(row.account_id);
  const enabled = new Set<AlertRule>((textArray(row.rules) as AlertRule[] | null) ?? ALERT_RULES);
  const rules: StatusRules = {
    statusBasis: row.status_basis as StatusRules["statusBasis"],
    criticalMax: Number(row.critical_max),
    lowMax: Number(row.low_max),
    overstockMin: Number(row.overstock_min),
    leadTimeDays: Number(row.lead_time_days),
    safetyStockDays: Number(row.safety_stock_days),
    coverCeilingDays: Number(row.cover_ceiling_days),
  };
  const [critical = [], soon = [], open = []] = await run([
    criticalProductIdsSql(orgId, rules),
    stockoutSoonProductIdsSql(orgId, rules.leadTimeDays),
    openEpisodesSql(orgId),
  ]);
  const openOf = (rule: AlertRule, prefix = "") =>
    open
      .filter((e) => e.rule === rule && String(e.subject_key).startsWith(prefix))
      .map((e) => String(e.subject_key));

  const statements = [];
  // Products: over the whole organization (the summary the run rebuilt).
  const products = episodeTransitions(
    openOf("product_critical"),
    critical.map((c) => String(c.subject_key)),
  );
  if (products.closed.length > 0)
    statements.push(closeEpisodesSql(orgId, "product_critical", products.closed, runId));
  if (products.opened.length > 0)
    statements.push(openCriticalEpisodesSql(orgId, products.opened, runId, enabled.has("product_critical")));

  // Products running out within the lead time. product_critical takes precedence: the episode of a product that
  // is critical now opens without a message (when product_critical is on), and stays open while it is within the
  // lead time, so it is not told again as "runs out soon" when it climbs back above the critical line.
  const criticalNow = new Set(critical.map((c) => String(c.subject_key)));
  const running = episodeTransitions(
    openOf("stockout_soon"),
    soon.map((s) => String(s.subject_key)),
  );
  if (running.closed.length > 0)
    statements.push(closeEpisodesSql(orgId, "stockout_soon", running.closed, runId));
  if (running.opened.length > 0) {
    const alerted = enabled.has("product_critical")
      ? running.opened.filter((id) => !criticalNow.has(id))
      : running.opened;
    statements.push(
      openStockoutSoonEpisodesSql(
        orgId,
        running.opened,
        alerted,
        runId,
        rules.leadTimeDays,
        enabled.has("stockout_soon"),
      ),
    );
  }

  // The run itself: one episode per account while its runs keep failing.
  const outcome = String(row.status);
  const failing = outcome === "failed" || outcome === "partial";
  const runs = episodeTransitions(openOf("run_failed", accountId), failing ? [accountId] : []);
  if (runs.closed.length > 0) statements.push(closeEpisodesSql(orgId, "run_failed", runs.closed, runId));
  if (runs.opened.length > 0) {
    const payload: AlertPayload = {
      rule: "run_failed",
      runId,
      account: String(row.account),
      marketplace: String(row.marketplace),
      status: outcome as "failed" | "partial",
      error: row.error === null ? null : String(row.error),
    };
    statements.push(
      openEpisodesAndDeliverSql(orgId, "run_failed", runs.opened, runId, payload, enabled.has("run_failed")),
    );
  }

  // The account's endpoints: one episode per account × adapter while it is deprecated or near switch-off.
  const warningDays = Number(row.sunset_warning_days);
  const warnings = accountSunsetWarnings(
    row.marketplace as Marketplace,
    jsonColumn<AccountEndpoints>(row.endpoints) ?? {},
    nowMs,
  ).filter((w) => w.state !== "switching-off" || (w.daysLeft ?? 0) <= warningDays);
  const subjectOf = (adapter: string) => `${accountId}:${adapter}`;
  const sunsets = episodeTransitions(
    openOf("endpoint_sunset", `${accountId}:`),
    warnings.map((w) => subjectOf(w.adapter)),
  );
  if (sunsets.closed.length > 0)
    statements.push(closeEpisodesSql(orgId, "endpoint_sunset", sunsets.closed, runId));
  if (sunsets.opened.length > 0) {
    const payload: AlertPayload = {
      rule: "endpoint_sunset",
      runId,
      account: String(row.account),
      endpoints: warnings
        .filter((w) => sunsets.opened.includes(subjectOf(w.adapter)))
        .map((w) => ({
          adapter: w.adapter,
          endpoint: w.endpoint,
          state: w.state,
          switchOffOn: w.switchOffOn,
          replacement: w.replacement,
        })),
    };
    statements.push(
      openEpisodesAndDeliverSql(
        orgId,
        "endpoint_sunset",
        sunsets.opened,
        runId,
        payload,
        enabled.has("endpoint_sunset"),
      ),
    );
  }

  // A run that succeeded handles the account's dead letters (its steps work again).
  if (outcome === "succeeded") statements.push(...handleDeadLettersSql(accountId));

  statements.push(queuedDeliveriesSql(runId));
  const results = await run(statements);
  const queued = results[results.length - 1] ?? [];
  if (queued.length > 0) await queue.sendBatch(queued.map((q) => ({ body: { deliveryId: String(q.id) } })));
}
