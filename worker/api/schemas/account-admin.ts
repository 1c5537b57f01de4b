// What an admin sends and sees when managing marketplace accounts: the connect and change bodies, the
// account as the admin sees it (credentials only as "set" and the key's last 4 characters), the adapters each
// marketplace offers, and the connection check's answer.
import { z } from "@hono/zod-openapi";
import { SALES_ADAPTERS, salesAdapterList } from "../../../cron/adapters/sales-adapters";
import { DEFAULT_STOCK_ADAPTERS, STOCK_ADAPTERS } from "../../../cron/adapters/stock-adapters";
import { SUNSETS, sunsetWarning } from "../../../cron/adapters/sunsets";
import { MARKETPLACES, type Marketplace } from "../../../db/schema/enums";
import { CONNECTION_OUTCOMES } from "../../accounts/check-connection";
import { displayName, text } from "../common";

// A key travels in an HTTP header: only visible ASCII fits there. Anything else (a Cyrillic look-alike letter,
// a line break) would be refused by the runtime at the first call, and its warning would print the key.
const secret = (what: string) =>
  text()
    .trim()
    .min(1, `required: the ${what}`)
    .max(500)
    .regex(/^[\x21-\x7E]+$/, `the ${what} may hold only Latin letters, digits and punctuation (no spaces)`);

/** Ozon's Client-Id and Api-Key, or WB's token: which ones depends on the marketplace (checked below). */
const CredentialsBody = z
  .strictObject({
    clientId: z
      .string()
      .trim()
      .regex(/^\d{1,20}$/, "Client-Id is a number")
      .optional(),
    apiKey: secret("Api-Key").optional(),
    token: secret("API token").optional(),
  })
  .openapi("AccountCredentialsInput", { description: "Ozon: clientId + apiKey; Wildberries: token" });

const AdapterIds = z.array(z.string().trim().min(1).max(100)).max(20);
const EndpointsBody = z
  .strictObject({
    stock: AdapterIds.optional().openapi({ description: "Stock adapter ids; absent or [] = the default" }),
    sales: AdapterIds.optional().openapi({
      description: "Sales adapter ids; absent = the default, [] = none",
    }),
  })
  .openapi("AccountAdaptersInput");

const AccountName = displayName().trim().min(1, "required").max(100, "at most 100 characters");

export type CredentialsInput = z.infer<typeof CredentialsBody>;

/** Each credential the marketplace needs is present, and no other marketplace's: [field, problem] pairs. */
export function credentialProblems(
  marketplace: Marketplace,
  credentials: CredentialsInput,
): [string, string][] {
  const needed = marketplace === "ozon" ? (["clientId", "apiKey"] as const) : (["token"] as const);
  const foreign = marketplace === "ozon" ? (["token"] as const) : (["clientId", "apiKey"] as const);
  return [
    ...needed
      .filter((field) => credentials[field] === undefined)
      .map((field): [string, string] => [
        field,
        `required for ${marketplace === "ozon" ? "an Ozon" : "a WB"} account`,
      ]),
    ...foreign
      .filter((field) => credentials[field] !== undefined)
      .map((field): [string, string] => [field, `not used by a ${marketplace} account`]),
  ];
}

/** The stable reason of a credentialProblems message, for the dashboard to translate. */
export const credentialReason = (message: string) =>
  message.startsWith("required") ? "required" : "not_used";

export const ConnectAccountBody = z
  .strictObject({
    marketplace: z.enum(MARKETPLACES),
    name: AccountName,
    credentials: CredentialsBody,
    adapters: EndpointsBody.optional(),
    enabled: z.boolean().default(true),
  })
  .superRefine((body, ctx) => {
    for (const [field, message] of credentialProblems(body.marketplace, body.credentials))
      ctx.addIssue({
        code: "custom",
        path: ["credentials", field],
        message,
        params: { reason: credentialReason(message) },
      });
  })
  .openapi("ConnectAccountRequest");

export const ChangeAccountBody = z
  .strictObject({
    name: AccountName.optional(),
    enabled: z.boolean().optional(),
    adapters: EndpointsBody.optional(),
    credentials: CredentialsBody.optional().openapi({ description: "New credentials (all of them)" }),
  })
  .refine((change) => Object.values(change).some((value) => value !== undefined), {
    message: "give at least one of name, enabled, adapters or credentials",
  })
  .openapi("ChangeAccountRequest");

export const AccountAdminSchema = z
  .object({
    id: z.uuid(),
    marketplace: z.enum(MARKETPLACES),
    name: z.string(),
    enabled: z.boolean(),
    adapters: z.object({
      stock: z.array(z.string()).openapi({ description: "Configured stock adapters; [] = the default" }),
      sales: z
        .array(z.string())
        .nullable()
        .openapi({ description: "null = the default; [] = no sales sync" }),
    }),
    credentials: z
      .object({
        set: z.boolean(),
        clientId: z.string().nullable().openapi({ description: "Ozon's Client-Id (an id, not a secret)" }),
        keyEnding: z
          .string()
          .nullable()
          .openapi({ description: "The last 4 characters of the key or token" }),
      })
      .openapi({ description: "Never the key itself" }),
  })
  .openapi("AccountAdmin");

const AdapterChoice = z.object({
  id: z.string(),
  isDefault: z.boolean().openapi({ description: "Used when the account names no adapters of this kind" }),
  deprecated: z.boolean().openapi({ description: "The vendor deprecated or switched off its endpoint" }),
  recommended: z.boolean().openapi({
    description: "What a new account should choose: the defaults, a deprecated one replaced by its successor",
  }),
});
export const MarketplaceAdaptersSchema = z
  .object({
    items: z.array(
      z.object({
        marketplace: z.enum(MARKETPLACES),
        stock: z.array(AdapterChoice),
        sales: z.array(AdapterChoice),
      }),
    ),
  })
  .openapi("MarketplaceAdapters");

/** The vendor deprecated the adapter's endpoint (dated or not) or switched it off. */
const isDeprecated = (id: string, nowMs: number) =>
  (SUNSETS[id]?.replacement ?? null) !== null || sunsetWarning(id, nowMs) !== null;

/** One kind's adapters with the defaults and deprecations marked, a deprecated default's successor recommended. */
function choices(ids: string[], defaults: readonly string[], nowMs: number) {
  const recommended = new Set(
    defaults.map((id) => {
      const successor = isDeprecated(id, nowMs) ? SUNSETS[id]?.replacement : null;
      return successor && ids.includes(successor) ? successor : id;
    }),
  );
  return ids.map((id) => ({
    id,
    isDefault: defaults.includes(id),
    deprecated: isDeprecated(id, nowMs),
    recommended: recommended.has(id),
  }));
}

/** The adapters of each marketplace, the defaults, deprecations and recommendations marked. */
export function marketplaceAdapters(nowMs = Date.now()): z.infer<typeof MarketplaceAdaptersSchema> {
  return {
    items: MARKETPLACES.map((marketplace) => {
      const of = (registry: Record<string, { marketplace: Marketplace }>) =>
        Object.entries(registry)
          .filter(([, adapter]) => adapter.marketplace === marketplace)
          .map(([id]) => id);
      const stock = choices(of(STOCK_ADAPTERS), DEFAULT_STOCK_ADAPTERS[marketplace], nowMs);
      const sales = choices(of(SALES_ADAPTERS), salesAdapterList(marketplace, undefined), nowMs);
      return { marketplace, stock, sales };
    }),
  };
}

export const ConnectionCheckSchema = z
  .object({
    outcome: z.enum(CONNECTION_OUTCOMES),
    message: z
      .string()
      .openapi({ description: "The outcome in plain words (English; the dashboard translates)" }),
    status: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "The vendor's HTTP status, when it answered" }),
    detail: z.string().nullable().openapi({ description: "What the vendor said" }),
    expiredOn: z.string().nullable().openapi({
      description:
        "With wrong_key, when the key says so itself: the day it expired (YYYY-MM-DD; a WB token's exp)",
    }),
    missing: z.array(z.string()).openapi({
      description:
        "With missing_scope, when known: the access the key lacks, as the vendor's cabinet names it (a WB token's categories, e.g. Статистика)",
    }),
  })
  .openapi("ConnectionCheck");

export type AccountAdmin = z.infer<typeof AccountAdminSchema>;
export type MarketplaceAdapters = z.infer<typeof MarketplaceAdaptersSchema>;
export type ConnectionCheckAnswer = z.infer<typeof ConnectionCheckSchema>;
