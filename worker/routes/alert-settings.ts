// Alert settings: GET for everyone signed in, PUT (admin) replaces them: which rules alert, the messages'
// language, quiet hours, time zone, digest hour and how early an endpoint's switch-off is announced. Without
// a saved row the organization has the defaults the alert rules apply (every rule on, Russian, no quiet hours).
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { type AlertSettingsRow, readAlertSettings, saveAlertSettings } from "../../db/queries/alert-admin";
import { ALERT_RULES, type AlertRule } from "../../db/schema/alerts";
import { NoQuery } from "../api/common";
import { AUTHENTICATED, BODY_ERRORS, errorResponses, jsonContent } from "../api/responses";
import { type AlertSettings, AlertSettingsBody, AlertSettingsSchema } from "../api/schemas/alerts";
import type { AppEnv } from "../context";
import { requireRole } from "../middleware/require-role";

const DEFAULTS: AlertSettings = {
  rules: [...ALERT_RULES],
  language: "ru",
  quietHours: null,
  timeZone: "Europe/Moscow",
  digestHour: null,
  sunsetWarningDays: 30,
  availableRules: [...ALERT_RULES],
};

function toJson(row: AlertSettingsRow | undefined): AlertSettings {
  if (!row) return DEFAULTS;
  const known = new Set<string>(ALERT_RULES);
  return {
    rules: row.rules.filter((rule): rule is AlertRule => known.has(rule)),
    language: row.language,
    quietHours:
      row.quietStartHour === null || row.quietEndHour === null
        ? null
        : { start: row.quietStartHour, end: row.quietEndHour },
    timeZone: row.timeZone,
    digestHour: row.digestHour,
    sunsetWarningDays: row.sunsetWarningDays,
    availableRules: [...ALERT_RULES],
  };
}

const getRoute = createRoute({
  method: "get",
  operationId: "getAlertSettings",
  path: "/api/alerts/settings",
  tags: ["alerts"],
  summary: "The organization's alert settings",
  security: AUTHENTICATED,
  request: { query: NoQuery },
  responses: { 200: jsonContent(AlertSettingsSchema, "Alert settings"), ...errorResponses(400) },
});

const putRoute = createRoute({
  method: "put",
  operationId: "updateAlertSettings",
  path: "/api/alerts/settings",
  tags: ["alerts"],
  summary: "Replace the rules, language, quiet hours, time zone, digest hour and sunset warning (admin)",
  security: AUTHENTICATED,
  middleware: [requireRole("admin")],
  "x-required-role": "admin",
  request: { body: { content: { "application/json": { schema: AlertSettingsBody } }, required: true } },
  responses: { 200: jsonContent(AlertSettingsSchema, "Saved settings"), ...errorResponses(...BODY_ERRORS) },
});

export function registerAlertSettings(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getRoute, async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(toJson(await readAlertSettings(c.var.db, c.get("principal").orgId)), 200);
  });

  app.openapi(putRoute, async (c) => {
    const body = c.req.valid("json");
    const row = await saveAlertSettings(c.var.db, c.get("principal").orgId, {
      rules: body.rules,
      language: body.language,
      quietStartHour: body.quietHours?.start ?? null,
      quietEndHour: body.quietHours?.end ?? null,
      timeZone: body.timeZone,
      digestHour: body.digestHour,
      sunsetWarningDays: body.sunsetWarningDays,
    });
    return c.json(toJson(row), 200);
  });
}
