// Wildberries error forms (problem+json, {"errors":[...]} as array or string, plain-text 401, HTML 5xx)
// mapped to MarketplaceError codes. The maintenance notice is retryable whatever status it comes with.
import { MarketplaceError, type MarketplaceErrorCode } from "../../http/marketplace-error";

function detail(text: string): string {
  try {
    const body = JSON.parse(text) as { detail?: string; title?: string; errors?: string[] | string };
    if (Array.isArray(body.errors)) return body.errors.join("; ");
    if (typeof body.errors === "string") return body.errors;
    return body.detail ?? body.title ?? text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}

export function mapWbError(endpoint: string, status: number, text: string): MarketplaceError {
  const message = detail(text);
  let code: MarketplaceErrorCode;
  if (status === 429) code = "RATE_LIMITED";
  else if (status >= 500 || /технический перерыв/i.test(message)) code = "SERVER_ERROR";
  else if (status === 401 || status === 403) code = "UNAUTHORIZED";
  else if (status === 404) code = "ENDPOINT_SWITCHED_OFF";
  else code = "BAD_REQUEST";
  const what =
    code === "ENDPOINT_SWITCHED_OFF"
      ? `WB endpoint ${endpoint} is switched off (404)`
      : `WB ${endpoint} answered ${status}: ${message}`;
  return new MarketplaceError(code, what, endpoint, status);
}

/** A 2xx answer without the shape the adapter reads (the vendor changed it, or a proxy answered). */
export function malformedWbResponse(endpoint: string, expected: string, body: unknown): MarketplaceError {
  const sample = String(JSON.stringify(body)).slice(0, 200);
  return new MarketplaceError(
    "MALFORMED_RESPONSE",
    `${endpoint}: the response has no ${expected}: ${sample}`,
    endpoint,
  );
}

export function wbHeaders(credentials: { token: string } | undefined): Record<string, string> {
  if (!credentials) throw new MarketplaceError("UNAUTHORIZED", "The account has no WB API token", "wb");
  return { Authorization: credentials.token, "Content-Type": "application/json" };
}

const WB_HOSTS = {
  statistics: "https://statistics-api.wildberries.ru",
  analytics: "https://seller-analytics-api.wildberries.ru",
  content: "https://content-api.wildberries.ru",
  marketplace: "https://marketplace-api.wildberries.ru",
};
const WB_OVERRIDE_PREFIX = {
  statistics: "/statistics",
  analytics: "/seller-analytics",
  content: "/content",
  marketplace: "/marketplace",
};

/** WB splits its APIs over hosts; an account's base URL override serves them under one prefix each. */
export function wbUrl(baseUrl: string | null, host: keyof typeof WB_HOSTS, path: string): string {
  return baseUrl ? `${baseUrl}${WB_OVERRIDE_PREFIX[host]}${path}` : `${WB_HOSTS[host]}${path}`;
}
