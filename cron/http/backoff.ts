// How long to wait before the next attempt: exponential backoff with full jitter, but never less than what
// the vendor asked for (Retry-After in seconds or as a date, WB's X-Ratelimit-Retry in seconds).

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000 };

/** attempt counts from 1 (the first retry). random returns [0, 1). */
export function backoffDelayMs(
  attempt: number,
  vendorAskedMs: number | null,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1));
  const jittered = Math.floor(ceiling / 2 + random() * (ceiling / 2));
  return Math.max(jittered, vendorAskedMs ?? 0);
}

/** Reads the wait a 429/503 asks for, in ms; null when the response names none. */
export function vendorRetryDelayMs(headers: Headers, nowMs: number = Date.now()): number | null {
  const wbRetry = headers.get("X-Ratelimit-Retry");
  if (wbRetry !== null && wbRetry.trim() !== "" && Number.isFinite(Number(wbRetry))) {
    return Math.max(0, Number(wbRetry) * 1000);
  }
  const retryAfter = headers.get("Retry-After");
  if (retryAfter === null || retryAfter.trim() === "") return null;
  if (Number.isFinite(Number(retryAfter))) return Math.max(0, Number(retryAfter) * 1000);
  const at = Date.parse(retryAfter);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
