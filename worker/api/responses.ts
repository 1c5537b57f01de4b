// Shared OpenAPI pieces: the error body every failure answers with, the error responses a route can
// declare, and the two ways to authenticate (session cookie, Bearer API key).
import { z } from "@hono/zod-openapi";
import { ERROR_STATUS, type ErrorCode } from "../errors";

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string().openapi({ example: "pageSize: Too big: expected number to be <=500" }),
      requestId: z.string(),
      field: z
        .string()
        .optional()
        .openapi({ description: "The refused input field (400, 409)", example: "pageSize" }),
      reason: z.string().optional().openapi({
        description:
          "Why, as a stable word: required, too_small, too_big, invalid_format, invalid_type, invalid_value, unknown_field, taken, invalid, …",
        example: "too_big",
      }),
      params: z
        .record(z.string(), z.union([z.string(), z.number()]))
        .optional()
        .openapi({ description: 'The reason\'s numbers or names, e.g. {"maximum": 500}' }),
    }),
  })
  .openapi("Error");

const ERROR_DESCRIPTIONS = {
  400: "Invalid input; the message names the field",
  401: "No valid session cookie or API key",
  403: "The caller's role is not enough, or the client's IP is not on the organization's allowlist",
  404: "No such resource in the caller's organization",
  409: "Conflicts with an existing resource",
  413: "The body is larger than 64 KiB",
  415: "The body is not application/json",
  429: "Rate limit exceeded (per API key, per signed-in user, or per IP for anyone else); see Retry-After and RateLimit-Policy",
  503: "A service this answer depends on (the marketplace, the database) could not answer; nothing was changed, try again",
} as const;

type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;
type ErrorResponse = { description: string; content: { "application/json": { schema: typeof ErrorSchema } } };

function responsesFor<S extends ErrorStatus>(statuses: S[]): Record<S, ErrorResponse> {
  const list = [...new Set(statuses)].sort((a, b) => a - b);
  const entries = list.map((status): [S, ErrorResponse] => [
    status,
    { description: ERROR_DESCRIPTIONS[status], content: { "application/json": { schema: ErrorSchema } } },
  ]);
  return Object.fromEntries(entries) as Record<S, ErrorResponse>;
}

/** The errors of an authenticated operation: 401, 403 (roles and the IP allowlist), 429, and `statuses`. */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]) {
  return responsesFor<S | 401 | 403 | 429>([401, 403, 429, ...statuses]);
}

/** The errors of a public operation: 429 (the per-IP limit) and `statuses`. */
export function publicErrorResponses<S extends ErrorStatus>(...statuses: S[]) {
  return responsesFor<S | 429>([429, ...statuses]);
}

/** The statuses of an operation with a JSON body besides its own: invalid (400), too large, not JSON. */
export const BODY_ERRORS = [400, 413, 415] as const;

/** What a public operation declares as its security: none. */
export const PUBLIC: Array<Record<string, string[]>> = [];

export const AUTHENTICATED: Array<Record<string, string[]>> = [{ sessionCookie: [] }, { apiKey: [] }];

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}
