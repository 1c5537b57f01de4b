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
    }),
  })
  .openapi("Error");

const ERROR_DESCRIPTIONS = {
  400: "Invalid input; the message names the field",
  401: "No valid session cookie or API key",
  403: "The caller's role is not enough, or the IP is not allowlisted",
  404: "No such resource in the caller's organization",
  409: "Conflicts with an existing resource",
  429: "Rate limit exceeded; see Retry-After",
} as const;

type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

export function errorResponses<S extends ErrorStatus>(...statuses: S[]) {
  const list: ErrorStatus[] = [...new Set<ErrorStatus>([401, 429, ...statuses])];
  return Object.fromEntries(
    list.map((status) => [
      status,
      { description: ERROR_DESCRIPTIONS[status], content: { "application/json": { schema: ErrorSchema } } },
    ]),
  ) as Record<
    S | 401 | 429,
    { description: string; content: { "application/json": { schema: typeof ErrorSchema } } }
  >;
}

export const AUTHENTICATED: Array<Record<string, string[]>> = [{ sessionCookie: [] }, { apiKey: [] }];

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}
