// Gives every request an id (the caller's X-Request-Id when it is sane, else a new UUID), echoes it in
// the response, and writes one structured JSON log line per request.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context";

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestId(): MiddlewareHandler<AppEnv> {
  return async function requestIdMiddleware(c, next) {
    const offered = c.req.header("X-Request-Id");
    const id = offered && SANE_REQUEST_ID.test(offered) ? offered : crypto.randomUUID();
    c.set("requestId", id);
    const started = Date.now();
    await next();
    c.res.headers.set("X-Request-Id", id);
    console.log(
      JSON.stringify({
        level: "info",
        requestId: id,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Date.now() - started,
      }),
    );
  };
}
