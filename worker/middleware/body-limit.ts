// The /api body limit. A body with a Content-Length is judged by it (Hono's bodyLimit); a streamed one (chunked,
// or HTTP/2 without a length) is read up to the limit and, once past it, cancelled before the 413: Hono's own
// middleware leaves that reader locked and the rest of the body unread (honojs/hono#4969), which under workerd
// surfaced as an uncaught "Network connection lost" and stalled the next request to the Worker.
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../context";

const DRAIN_BYTES = 8 * 1024 * 1024;

export function apiBodyLimit(maxSize: number, refuse: () => never): MiddlewareHandler<AppEnv> {
  const byLength = bodyLimit({ maxSize, onError: refuse });
  return async function apiBodyLimitMiddleware(c, next) {
    const { body, headers } = c.req.raw;
    if (!body || (headers.has("content-length") && !headers.has("transfer-encoding")))
      return byLength(c, next);
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxSize) {
        // Drain (up to a bound) so the connection ends cleanly, then refuse.
        let drained = size;
        while (drained < DRAIN_BYTES) {
          const more = await reader.read().catch(() => ({ done: true as const, value: undefined }));
          if (more.done) break;
          drained += more.value.byteLength;
        }
        await reader.cancel().catch(() => undefined);
        refuse();
      }
      chunks.push(value);
    }
    const whole = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      whole.set(chunk, at);
      at += chunk.byteLength;
    }
    c.req.raw = new Request(c.req.raw, { body: whole });
    return next();
  };
}
