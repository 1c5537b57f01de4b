// `run <id>`: one run's counts, timings, issues and rejected rows by reason (GET /api/runs/{id}).
import type { RunDetail } from "../api-types";
import { ArgumentError, isUuid, noExtraPositionals } from "../args";
import { runDetailText } from "../run-view";
import type { Command } from "./command";

export const runCommand: Command = {
  name: "run",
  summary: "one run: counts, issues, rejected rows",
  help: `Usage: npm run cli -- run <run-id> [--json]

Shows one sync run: row counts, timings, API calls, the issues it recorded and a summary of its
rejected rows (the reasons among the first 50, and one example). Run ids are listed by \`runs\`.`,
  options: {},
  async run(ctx, { positionals }) {
    const id = positionals[0];
    if (!id) throw new ArgumentError("<run-id>: required");
    if (!isUuid(id)) throw new ArgumentError(`<run-id>: expected a UUID, got "${id}"`);
    noExtraPositionals(positionals, 1);
    const detail = await ctx.api().request<RunDetail>("GET", `/api/runs/${id}`);
    ctx.out(ctx.json ? JSON.stringify(detail, null, 2) : runDetailText(detail, ctx.now()));
    return 0;
  },
};
