// The one error type of marketplace calls: a code an operator and the retry logic can act on, the
// endpoint it concerns, and whether retrying can help. Adapters map vendor error bodies onto these codes.

export const MARKETPLACE_ERROR_CODES = [
  "RATE_LIMITED",
  "SERVER_ERROR",
  "TIMEOUT",
  "NETWORK",
  "UNAUTHORIZED",
  "ENDPOINT_SWITCHED_OFF",
  "BAD_REQUEST",
  "MALFORMED_RESPONSE",
  "CIRCUIT_OPEN",
] as const;
export type MarketplaceErrorCode = (typeof MARKETPLACE_ERROR_CODES)[number];

const RETRYABLE: ReadonlySet<MarketplaceErrorCode> = new Set([
  "RATE_LIMITED",
  "SERVER_ERROR",
  "TIMEOUT",
  "NETWORK",
]);

export class MarketplaceError extends Error {
  override name = "MarketplaceError";
  constructor(
    readonly code: MarketplaceErrorCode,
    message: string,
    readonly endpoint: string,
    readonly status: number | null = null,
    /** Milliseconds the vendor asked us to wait (Retry-After / X-Ratelimit-Retry), when it said. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }
}
