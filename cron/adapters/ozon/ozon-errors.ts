// Ozon's error body {"code","message","details"} mapped to MarketplaceError codes (Ozon answers 404 both for a
// wrong Api-Key and for a switched-off method; the message tells them apart), and the POST every adapter sends.
import type { z } from "zod";
import { MarketplaceError, type MarketplaceErrorCode } from "../../http/marketplace-error";
import type { BudgetRule } from "../../http/request-budget";
import { type PageContext, scaledBudget } from "../adapter";

function parse(text: string): { code?: number; message?: string } {
  try {
    const body = JSON.parse(text) as unknown;
    return body && typeof body === "object" ? (body as { code?: number; message?: string }) : {};
  } catch {
    return {};
  }
}

export function mapOzonError(endpoint: string, status: number, text: string): MarketplaceError {
  const body = parse(text);
  const message = body.message ?? text.slice(0, 200);
  let code: MarketplaceErrorCode;
  if (status === 429 || /circle is open/i.test(message)) code = "RATE_LIMITED";
  else if (status >= 500) code = "SERVER_ERROR";
  else if (status === 401 || status === 403 || (status === 404 && /api-key|client-id/i.test(message)))
    code = "UNAUTHORIZED";
  else if (status === 404) code = "ENDPOINT_SWITCHED_OFF";
  else code = "BAD_REQUEST";
  const what =
    code === "ENDPOINT_SWITCHED_OFF"
      ? `Ozon endpoint ${endpoint} is switched off (404)`
      : `Ozon ${endpoint} answered ${status}: ${message}`;
  return new MarketplaceError(code, what, endpoint, status);
}

/** A 2xx answer without the envelope the adapter reads (the vendor changed its shape, or a proxy answered). */
export function malformedOzonResponse(endpoint: string, expected: string, body: unknown): MarketplaceError {
  const sample = String(JSON.stringify(body)).slice(0, 200);
  return new MarketplaceError(
    "MALFORMED_RESPONSE",
    `${endpoint}: the response has no ${expected}: ${sample}`,
    endpoint,
  );
}

export function ozonHeaders(
  credentials: { clientId: string; apiKey: string } | undefined,
): Record<string, string> {
  if (!credentials)
    throw new MarketplaceError("UNAUTHORIZED", "The account has no Ozon Client-Id / Api-Key", "ozon");
  return {
    "Client-Id": credentials.clientId,
    "Api-Key": credentials.apiKey,
    "Content-Type": "application/json",
  };
}

/** Ozon's 50 requests/s per Client-Id, shared with the seller's other tools: stay well under it. */
export const OZON_DEFAULT_BUDGET = { requests: 20, perMs: 1000 };

export const OZON_HOST = "https://api-seller.ozon.ru";

export function ozonUrl(baseUrl: string | null, path: string): string {
  return `${baseUrl ?? OZON_HOST}${path}`;
}

/** One Ozon POST endpoint: its adapter id, path, request budget and the envelope its answer must have. */
export interface OzonEndpoint<T extends z.ZodType> {
  id: string;
  path: string;
  /** The endpoint's own documented limit; else OZON_DEFAULT_BUDGET. */
  budget?: BudgetRule;
  envelope: T;
  /** What the envelope holds, for the MALFORMED_RESPONSE message ("result.rows"). */
  expected: string;
}

/**
 * POSTs `body` with the account's credentials through the page context's client (budgeted, retried, errors
 * mapped) and reads the answer with the endpoint's envelope; a 2xx answer of another shape is MALFORMED_RESPONSE.
 */
export async function ozonPost<T extends z.ZodType>(
  context: PageContext,
  endpoint: OzonEndpoint<T>,
  body: unknown,
): Promise<z.output<T>> {
  const answer = await context.client.call(
    endpoint.id,
    scaledBudget(endpoint.budget ?? OZON_DEFAULT_BUDGET, context.rateScale),
    {
      method: "POST",
      url: ozonUrl(context.baseUrl, endpoint.path),
      headers: ozonHeaders(context.credentials.ozon),
      body,
    },
    mapOzonError,
  );
  const parsed = endpoint.envelope.safeParse(answer);
  if (!parsed.success) throw malformedOzonResponse(endpoint.id, endpoint.expected, answer);
  return parsed.data;
}
