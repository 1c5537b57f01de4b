// Organization settings: GET for everyone signed in, PATCH (admin) for the stock status rule (basis, cover ceiling, units thresholds), replenishment
// inputs, time zone and IP allowlist. A change bumps the data version, so cached answers refresh.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { SettingsBusyError, updateOrganizationSettings } from "../../db/queries/organizations";
import { type TargetCoverSettings, targetCoverProblem } from "../../domain/replenishment";
import { type RangedSetting, SETTING_RANGES } from "../../domain/setting-ranges";
import { STATUS_BASES, statusRulesProblem } from "../../domain/stock-status";
import { canonicalTimeZone, isTimeZone } from "../../domain/time-zone";
import { displayName, NoQuery } from "../api/common";
import { AUTHENTICATED, BODY_ERRORS, errorResponses, jsonContent } from "../api/responses";
import { SettingsSchema } from "../api/schemas/organization";
import type { OrganizationSettings } from "../auth/principal";
import { principalCache } from "../auth/principal-cache";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { clientIp } from "../middleware/rate-limit";
import { requireRole } from "../middleware/require-role";

const whole = (setting: RangedSetting) =>
  z.number().int().min(SETTING_RANGES[setting].min).max(SETTING_RANGES[setting].max).optional();

// Strict: a misspelt or unknown key is refused by name instead of silently dropped.
const SettingsChange = z
  .strictObject({
    name: displayName().trim().min(1).max(200).optional(),
    statusBasis: z.enum(STATUS_BASES).optional(),
    coverCeilingDays: whole("coverCeilingDays"),
    criticalMax: whole("criticalMax"),
    lowMax: whole("lowMax"),
    overstockMin: whole("overstockMin"),
    leadTimeDays: whole("leadTimeDays"),
    safetyStockDays: whole("safetyStockDays"),
    targetCoverDays: whole("targetCoverDays"),
    velocityWindowDays: whole("velocityWindowDays"),
    minOrderUnits: whole("minOrderUnits"),
    packSize: whole("packSize"),
    timeZone: z
      .string()
      .refine((zone) => isTimeZone(zone), "unknown IANA time zone")
      .transform(canonicalTimeZone)
      .optional(),
    ipAllowlist: z
      .array(
        z
          .string()
          .refine(
            (ip) => z.ipv4().safeParse(ip).success || z.ipv6().safeParse(ip).success,
            "expected an IPv4 or IPv6 address",
          )
          .openapi({ description: "An IPv4 or IPv6 address" }),
      )
      .max(100)
      .refine((ips) => new Set(ips).size === ips.length, "must not repeat an address")
      .optional()
      .openapi({
        description:
          "Addresses the API answers; empty = any. Must include the caller's own address (no lock-out)",
      }),
  })
  .openapi("SettingsChange");

const toJson = ({ id: _id, ...settings }: OrganizationSettings) => settings;

const getRoute = createRoute({
  method: "get",
  operationId: "getSettings",
  path: "/api/settings",
  tags: ["settings"],
  summary: "The organization's settings",
  security: AUTHENTICATED,
  request: { query: NoQuery },
  responses: { 200: jsonContent(SettingsSchema, "Settings"), ...errorResponses(400) },
});

const patchRoute = createRoute({
  method: "patch",
  operationId: "updateSettings",
  path: "/api/settings",
  tags: ["settings"],
  summary: "Change the status rule, thresholds, replenishment inputs, time zone or IP allowlist (admin)",
  security: AUTHENTICATED,
  middleware: [requireRole("admin")],
  "x-required-role": "admin",
  request: { body: { content: { "application/json": { schema: SettingsChange } }, required: true } },
  responses: {
    200: jsonContent(SettingsSchema, "Updated settings"),
    ...errorResponses(...BODY_ERRORS, 409),
  },
});

/** The fields each ordering rule ties together, the one the domain names first. */
const RULE_FIELDS = {
  thresholds_order: ["lowMax", "criticalMax", "overstockMin"],
  cover_ceiling_short: ["coverCeilingDays", "leadTimeDays", "safetyStockDays"],
} as const;

/**
 * A broken ordering rule, named under a field the change sent (`{"safetyStockDays": 200}` is refused under
 * safetyStockDays, not under the cover ceiling it did not touch), with every number of the rule in `params`.
 */
function ruleRefusal(problem: string, change: Record<string, unknown>, merged: Record<string, unknown>) {
  const reason = problem.startsWith("lowMax:") ? "thresholds_order" : "cover_ceiling_short";
  const fields = RULE_FIELDS[reason];
  const field = fields.find((name) => change[name] !== undefined) ?? fields[0];
  const rule =
    reason === "cover_ceiling_short" && field !== "coverCeilingDays"
      ? "leadTimeDays + safetyStockDays must stay below coverCeilingDays"
      : problem.slice(problem.indexOf(": ") + 2);
  const params = Object.fromEntries(fields.map((name) => [name, Number(merged[name])]));
  const numbers = fields.map((name) => `${name} ${params[name]}`).join(", ");
  return new ApiError("BAD_REQUEST", `${field}: ${rule} (now ${numbers})`, {}, { field, reason, params });
}

/** The numbers the target-cover rule reads; a change touching none of them is not refused by it. */
const TARGET_COVER_FIELDS = [
  "targetCoverDays",
  "leadTimeDays",
  "safetyStockDays",
  "coverCeilingDays",
] as const;

const TARGET_COVER_RULES = {
  target_cover_short: "must be more than leadTimeDays + safetyStockDays",
  target_cover_over_ceiling: "must not be more than coverCeilingDays",
} as const;

/**
 * A target cover an order cannot reach sensibly, always named under targetCoverDays (the number that sets what an
 * order brings), with the rule's numbers in `params`. Checked only when the change touches one of them, so an
 * organization saved before the rule can still change its name or time zone.
 */
function targetCoverRefusal(change: Record<string, unknown>, merged: TargetCoverSettings): ApiError | null {
  if (!TARGET_COVER_FIELDS.some((name) => change[name] !== undefined)) return null;
  const reason = targetCoverProblem(merged);
  if (reason === null) return null;
  const params = Object.fromEntries(TARGET_COVER_FIELDS.map((name) => [name, merged[name]]));
  const numbers = TARGET_COVER_FIELDS.map((name) => `${name} ${params[name]}`).join(", ");
  return new ApiError(
    "BAD_REQUEST",
    `targetCoverDays: ${TARGET_COVER_RULES[reason]} (now ${numbers})`,
    {},
    { field: "targetCoverDays", reason, params },
  );
}

export function registerSettings(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getRoute, (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(toJson(c.get("organization")), 200);
  });

  app.openapi(patchRoute, async (c) => {
    const change = c.req.valid("json");
    // Checked on the organization's row as the write finds it, not on this isolate's cached copy (another change
    // may have landed meanwhile), and again if the write finds the row moved.
    const own = clientIp(c.req.raw.headers);
    const check = (organization: object) => {
      const merged = { ...organization, ...change } as Parameters<typeof statusRulesProblem>[0] &
        TargetCoverSettings &
        Record<string, unknown>;
      const problem = statusRulesProblem(merged);
      if (problem !== null) throw ruleRefusal(problem, change, merged);
      const target = targetCoverRefusal(change, merged);
      if (target !== null) throw target;
      // An allowlist without the caller's own address would refuse the caller's next request, and every admin's
      // from elsewhere: nobody could undo it from the dashboard.
      if (change.ipAllowlist && change.ipAllowlist.length > 0 && !change.ipAllowlist.includes(own))
        throw new ApiError(
          "BAD_REQUEST",
          `ipAllowlist: must include your own address (${own}), or this change would lock you out`,
          {},
          { reason: "self", params: { address: own } },
        );
    };
    const row = await updateOrganizationSettings(c.var.db, c.get("principal").orgId, change, check).catch(
      (error: unknown) => {
        if (!(error instanceof SettingsBusyError)) throw error;
        throw new ApiError(
          "CONFLICT",
          "settings: changed by others while this change was written; send it again",
        );
      },
    );
    if (!row) throw new ApiError("NOT_FOUND", "organization not found");
    // Cached callers carry the settings and data version: this isolate's next request sees these at once.
    principalCache.updateOrganization(row);
    return c.json(toJson(row), 200);
  });
}
