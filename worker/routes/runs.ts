// Sync runs: GET /api/runs lists the organization's runs newest first (filter by status or account);
// GET /api/runs/{id} shows one run with its counts, issues, pages done and first rejected rows.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listRuns, runDetail } from "../../db/queries/runs";
import { RUN_STATUSES } from "../../db/schema/enums";
import { NoQuery, PageQuery, UuidParam } from "../api/common";
import { pageAnswer } from "../api/page-answer";
import { AUTHENTICATED, errorResponses, jsonContent } from "../api/responses";
import { RunDetailSchema, RunPageSchema } from "../api/schemas/runs";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

const listRoute = createRoute({
  method: "get",
  operationId: "listRuns",
  path: "/api/runs",
  tags: ["runs"],
  summary: "Sync runs, newest first",
  security: AUTHENTICATED,
  request: {
    query: PageQuery.extend({ status: z.enum(RUN_STATUSES).optional(), accountId: z.uuid().optional() }),
  },
  responses: {
    200: jsonContent(RunPageSchema, "Runs"),
    ...errorResponses(400),
  },
});

const detailRoute = createRoute({
  method: "get",
  operationId: "getRun",
  path: "/api/runs/{id}",
  tags: ["runs"],
  summary: "One run: counts, issues, pages and rejected rows",
  security: AUTHENTICATED,
  request: { params: UuidParam, query: NoQuery },
  responses: { 200: jsonContent(RunDetailSchema, "The run"), ...errorResponses(400, 404) },
});

export function registerRuns(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const query = c.req.valid("query");
    const { rows, total } = await listRuns(c.var.db, c.get("principal").orgId, {
      status: query.status,
      accountId: query.accountId,
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    c.header("Cache-Control", "no-store");
    const items = rows.map((run) => ({
      ...run,
      startedAt: iso(run.startedAt) ?? "",
      finishedAt: iso(run.finishedAt),
    }));
    return c.json({ items, ...pageAnswer(query.page, query.pageSize, total) }, 200);
  });

  app.openapi(detailRoute, async (c) => {
    const detail = await runDetail(c.var.db, c.get("principal").orgId, c.req.valid("param").id);
    if (!detail) throw new ApiError("NOT_FOUND", "id: no run with this id in your organization");
    c.header("Cache-Control", "no-store");
    const run = {
      ...detail.run,
      startedAt: iso(detail.run.startedAt) ?? "",
      finishedAt: iso(detail.run.finishedAt),
    };
    return c.json({ ...detail, run }, 200);
  });
}
