// What one attempt to send an alert came to: sent; come back after `retryAfterSeconds` (the receiver asked);
// a transient failure worth retrying with backoff; or a refusal that no retry can fix.
export type SendOutcome =
  | { kind: "sent" }
  | { kind: "retry-after"; retryAfterSeconds: number; reason: string }
  | { kind: "transient"; reason: string }
  | { kind: "permanent"; reason: string };

/** Backoff of a transient failure: 30 s doubling per attempt, at most an hour. */
export function backoffSeconds(attempt: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempt - 1));
}

/** The outcome of an HTTP answer that is not a success, by status. */
export function outcomeOfStatus(status: number, reason: string, retryAfterSeconds?: number): SendOutcome {
  if (status === 429) return { kind: "retry-after", retryAfterSeconds: retryAfterSeconds ?? 60, reason };
  if (status >= 500 || status === 408) return { kind: "transient", reason };
  return { kind: "permanent", reason };
}
