// Wildberries error forms: problem+json (401, 429, analytics 4xx), {"errors":[...]} (statistics), plain-text 401.

import type { Reply } from "../reply.js";

let requestCounter = 0;

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

export type WbHost = "statistics" | "analytics" | "content" | "marketplace";

const ORIGINS: Record<WbHost, string> = {
  statistics: "s2s-api-auth-stat",
  analytics: "s2s-api-auth-analytics",
  content: "s2s-api-auth-content",
  marketplace: "s2s-api-auth-marketplace",
};

export function wbOrigin(host: WbHost): string {
  return ORIGINS[host];
}

export function wbProblem(status: number, title: string, detail: string, host: WbHost, now: number): Reply {
  requestCounter++;
  const requestId = `${(0x5f3a + requestCounter).toString(16)}${"0".repeat(8)}`.slice(0, 12);
  return {
    status,
    contentType: "application/problem+json",
    json: {
      title,
      detail,
      code: `${(0xc122a060 + status).toString(16)}-a7fb-4665-b7ce-1e5c2f8e8b2c`,
      requestId: `${requestId}-${requestCounter}`,
      origin: wbOrigin(host),
      status,
      statusText: STATUS_TEXT[status] ?? "Error",
      timestamp: `${new Date(now).toISOString().slice(0, 19)}Z`,
    },
  };
}

export function wbErrorsBody(status: number, errors: string[] | string): Reply {
  return { status, json: { errors } };
}

export const wbErrors = {
  missingToken: (host: WbHost, now: number) =>
    wbProblem(401, "unauthorized", "empty Authorization header", host, now),
  invalidToken: (host: WbHost, now: number): Reply =>
    host === "statistics"
      ? { status: 401, text: "proxy: invalid token" }
      : wbProblem(401, "unauthorized", "token is malformed or invalid", host, now),
  wrongCategory: (host: WbHost, now: number) =>
    wbProblem(401, "unauthorized", "token scope not allowed for this API route", host, now),
  rateLimitedProblem: (host: WbHost, now: number) =>
    wbProblem(429, "too many requests", "limited by c122a060-a7fb-4665-b7ce-1e5c2f8e8b2c", host, now),
  rateLimitedErrors: () => wbErrorsBody(429, ["(api-new) too many requests"]),
  serverError: (host: WbHost, now: number, status = 500) =>
    wbProblem(status, "internal server error", "internal server error", host, now),
  maintenance: (status = 503) => wbErrorsBody(status, ["Технический перерыв до 16:00"]),
  switchedOff: (host: WbHost, now: number) =>
    wbProblem(404, "not found", "the requested endpoint is no longer available", host, now),
  /** Statistics answers 400 with `errors` as an array; analytics with problem+json. */
  badRequest: (host: WbHost, now: number, message: string) =>
    host === "statistics" ? wbErrorsBody(400, [message]) : wbProblem(400, "bad request", message, host, now),
};
