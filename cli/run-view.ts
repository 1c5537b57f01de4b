// Text for runs: the runs table, one run's detail (counts, timings, issues, rejected rows by reason) and the
// progress line `sync --wait` prints while a run moves.
import type { Run, RunDetail, RunReject } from "./api-types";
import { age, duration, fields, int, table } from "./format";

/** Elapsed time of a run: its recorded run time, else start → finish, else start → now. */
export function runElapsed(run: Run, nowMs: number): number {
  if (run.runMs !== null) return run.runMs;
  const end = run.finishedAt ? Date.parse(run.finishedAt) : nowMs;
  return Math.max(0, end - Date.parse(run.startedAt));
}

export function runsTable(runs: readonly Run[], nowMs: number): string {
  if (runs.length === 0) return "No runs yet.";
  return table(
    ["RUN", "ACCOUNT", "KIND", "TRIGGER", "STATUS", "STARTED", "TOOK", "PAGES", "ROWS", "LOADED", "REJECTED"],
    runs.map((run) => [
      run.id,
      run.account,
      run.kind,
      run.trigger,
      run.status,
      age(run.startedAt, nowMs),
      run.status === "refused" ? "–" : duration(runElapsed(run, nowMs)),
      int(run.pagesDone),
      int(run.extracted),
      int(run.normalized),
      int(run.failed),
    ]),
  );
}

/** "  12× available: must not be negative", most frequent first. */
export function rejectReasons(rejects: readonly RunReject[]): { reason: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const reject of rejects) {
    for (const reason of reject.reasons.length > 0 ? reject.reasons : ["(no reason recorded)"]) {
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

export function runDetailText(detail: RunDetail, nowMs: number): string {
  const { run } = detail;
  const finished = run.finishedAt ? `${run.finishedAt} (${age(run.finishedAt, nowMs)})` : "not yet";
  const lines = [
    fields([
      ["run", run.id],
      ["account", `${run.account} (${run.marketplace}, ${run.accountId})`],
      ["kind", `${run.kind}, triggered by ${run.trigger}`],
      ["status", run.error ? `${run.status}: ${run.error}` : run.status],
      ["started", `${run.startedAt} (${age(run.startedAt, nowMs)})`],
      ["finished", finished],
      ["took", duration(runElapsed(run, nowMs))],
      ["pages", `${int(detail.pages)} loaded`],
      [
        "rows",
        `${int(run.extracted)} extracted, ${int(run.validated)} valid, ${int(run.normalized)} loaded ` +
          `(${int(run.inserted)} new, ${int(run.updated)} changed), ${int(run.failed)} rejected`,
      ],
      [
        "API",
        `${int(run.apiRequests)} requests, ${int(run.apiFailed)} failed, ${duration(run.apiMs)} waiting`,
      ],
    ]),
  ];
  lines.push("", run.issues.length === 0 ? "Issues: none" : `Issues (${run.issues.length}):`);
  for (const issue of run.issues) {
    lines.push(
      `  ${issue.at}  ${issue.code}${issue.endpoint ? ` [${issue.endpoint}]` : ""}  ${issue.message}`,
    );
  }
  lines.push(
    "",
    detail.rejectCount === 0 ? "Rejected rows: none" : `Rejected rows: ${int(detail.rejectCount)}`,
  );
  if (detail.rejectCount > 0) {
    const sampled = detail.rejects.length < detail.rejectCount;
    lines.push(sampled ? `  reasons in the first ${detail.rejects.length}:` : "  reasons:");
    for (const { reason, count } of rejectReasons(detail.rejects).slice(0, 10)) {
      lines.push(`  ${String(count).padStart(5)}× ${reason}`);
    }
    const endpoints = [...new Set(detail.rejects.map((r) => r.endpoint))];
    lines.push(`  endpoints: ${endpoints.join(", ")}`);
    const first = detail.rejects[0];
    if (first) {
      const row = JSON.stringify(first.row);
      lines.push(
        `  e.g. ${first.pageKey} row ${first.rowIndex}: ${row.length > 160 ? `${row.slice(0, 157)}...` : row}`,
      );
    }
  }
  return lines.join("\n");
}

/** One progress line: "Ozon demo: running, 12 pages, 12,000 rows extracted, 11,950 loaded, 0 rejected, 8.2 s". */
export function progressLine(run: Run, nowMs: number): string {
  return (
    `${run.account}: ${run.status}, ${int(run.pagesDone)} pages, ${int(run.extracted)} rows extracted, ` +
    `${int(run.normalized)} loaded, ${int(run.failed)} rejected, ${int(run.apiRequests)} API calls, ` +
    duration(runElapsed(run, nowMs))
  );
}
