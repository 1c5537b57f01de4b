// `runs`: the organization's sync runs, newest first (GET /api/runs).
import type { RunPage } from "../api-types";
import { noExtraPositionals, oneOf, positiveInt, stringValue } from "../args";
import { runsTable } from "../run-view";
import type { Command } from "./command";
import { resolveAccount } from "./resolve-account";

const STATUSES = ["running", "succeeded", "partial", "failed", "refused"] as const;

export const runsCommand: Command = {
  name: "runs",
  summary: "list sync runs, newest first",
  help: `Usage: npm run cli -- runs [--limit N] [--status S] [--account <id|name>]

Lists the organization's sync runs, newest first.

Options:
  --limit <n>            how many (1-500, default 20)
  --status <s>           only runs with this status: ${STATUSES.join(", ")}
  --account <id|name>    only this marketplace account's runs
  --json                 print the API's JSON`,
  options: { limit: { type: "string" }, status: { type: "string" }, account: { type: "string" } },
  async run(ctx, { values, positionals }) {
    noExtraPositionals(positionals, 0);
    const limit = positiveInt(values, "limit", 20, 500);
    const status = oneOf(values, "status", STATUSES);
    const accountText = stringValue(values, "account");
    const accountId = accountText ? (await resolveAccount(ctx, accountText)).id : undefined;
    const query = new URLSearchParams({ pageSize: String(limit) });
    if (status) query.set("status", status);
    if (accountId) query.set("accountId", accountId);
    const page = await ctx.api().request<RunPage>("GET", `/api/runs?${query}`);
    if (ctx.json) ctx.out(JSON.stringify(page, null, 2));
    else {
      ctx.out(runsTable(page.items, ctx.now()));
      if (page.total > page.items.length)
        ctx.out(`(${page.items.length} of ${page.total}; --limit shows more)`);
    }
    return 0;
  },
};
