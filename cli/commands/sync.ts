// `sync`: starts a run now (POST /api/etl/sync, trigger "cli") for one account or every enabled account and,
// with --wait, follows each run (or the active run that refused it) with progress lines until it ends.
import type { Run, RunDetail, SyncOutcome } from "../api-types";
import { noExtraPositionals, positiveInt, stringValue } from "../args";
import type { CliContext } from "../context";
import { duration } from "../format";
import { progressLine } from "../run-view";
import type { Command } from "./command";
import { resolveAccount } from "./resolve-account";

export const syncCommand: Command = {
  name: "sync",
  summary: "start a sync run now (optionally wait for it)",
  help: `Usage: npm run cli -- sync [--account <id|name>] [--full] [--wait]

Starts a sync run now for one account, or for every enabled account of the organization.
A run is incremental unless --full. An account with a run in progress refuses a second one;
with --wait the CLI then follows the run in progress instead.

Options:
  --account <id|name>   only this marketplace account (names as \`status\` shows them)
  --full                a full run (all stock; stock not seen goes to 0) instead of incremental
  --wait                follow the runs, printing progress, until they end
  --interval <s>        seconds between progress checks (default 2)
  --timeout <s>         give up waiting after this many seconds (default 1800)

Needs the operator role. Exit code: 0 when every run started (with --wait: every run succeeded),
1 otherwise.`,
  options: {
    account: { type: "string" },
    full: { type: "boolean" },
    wait: { type: "boolean" },
    interval: { type: "string" },
    timeout: { type: "string" },
  },
  async run(ctx, { values, positionals }) {
    noExtraPositionals(positionals, 0);
    const intervalMs = positiveInt(values, "interval", 2, 600) * 1000;
    const timeoutMs = positiveInt(values, "timeout", 1800, 86_400) * 1000;
    const accountText = stringValue(values, "account");
    const account = accountText ? await resolveAccount(ctx, accountText) : undefined;
    const kind = values.full ? "full" : "incremental";
    const body = { ...(account ? { accountId: account.id } : {}), kind, trigger: "cli" };
    const { runs } = await ctx.api().request<{ runs: SyncOutcome[] }>("POST", "/api/etl/sync", body);
    if (ctx.json && !values.wait) {
      ctx.out(JSON.stringify({ runs }, null, 2));
      return runs.length > 0 && runs.every((r) => r.started) ? 0 : 1;
    }
    if (runs.length === 0) {
      ctx.out("No enabled account to sync.");
      return 1;
    }
    const followed: string[] = [];
    for (const outcome of runs) {
      const { run } = await ctx.api().request<RunDetail>("GET", `/api/runs/${outcome.runId}`);
      if (outcome.started) {
        ctx.out(`Started ${kind} run ${outcome.runId} for ${run.account} (${run.marketplace}).`);
        followed.push(outcome.runId);
      } else {
        ctx.out(
          `Refused for ${run.account} (${run.marketplace}): run ${outcome.activeRunId} is in progress.`,
        );
        if (outcome.activeRunId) followed.push(outcome.activeRunId);
      }
    }
    if (!values.wait) return runs.every((r) => r.started) ? 0 : 1;
    const ended = await follow(ctx, followed, intervalMs, timeoutMs);
    if (ctx.json) ctx.out(JSON.stringify({ runs: ended }, null, 2));
    return ended.length === followed.length &&
      ended.every((run) => run.status === "succeeded") &&
      runs.every((r) => r.started)
      ? 0
      : 1;
  },
};

/** Polls each run until it is no longer running, printing a line whenever one moved; returns the ended runs. */
export async function follow(ctx: CliContext, runIds: string[], intervalMs: number, timeoutMs: number) {
  const started = ctx.now();
  const last = new Map<string, string>();
  const ended = new Map<string, Run>();
  while (ended.size < runIds.length) {
    for (const id of runIds.filter((runId) => !ended.has(runId))) {
      const { run } = await ctx.api().request<RunDetail>("GET", `/api/runs/${id}`);
      const signature = `${run.status}/${run.pagesDone}/${run.extracted}/${run.failed}`;
      if (last.get(id) !== signature) ctx.out(progressLine(run, ctx.now()));
      last.set(id, signature);
      if (run.status !== "running") {
        ended.set(id, run);
        if (run.status !== "succeeded")
          ctx.out(`Run ${id} ended ${run.status}${run.error ? `: ${run.error}` : ""}`);
      }
    }
    if (ended.size === runIds.length) break;
    if (ctx.now() - started >= timeoutMs) {
      const open = runIds.filter((id) => !ended.has(id));
      ctx.out(
        `Still running after ${duration(ctx.now() - started)}: ${open.join(", ")}; follow with \`npm run cli -- run <id>\`.`,
      );
      break;
    }
    await ctx.sleep(intervalMs);
  }
  return runIds.flatMap((id) => ended.get(id) ?? []);
}
