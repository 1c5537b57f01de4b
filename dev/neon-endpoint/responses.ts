// Turns what a handler produced or threw into an HTTP response: JSON text with CORS like Neon,
// SqlError as 400 with Postgres fields, HttpError with its status, anything else as 500.

import { HttpError, SqlError } from "./errors.js";
import { messageBody, sqlErrorBody } from "./reply.js";

const JSON_HEADERS = { "content-type": "application/json", "access-control-allow-origin": "*" };

export function jsonText(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { ...JSON_HEADERS, ...headers } });
}

export function json(status: number, value: unknown): Response {
  return jsonText(status, JSON.stringify(value));
}

/** SQLSTATEs the control API reports with a more specific status than 400. */
const CONTROL_STATUS: Record<string, number> = { "3D000": 404, "42P04": 409, "55006": 409 };

export function errorResponse(error: unknown, options: { control?: boolean } = {}): Response {
  if (error instanceof SqlError) {
    const status = options.control ? (CONTROL_STATUS[error.fields.code ?? ""] ?? 400) : 400;
    return json(status, sqlErrorBody(error));
  }
  if (error instanceof HttpError) return json(error.status, messageBody(error.message));
  const message = error instanceof Error ? error.message : String(error);
  return json(500, messageBody(`internal error: ${message}`));
}
