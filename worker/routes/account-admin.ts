// The admin's marketplace accounts (Settings → Marketplace accounts): the adapters to choose from, one account
// as the admin sees it, connect, change (name, enabled, adapters, credentials), check the connection, delete.
// Credentials are sealed with CREDENTIALS_KEY before they are stored and never leave the Worker again: an
// answer carries only whether they are set and the key's last 4 characters. Accounts get the simulator as
// their base URL when the Worker is configured with one (local dev, tests); otherwise the vendors' hosts.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AccountCredentials } from "../../cron/adapters/adapter";
import { decryptCredentials, encryptCredentials } from "../../cron/credentials";
import {
  type AdminAccountRow,
  accountForAdmin,
  accountNameTaken,
  accountOfCabinet,
  changeAccount,
  deleteAccount,
  insertAccount,
  setAccountEnabled,
} from "../../db/queries/account-admin";
import type { AccountEndpoints } from "../../db/schema";
import type { Marketplace } from "../../db/schema/enums";
import { adminView } from "../accounts/admin-view";
import { checkConnection, describeOutcome } from "../accounts/check-connection";
import { requireAcceptedCredentials } from "../accounts/require-accepted-credentials";
import { fingerprintOfNewCabinet, sameCabinetError } from "../accounts/same-cabinet";
import { NoQuery, UuidParam } from "../api/common";
import { AUTHENTICATED, BODY_ERRORS, errorResponses, jsonContent } from "../api/responses";
import {
  AccountAdminSchema,
  ChangeAccountBody,
  ConnectAccountBody,
  ConnectionCheckSchema,
  type CredentialsInput,
  credentialProblems,
  credentialReason,
  MarketplaceAdaptersSchema,
  marketplaceAdapters,
} from "../api/schemas/account-admin";
import { AccountConfigSchema, describeConfigIssue } from "../api/schemas/accounts";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { requireRole } from "../middleware/require-role";

const admin = [requireRole("admin")];
const adminRoute = { security: AUTHENTICATED, middleware: admin, "x-required-role": "admin" as const };
const tags = ["accounts"];

const adaptersRoute = createRoute({
  method: "get",
  operationId: "listMarketplaceAdapters",
  path: "/api/marketplace-adapters",
  tags,
  summary: "The stock and sales adapters each marketplace offers, defaults marked (admin)",
  ...adminRoute,
  request: { query: NoQuery },
  responses: {
    200: jsonContent(MarketplaceAdaptersSchema, "Adapters by marketplace"),
    ...errorResponses(400, 403),
  },
});

const getRoute = createRoute({
  method: "get",
  operationId: "getAccountAdmin",
  path: "/api/accounts/{id}",
  tags,
  summary: "One marketplace account's settings, credentials masked (admin)",
  ...adminRoute,
  request: { params: UuidParam, query: NoQuery },
  responses: { 200: jsonContent(AccountAdminSchema, "The account"), ...errorResponses(400, 404) },
});

const connectRoute = createRoute({
  method: "post",
  operationId: "connectAccount",
  path: "/api/accounts",
  tags,
  summary: "Connect an Ozon or Wildberries account with its credentials (admin)",
  description:
    "The credentials are checked with the marketplace first and stored only if it accepts them: a refusal is 400 " +
    "with `field` `credentials` and `reason` `wrong_key` or `missing_scope`; when the marketplace cannot say " +
    "(`rate_limited`, `unreachable`, `vendor_error`) the answer is 503. Either way nothing is saved; `params` " +
    "carry the vendor's status and words.",
  ...adminRoute,
  request: { body: { content: { "application/json": { schema: ConnectAccountBody } }, required: true } },
  responses: {
    201: jsonContent(AccountAdminSchema, "Connected"),
    ...errorResponses(...BODY_ERRORS, 409, 503),
  },
});

const changeRoute = createRoute({
  method: "patch",
  operationId: "changeAccount",
  path: "/api/accounts/{id}",
  tags,
  summary: "Rename, enable or disable an account, choose its adapters or replace its credentials (admin)",
  description:
    "New credentials are checked with the marketplace first, as on connect (400 refused, 503 unknown); " +
    "the change is written only if it accepts them.",
  ...adminRoute,
  request: {
    params: UuidParam,
    body: { content: { "application/json": { schema: ChangeAccountBody } }, required: true },
  },
  responses: {
    200: jsonContent(AccountAdminSchema, "Changed"),
    ...errorResponses(...BODY_ERRORS, 404, 409, 503),
  },
});

const checkRoute = createRoute({
  method: "post",
  operationId: "checkAccountConnection",
  path: "/api/accounts/{id}/check",
  tags,
  summary:
    "Call the marketplace once with the account's credentials and say what is wrong, if anything (admin)",
  ...adminRoute,
  request: { params: UuidParam },
  responses: { 200: jsonContent(ConnectionCheckSchema, "The vendor's verdict"), ...errorResponses(400, 404) },
});

const deleteRoute = createRoute({
  method: "delete",
  operationId: "deleteAccount",
  path: "/api/accounts/{id}",
  tags,
  summary: "Delete an account with its listings, stock, sales and runs; refused while it syncs (admin)",
  ...adminRoute,
  request: { params: UuidParam },
  responses: {
    200: jsonContent(z.object({ id: z.uuid(), deleted: z.literal(true) }), "Deleted"),
    ...errorResponses(400, 404, 409),
  },
});

function credentialsFrom(
  marketplace: Marketplace,
  input: CredentialsInput,
  field: string,
): AccountCredentials {
  const [problem] = credentialProblems(marketplace, input);
  if (problem)
    throw new ApiError(
      "BAD_REQUEST",
      `${field}.${problem[0]}: ${problem[1]}`,
      {},
      {
        reason: credentialReason(problem[1]),
      },
    );
  return marketplace === "ozon"
    ? { ozon: { clientId: input.clientId as string, apiKey: input.apiKey as string } }
    : { wb: { token: input.token as string } };
}

/** The body's adapter lists over the account's endpoint config, checked by the registries as the CLI checks them. */
function endpointsWith(
  marketplace: Marketplace,
  current: AccountEndpoints,
  adapters: { stock?: string[] | undefined; sales?: string[] | undefined } | undefined,
): AccountEndpoints {
  const next: AccountEndpoints = { ...current };
  if (adapters?.stock !== undefined) {
    if (adapters.stock.length > 0) next.stock = adapters.stock;
    else delete next.stock;
  }
  if (adapters?.sales !== undefined) next.sales = adapters.sales;
  const checked = AccountConfigSchema.safeParse({ marketplace, endpoints: next });
  if (checked.success) return checked.data.endpoints;
  const issue = checked.error.issues[0];
  const message = issue ? describeConfigIssue(issue) : "endpoints: invalid";
  const reason = issue?.code === "custom" ? issue.params?.reason : undefined;
  throw new ApiError(
    "BAD_REQUEST",
    message.replace(/^endpoints/, "adapters"),
    {},
    typeof reason === "string" ? { reason } : undefined,
  );
}

const nameTakenError = (name: string) =>
  new ApiError("CONFLICT", `name: your organization already has an account named "${name}"`);

async function storedAccount(c: Context<AppEnv>, id: string): Promise<AdminAccountRow> {
  const row = await accountForAdmin(c.var.db, c.get("principal").orgId, id);
  if (!row) throw new ApiError("NOT_FOUND", "id: no marketplace account with this id in your organization");
  return row;
}

export function registerAccountAdmin(app: OpenAPIHono<AppEnv>): void {
  app.openapi(adaptersRoute, (c) => c.json(marketplaceAdapters(), 200));

  app.openapi(getRoute, async (c) => {
    const row = await storedAccount(c, c.req.valid("param").id);
    c.header("Cache-Control", "no-store");
    return c.json(await adminView(row, c.var.config.credentialsKey), 200);
  });

  app.openapi(connectRoute, async (c) => {
    const body = c.req.valid("json");
    const orgId = c.get("principal").orgId;
    const endpoints = endpointsWith(body.marketplace, {}, body.adapters);
    const credentials = credentialsFrom(body.marketplace, body.credentials, "credentials");
    const { credentialsKey, simulatorUrl: simulator } = c.var.config;
    const fingerprint = await fingerprintOfNewCabinet(
      c.var.db,
      orgId,
      body.marketplace,
      credentials,
      credentialsKey,
    );
    const baseUrl = simulator ? `${simulator}/${body.marketplace}` : null;
    // The name first: a refusal we can give ourselves needs no call to the vendor.
    if (await accountNameTaken(c.var.db, orgId, body.name)) throw nameTakenError(body.name);
    await requireAcceptedCredentials(body.marketplace, credentials, baseUrl, endpoints);
    const added = await insertAccount(c.var.db, {
      orgId,
      marketplace: body.marketplace,
      name: body.name,
      credentialsEncrypted: await encryptCredentials(credentials, credentialsKey),
      credentialsFingerprint: fingerprint,
      baseUrl,
      endpoints,
      stockJumpFactor: null,
    });
    if (!added) {
      // Either unique index refused it: a connect of the same cabinet that landed since the check, or the name.
      const twin = fingerprint && (await accountOfCabinet(c.var.db, orgId, body.marketplace, fingerprint));
      if (twin) throw sameCabinetError(body.marketplace, twin);
      throw nameTakenError(body.name);
    }
    if (!body.enabled) await setAccountEnabled(c.var.db, orgId, added.id, false);
    c.header("Cache-Control", "no-store");
    return c.json(await adminView(await storedAccount(c, added.id), c.var.config.credentialsKey), 201);
  });

  app.openapi(changeRoute, async (c) => {
    const { id } = c.req.valid("param");
    const change = c.req.valid("json");
    const orgId = c.get("principal").orgId;
    const current = await storedAccount(c, id);
    // Everything is checked before anything is written: a refused change writes nothing.
    const endpoints = change.adapters
      ? endpointsWith(current.marketplace, current.endpoints, change.adapters)
      : undefined;
    const credentials = change.credentials
      ? credentialsFrom(current.marketplace, change.credentials, "credentials")
      : undefined;
    const { credentialsKey } = c.var.config;
    const credentialsFingerprint = credentials
      ? await fingerprintOfNewCabinet(c.var.db, orgId, current.marketplace, credentials, credentialsKey, id)
      : undefined;
    if (credentials) {
      if (change.name !== undefined && (await accountNameTaken(c.var.db, orgId, change.name, id)))
        throw nameTakenError(change.name);
      await requireAcceptedCredentials(
        current.marketplace,
        credentials,
        current.baseUrl,
        endpoints ?? current.endpoints,
      );
    }
    const credentialsEncrypted = credentials
      ? await encryptCredentials(credentials, credentialsKey)
      : undefined;
    const name = change.name !== undefined && change.name !== current.name ? change.name : undefined;
    const changed = await changeAccount(c.var.db, orgId, id, {
      name,
      enabled: change.enabled,
      endpoints,
      credentialsEncrypted,
      credentialsFingerprint,
    });
    if (changed === "taken") throw nameTakenError(name ?? change.name ?? current.name);
    if (!changed)
      throw new ApiError("NOT_FOUND", "id: no marketplace account with this id in your organization");
    c.header("Cache-Control", "no-store");
    return c.json(await adminView(await storedAccount(c, id), c.var.config.credentialsKey), 200);
  });

  app.openapi(checkRoute, async (c) => {
    const row = await storedAccount(c, c.req.valid("param").id);
    const credentials = await decryptCredentials(row.credentialsEncrypted, c.var.config.credentialsKey);
    const check = await checkConnection(row.marketplace, credentials, row.baseUrl, row.endpoints);
    return c.json({ ...check, message: describeOutcome(check.outcome) }, 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid("param");
    const outcome = await deleteAccount(c.var.db, c.get("principal").orgId, id);
    if (outcome === "not-found")
      throw new ApiError("NOT_FOUND", "id: no marketplace account with this id in your organization");
    if (outcome === "running")
      throw new ApiError(
        "CONFLICT",
        "id: a sync of this account is running; delete it once the run has ended",
      );
    return c.json({ id, deleted: true as const }, 200);
  });
}
