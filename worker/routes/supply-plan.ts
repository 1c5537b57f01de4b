// GET /api/supply-plan: per cluster (or warehouse outside any cluster), which products to ship and how many,
// each line with its arithmetic (domain/supply-plan.ts) and in ₽ at the product's unit price; `all=true` keeps
// the lines with nothing to ship; paged (page, pageSize; the totals and the reconciliation cover every line);
// the reconciliation says why the plan's units differ from "order now" (domain/supply-reconciliation.ts);
// `format=csv` streams every line in `lang`'s dialect (Russian Excel: ";", BOM, decimal comma, Russian headers
// and explanations). The database counts, sums and pages the lines (db/queries/supply-plan.ts): the Worker
// explains only the lines it answers with; the whole plan and each marketplace's come from their stored answer
// (db/queries/supply-plan-store.ts) while it is current.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Database } from "../../db/client";
import {
  type SupplyPlanPosition,
  type SupplyPlanScope,
  storedSupplyPlanPage,
  supplyPlanInputs,
  supplyPlanPage,
} from "../../db/queries/supply-plan";
import { currentSupplyPlanModel, storedSupplyPlanScope } from "../../db/queries/supply-plan-store";
import { MARKETPLACES } from "../../db/schema/enums";
import { explainReconciliation } from "../../domain/supply-reconciliation";
import { Int4Id, PageQuery, searchText, text } from "../api/common";
import { CSV_DIALECTS, CSV_LANGUAGES, type CsvLanguage, csvLines } from "../api/csv";
import { pageAnswer } from "../api/page-answer";
import { dayInTimeZone } from "../api/period";
import { AUTHENTICATED, errorResponses } from "../api/responses";
import { SupplyPlanSchema } from "../api/schemas/supply-plan";
import { supplyPlanCsvColumns } from "../api/supply-plan-csv";
import { planLine } from "../api/supply-plan-line";
import type { OrganizationSettings } from "../auth/principal";
import type { AppEnv } from "../context";
import { cacheAside } from "../middleware/cache";

const SupplyPlanQuery = PageQuery.extend({
  marketplace: z
    .enum(MARKETPLACES)
    .optional()
    .openapi({ description: "Only this marketplace's destinations" }),
  warehouseId: Int4Id()
    .optional()
    .openapi({ description: "Only the destination holding this warehouse (its whole cluster)" }),
  cluster: text().trim().min(1).max(200).optional().openapi({ description: "Only this cluster" }),
  search: searchText(),
  all: z
    .enum(["true", "false"])
    .default("false")
    .openapi({ description: "true: every product × destination, not only those to ship" }),
  format: z.enum(["json", "csv"]).default("json"),
  lang: z.enum(CSV_LANGUAGES).default("en").openapi({
    description:
      'Language of the CSV export: "ru" writes ";" separators, decimal commas, a UTF-8 BOM and Russian headers and explanations (for Excel); "en" writes "," and the machine headers.',
  }),
});

const route = createRoute({
  method: "get",
  operationId: "getSupplyPlan",
  path: "/api/supply-plan",
  tags: ["supply"],
  summary: "What to ship to which cluster or warehouse, line by line explained, or its CSV (format=csv)",
  security: AUTHENTICATED,
  middleware: [cacheAside({ query: SupplyPlanQuery, keepHeaders: ["Content-Disposition"] })],
  request: { query: SupplyPlanQuery },
  responses: {
    200: {
      description: "The plan's lines by destination, and its totals; or the CSV file",
      content: { "application/json": { schema: SupplyPlanSchema }, "text/csv": { schema: z.string() } },
    },
    ...errorResponses(400),
  },
});

/** Lines an export reads per statement: a big seller's plan is streamed, never held whole. */
const EXPORT_CHUNK = 2_000;

/** The plan's CSV, written as its lines are read, chunk by chunk in the plan's order. */
function exportCsv(
  db: Database,
  scope: SupplyPlanScope,
  org: OrganizationSettings,
  all: boolean,
  lang: CsvLanguage,
): ReadableStream<Uint8Array> {
  const columns = supplyPlanCsvColumns(lang);
  const dialect = CSV_DIALECTS[lang];
  const encoder = new TextEncoder();
  let after: SupplyPlanPosition | undefined;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      const rows = await supplyPlanInputs(db, scope, {
        after,
        limit: EXPORT_CHUNK,
        shipping: all ? undefined : org,
      });
      const lines = rows.map((row) => planLine(row, org));
      controller.enqueue(
        encoder.encode(
          `${!started && dialect.bom ? "\uFEFF" : ""}${csvLines(columns, lines, dialect, !started)}`,
        ),
      );
      started = true;
      after = rows.at(-1);
      if (rows.length < EXPORT_CHUNK) controller.close();
    },
  });
}

export function registerSupplyPlan(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { all, format, lang, page, pageSize, ...filters } = c.req.valid("query");
    const org = c.get("organization");
    const scope = { orgId: org.id, ...filters };
    if (format === "csv") {
      // The seller's own date: at 02:00 in Moscow the file is already tomorrow's.
      const day = dayInTimeZone(new Date(), org.timeZone);
      // Streamed, so not kept in the cache (which holds whole answers): an export is a deliberate click.
      return c.body(exportCsv(c.var.db, scope, org, all === "true", lang), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="supply-plan-${day}.csv"`,
        "Cache-Control": "no-store",
      });
    }
    const list = { all: all === "true", page, pageSize };
    // The whole plan or a marketplace's from its stored answer while it is current, else computed here.
    const key = storedSupplyPlanScope(scope);
    const plan =
      (key === null
        ? null
        : await storedSupplyPlanPage(c.var.db, scope, org, list, currentSupplyPlanModel(org.id, key, org))) ??
      (await supplyPlanPage(c.var.db, scope, org, list));
    return c.json(
      {
        items: plan.rows.map((row) => planLine(row, org)),
        ...pageAnswer(page, pageSize, plan.total),
        totals: plan.totals,
        reconciliation: plan.reconciliation && {
          ...plan.reconciliation,
          explanation: explainReconciliation(plan.reconciliation),
        },
      },
      200,
    );
  });
}
