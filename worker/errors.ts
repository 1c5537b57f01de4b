// The API's one error contract: every failure answers {"error":{"code","message","requestId"}} with a
// status that matches its code. Server errors are logged; their internals never reach the client.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./context";

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; requestId: string };
}

export function errorResponse(c: Context<AppEnv>, code: ErrorCode, message: string): Response {
  const body: ErrorBody = { error: { code, message, requestId: c.get("requestId") ?? "" } };
  return c.json(body, ERROR_STATUS[code]);
}

/** Hono's onError: maps an ApiError to its status, anything else to a logged 500. */
export function handleError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof ApiError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return errorResponse(c, error.code, error.message);
  }
  console.error(
    JSON.stringify({
      level: "error",
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      error: error.message,
      stack: error.stack,
    }),
  );
  return errorResponse(c, "INTERNAL", "Internal error; quote the request id when reporting it");
}

export function handleNotFound(c: Context<AppEnv>): Response {
  return errorResponse(c, "NOT_FOUND", `No route for ${c.req.method} ${c.req.path}`);
}
