// The organization's settings (GET/PATCH /api/settings), the caller (GET /api/auth/me) and API keys.
// Pure schemas (zod only): the dashboard imports their types from here.
import { z } from "@hono/zod-openapi";
import { ROLES, STATUS_BASES } from "../../../db/schema/enums";

export const SettingsSchema = z
  .object({
    name: z.string(),
    statusBasis: z.enum(STATUS_BASES).openapi({
      description:
        "cover: status by days of cover against the lead time (default); units: by the units thresholds",
    }),
    coverCeilingDays: z
      .number()
      .int()
      .openapi({ description: "cover basis: overstock above this many days" }),
    criticalMax: z.number().int(),
    lowMax: z.number().int(),
    overstockMin: z.number().int(),
    leadTimeDays: z.number().int(),
    safetyStockDays: z.number().int(),
    targetCoverDays: z.number().int(),
    velocityWindowDays: z.number().int(),
    minOrderUnits: z.number().int().openapi({ description: "Supply plan: smallest quantity worth shipping" }),
    packSize: z
      .number()
      .int()
      .openapi({ description: "Supply plan: units per pack, shipped in whole packs" }),
    timeZone: z.string(),
    ipAllowlist: z.array(z.string()),
    dataVersion: z.number().int(),
  })
  .openapi("Settings");

export const MeSchema = z
  .object({
    via: z.enum(["session", "api_key"]),
    role: z.enum(ROLES),
    user: z.object({ id: z.uuid(), email: z.string() }).nullable(),
    apiKeyId: z.uuid().nullable(),
    organization: z.object({ id: z.uuid(), name: z.string(), dataVersion: z.number().int() }),
  })
  .openapi("Me");

export const ApiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    role: z.enum(ROLES),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi("ApiKey");

export type Settings = z.infer<typeof SettingsSchema>;
export type Me = z.infer<typeof MeSchema>;
export type ApiKey = z.infer<typeof ApiKeySchema>;
