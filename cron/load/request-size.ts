// Neon's cap on one HTTP request (10 MiB; the local endpoint answers 413 the same way), measured on the batch a
// runner is about to send, and the error a batch over it raises: no retry can make it fit, so a step that meets
// it fails its run at once with this reason instead of being retried until the dead-letter queue.
export const NEON_MAX_REQUEST_BYTES = 10 * 1024 * 1024;

export class RequestTooLargeError extends Error {
  override name = "RequestTooLargeError";
  constructor(
    readonly bytes: number | null,
    readonly maxBytes: number,
    detail: string,
  ) {
    super(
      `A database request of ${bytes === null ? "more than" : `${bytes} bytes, over`} ${maxBytes} bytes (Neon's limit) cannot be sent: ${detail}`,
    );
  }
}

/** The size of a batch's request body as the Neon driver sends it (its queries and their parameters as JSON). */
export function requestBytes(queries: readonly { sql: string; params: unknown[] }[]): number {
  let bytes = 0;
  for (const { sql, params } of queries) bytes += JSON.stringify({ query: sql, params }).length;
  return bytes;
}

/** True for the driver's error when the endpoint refused the request as too large (HTTP 413). */
export function refusedAsTooLarge(error: unknown): boolean {
  return error instanceof Error && /HTTP status 413/.test(error.message);
}
