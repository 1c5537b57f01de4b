// The API's one error contract: every failure answers {"error":{"code","message","requestId"}} with a
// status that matches its code. Hono's own HTTP exceptions (malformed JSON, wrong content type, body too
// large) answer the same shape. Server errors are logged redacted; their internals never reach the client.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./context";
import { describeServerError } from "./server-error-log";

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * What a refused input was wrong with, for a client to say in its own language: the field as the client
 * sent it ("credentials.apiKey", "ipAllowlist[2]"), a stable reason ("too_small", "unknown_field", "taken")
 * and the reason's numbers or names (e.g. `{ minimum: 10 }`). The message stays the English sentence.
 */
export interface FieldProblem {
  field: string;
  reason: string;
  params?: Record<string, string | number>;
}

/** "lowMax: must be …" names its field first (the contract's wording): that field, or none. */
const LEADING_FIELD = /^([A-Za-z_][\w.[\]]*): /;

/** The field problem a 400 or 409 message implies when the thrower gave none: the reason is generic. */
function impliedProblem(code: ErrorCode, message: string): FieldProblem | undefined {
  if (code !== "BAD_REQUEST" && code !== "CONFLICT") return undefined;
  const field = LEADING_FIELD.exec(message)?.[1];
  if (field === undefined) return undefined;
  return { field, reason: code === "CONFLICT" ? "taken" : "invalid" };
}

export class ApiError extends Error {
  override name = "ApiError";
  readonly problem: FieldProblem | undefined;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    problem?: Omit<FieldProblem, "field"> & { field?: string },
  ) {
    super(message);
    const implied = impliedProblem(code, message);
    const field = problem?.field ?? implied?.field;
    this.problem = field === undefined ? undefined : ({ ...implied, ...problem, field } as FieldProblem);
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; requestId: string } & Partial<FieldProblem>;
}

export function errorResponse(
  c: Context<AppEnv>,
  code: ErrorCode,
  message: string,
  problem?: FieldProblem,
): Response {
  const body: ErrorBody = { error: { code, message, requestId: c.get("requestId") ?? "", ...problem } };
  return c.json(body, ERROR_STATUS[code]);
}

/** Hono's HTTP exceptions as the error contract words them: the field first, then the problem. */
function fromHttpException(error: HTTPException): ApiError | undefined {
  switch (error.status) {
    case 400:
      return new ApiError("BAD_REQUEST", "body: malformed JSON");
    case 413:
      return new ApiError("PAYLOAD_TOO_LARGE", "body: too large");
    case 415:
      return new ApiError("UNSUPPORTED_MEDIA_TYPE", "Content-Type: expected application/json");
    default:
      return undefined;
  }
}

/** Hono's onError: maps an ApiError (or one of Hono's HTTP exceptions) to its status, anything else to a logged 500. */
export function handleError(error: Error, c: Context<AppEnv>): Response {
  const known = error instanceof HTTPException ? fromHttpException(error) : error;
  if (known instanceof ApiError) {
    for (const [name, value] of Object.entries(known.headers)) c.header(name, value);
    return errorResponse(c, known.code, known.message, known.problem);
  }
  console.error(
    JSON.stringify({
      level: "error",
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      error: describeServerError(error),
    }),
  );
  return errorResponse(c, "INTERNAL", "Internal error; quote the request id when reporting it");
}

export function handleNotFound(c: Context<AppEnv>): Response {
  return errorResponse(c, "NOT_FOUND", `No route for ${c.req.method} ${c.req.path}`);
}
