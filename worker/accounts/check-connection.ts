// "Check connection": one cheap real request to the vendor with the account's credentials, and what its answer
// means in plain words: the key is wrong, it lacks the scope the sync needs, the vendor is unreachable or busy.
// The request goes through the same client and vendor error mapping as a sync (cron/http, cron/adapters), once,
// without retries, so the admin hears at once what a sync would meet.
import type { AccountCredentials } from "../../cron/adapters/adapter";
import { mapOzonError, ozonHeaders, ozonUrl } from "../../cron/adapters/ozon/ozon-errors";
import {
  readWbToken,
  WB_TOKEN_CATEGORIES,
  wbCategoriesNeeded,
} from "../../cron/adapters/wb/token-categories";
import { mapWbError, wbHeaders, wbUrl } from "../../cron/adapters/wb/wb-errors";
import { MarketplaceClient } from "../../cron/http/marketplace-client";
import { MarketplaceError } from "../../cron/http/marketplace-error";
import { MemoryRequestGate } from "../../cron/http/request-gate";
import type { AccountEndpoints } from "../../db/schema/accounts";
import type { Marketplace } from "../../db/schema/enums";

export const CONNECTION_OUTCOMES = [
  "ok",
  "wrong_key",
  "missing_scope",
  "rate_limited",
  "unreachable",
  "vendor_error",
] as const;
export type ConnectionOutcome = (typeof CONNECTION_OUTCOMES)[number];

export interface ConnectionCheck {
  outcome: ConnectionOutcome;
  /** The vendor's HTTP status, when it answered. */
  status: number | null;
  /** What the vendor said (its own words), for support; never the credentials. */
  detail: string | null;
  /** With wrong_key, when the key says so itself: the day it expired (YYYY-MM-DD). */
  expiredOn: string | null;
  /** With missing_scope, when known: the access the key lacks, as the vendor's cabinet names it. */
  missing: string[];
}

const PLAIN: Record<ConnectionOutcome, string> = {
  ok: "Connected: the marketplace accepted the credentials.",
  wrong_key: "The marketplace does not accept these credentials: check the key (and the Client-Id for Ozon).",
  missing_scope: "The key is valid but lacks access to the data the sync reads: give it the needed scopes.",
  rate_limited: "The marketplace is limiting requests right now: try again in a minute.",
  unreachable: "The marketplace could not be reached or failed: try again later.",
  vendor_error: "The marketplace answered in an unexpected way: see the details.",
};

export const describeOutcome = (outcome: ConnectionOutcome) => PLAIN[outcome];

/** A key that the vendor knows but that may not call this API: WB says "scope", Ozon answers 403. */
function lacksScope(error: MarketplaceError): boolean {
  return error.status === 403 || /scope|permission|access denied|no access/i.test(error.message);
}

export function outcomeOf(error: MarketplaceError): ConnectionOutcome {
  switch (error.code) {
    case "UNAUTHORIZED":
      return lacksScope(error) ? "missing_scope" : "wrong_key";
    case "RATE_LIMITED":
      return "rate_limited";
    case "SERVER_ERROR":
    case "TIMEOUT":
    case "NETWORK":
    case "CIRCUIT_OPEN":
      return "unreachable";
    default:
      return "vendor_error";
  }
}

/** The cheapest request each vendor serves that proves the credentials: one product / the seller's warehouses. */
function probe(marketplace: Marketplace, credentials: AccountCredentials, baseUrl: string | null) {
  if (marketplace === "ozon") {
    return {
      endpoint: "ozon.product_list",
      request: {
        method: "POST" as const,
        url: ozonUrl(baseUrl, "/v3/product/list"),
        headers: ozonHeaders(credentials.ozon),
        body: { filter: { visibility: "ALL" }, last_id: "", limit: 1 },
      },
      mapError: mapOzonError,
    };
  }
  return {
    endpoint: "wb.seller_warehouses",
    request: {
      method: "GET" as const,
      url: wbUrl(baseUrl, "marketplace", "/api/v3/warehouses"),
      headers: wbHeaders(credentials.wb),
    },
    mapError: mapWbError,
  };
}

/**
 * What a WB token says of itself, before any call: expired, or lacking a category the account's feeds call (the
 * one probe below reaches one API host only). Null when it says nothing wrong, or nothing at all.
 */
function wbTokenVerdict(
  credentials: AccountCredentials,
  endpoints: AccountEndpoints,
  now: Date,
): ConnectionCheck | null {
  const claims = credentials.wb ? readWbToken(credentials.wb.token) : null;
  if (!claims) return null;
  if (claims.expiresAt && claims.expiresAt <= now) {
    const expiredOn = claims.expiresAt.toISOString().slice(0, 10);
    return {
      outcome: "wrong_key",
      status: null,
      detail: `the token expired on ${expiredOn}: create a new one in the WB cabinet`,
      expiredOn,
      missing: [],
    };
  }
  const missing = wbCategoriesNeeded(endpoints).filter((category) => !claims.categories.has(category));
  if (missing.length === 0) return null;
  const names = missing.map((category) => `${WB_TOKEN_CATEGORIES[category].cabinetName} (${category})`);
  return {
    outcome: "missing_scope",
    status: null,
    detail: `the token lacks the WB API categories the sync reads: ${names.join(", ")}; create a token with them`,
    expiredOn: null,
    missing: missing.map((category) => WB_TOKEN_CATEGORIES[category].cabinetName),
  };
}

export async function checkConnection(
  marketplace: Marketplace,
  credentials: AccountCredentials,
  baseUrl: string | null,
  endpoints: AccountEndpoints,
  fetcher: typeof fetch = (input, init) => fetch(input, init),
): Promise<ConnectionCheck> {
  if (marketplace === "wb") {
    const verdict = wbTokenVerdict(credentials, endpoints, new Date());
    if (verdict) return verdict;
  }
  const client = new MarketplaceClient({
    gate: new MemoryRequestGate(),
    fetch: fetcher,
    maxAttempts: 1,
    timeoutMs: 15_000,
  });
  try {
    const { endpoint, request, mapError } = probe(marketplace, credentials, baseUrl);
    await client.call(endpoint, { requests: 10, perMs: 1000 }, request, mapError);
    return { outcome: "ok", status: 200, detail: null, expiredOn: null, missing: [] };
  } catch (error) {
    if (!(error instanceof MarketplaceError)) throw error;
    return {
      outcome: outcomeOf(error),
      status: error.status,
      detail: error.message,
      expiredOn: null,
      missing: [],
    };
  }
}
