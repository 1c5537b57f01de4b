// Sync runs as GET /api/runs, GET /api/runs/{id} and POST /api/etl/sync answer them. Pure schemas (zod
// only): the dashboard and the CLI import their types from here.
import { z } from "@hono/zod-openapi";
import { MARKETPLACES, RUN_KINDS, RUN_STATUSES, RUN_TRIGGERS } from "../../../db/schema/enums";
import { PageFields } from "./page";

/** A run's row counts so far, as a run and an account's active run report them. */
export const RUN_COUNTS = {
  extracted: z.number().int(),
  validated: z.number().int(),
  normalized: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  failed: z.number().int(),
};

/** What says a run is stuck or failing (see db/queries/runs.ts), and the feed it is reading. */
const RUN_TROUBLE = {
  retries: z
    .number()
    .int()
    .openapi({ description: "Steps that failed and were retried (STEP_FAILED issues)" }),
  lastIssue: z
    .object({
      code: z.string(),
      message: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      endpoint: z.string().optional(),
      at: z.string(),
    })
    .nullable()
    .openapi({ description: "The newest problem the run recorded; null when none" }),
  retrying: z
    .boolean()
    .openapi({ description: "Running, and its newest issue is a failed step no page has loaded since" }),
  phase: z.string().nullable().openapi({
    description: "The endpoint of the newest page loaded (the feed being read); null before one",
  }),
};

export const RunSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    account: z.string(),
    marketplace: z.enum(MARKETPLACES),
    kind: z.enum(RUN_KINDS),
    trigger: z.enum(RUN_TRIGGERS),
    status: z.enum(RUN_STATUSES),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    ...RUN_COUNTS,
    apiRequests: z.number().int(),
    apiFailed: z.number().int(),
    apiMs: z.number().int(),
    runMs: z.number().int().nullable(),
    pagesDone: z.number().int(),
    error: z.string().nullable(),
    ...RUN_TROUBLE,
  })
  .openapi("Run");

export const RunPageSchema = z
  .object({
    items: z.array(RunSchema),
    ...PageFields,
  })
  .openapi("RunPage");

const RunIssueSchema = z.object({
  code: z.string(),
  message: z
    .string()
    .openapi({ description: "In English; `code` and `params` let a client say it in its language" }),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  endpoint: z.string().optional(),
  at: z.string(),
});

const RunRejectSchema = z.object({
  pageKey: z.string(),
  rowIndex: z.number().int(),
  endpoint: z.string(),
  reasons: z.array(z.string()),
  row: z.unknown(),
});

export const RunDetailSchema = z
  .object({
    run: RunSchema.extend({ issues: z.array(RunIssueSchema) }),
    pages: z.number().int(),
    rejectCount: z.number().int(),
    rejects: z.array(RunRejectSchema),
  })
  .openapi("RunDetail");

export const SyncOutcomeSchema = z
  .object({
    accountId: z.uuid(),
    started: z.boolean(),
    runId: z.uuid(),
    activeRunId: z.uuid().optional(),
  })
  .openapi("SyncOutcome");

export type Run = z.infer<typeof RunSchema>;
export type RunPage = z.infer<typeof RunPageSchema>;
export type RunIssue = z.infer<typeof RunIssueSchema>;
export type RunReject = z.infer<typeof RunRejectSchema>;
export type RunDetail = z.infer<typeof RunDetailSchema>;
export type SyncOutcome = z.infer<typeof SyncOutcomeSchema>;
