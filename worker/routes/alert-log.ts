// The alert log: the organization's deliveries newest first (each message to each channel: sent, failed and
// retried, dead, or waiting), filtered by status and rule, a page at a time, each with why it failed and its
// text in the organization's alert language.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { alertLog, readAlertSettings } from "../../db/queries/alert-admin";
import type { AlertLanguage } from "../../db/schema/alerts";
import type { AlertPayload } from "../alerts/payload";
import { alertText } from "../alerts/texts";
import { PageQuery } from "../api/common";
import { pageAnswer } from "../api/page-answer";
import { AUTHENTICATED, errorResponses, jsonContent } from "../api/responses";
import { AlertLogPageSchema, AlertLogQuery } from "../api/schemas/alerts";
import type { AppEnv } from "../context";

const logRoute = createRoute({
  method: "get",
  operationId: "listAlertLog",
  path: "/api/alerts/log",
  tags: ["alerts"],
  summary: "Alert deliveries newest first, with their status and reason of failure",
  security: AUTHENTICATED,
  request: { query: PageQuery.extend(AlertLogQuery.shape) },
  responses: { 200: jsonContent(AlertLogPageSchema, "Deliveries"), ...errorResponses(400) },
});

/** The message as it was (or will be) sent; null for a payload this version cannot render. */
function textOf(payload: unknown, language: AlertLanguage): string | null {
  try {
    const parsed = (typeof payload === "string" ? JSON.parse(payload) : payload) as AlertPayload;
    return alertText(parsed, language) ?? null;
  } catch {
    return null;
  }
}

export function registerAlertLog(app: OpenAPIHono<AppEnv>): void {
  app.openapi(logRoute, async (c) => {
    const query = c.req.valid("query");
    const orgId = c.get("principal").orgId;
    const [{ rows, total }, settings] = await Promise.all([
      alertLog(c.var.db, orgId, {
        status: query.status,
        rule: query.rule,
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      }),
      readAlertSettings(c.var.db, orgId),
    ]);
    const language = settings?.language ?? "ru";
    c.header("Cache-Control", "no-store");
    const items = rows.map(({ payload, ...row }) => ({
      ...row,
      text: textOf(payload, language),
      createdAt: new Date(row.createdAt).toISOString(),
      sentAt: row.sentAt === null ? null : new Date(row.sentAt).toISOString(),
    }));
    return c.json({ items, ...pageAnswer(query.page, query.pageSize, total) }, 200);
  });
}
