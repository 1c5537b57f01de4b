// The SQL-over-HTTP handler: what the unmodified @neondatabase/serverless driver posts to
// neonConfig.fetchEndpoint. A single query runs alone; `{queries}` runs as one transaction.

import type { Context } from "hono";
import type { Backend } from "./backend.js";
import { readBodyText } from "./body.js";
import type { RequestLimits } from "./control-routes.js";
import { HttpError } from "./errors.js";
import { statementReply } from "./reply.js";
import { parseHeaders, parsePayload } from "./request.js";
import { errorResponse, jsonText } from "./responses.js";

export interface SqlRouteOptions {
  backend: Backend;
  /** Databases created with a lower request limit than `maxRequestBytes`. */
  limits: RequestLimits;
  maxRequestBytes: number;
  maxResponseBytes: number;
  log: (line: string) => void;
}

export function sqlHandler(options: SqlRouteOptions): (c: Context) => Promise<Response> {
  const { backend, limits, maxRequestBytes, maxResponseBytes, log } = options;
  return async (c) => {
    const started = performance.now();
    let database = "-";
    let response: Response;
    try {
      const request = parseHeaders((name) => c.req.header(name));
      database = request.database;
      const payload = parsePayload(
        await readBodyText(c.req.raw, Math.min(limits.get(database) ?? maxRequestBytes, maxRequestBytes)),
      );
      let text: string;
      const headers: Record<string, string> = {};
      if (payload.kind === "single") {
        const { statement } = payload;
        const result = await backend.query(database, statement);
        text = JSON.stringify(statementReply(result, statement.arrayMode ?? request.arrayMode));
      } else {
        const { statements } = payload;
        const results = await backend.transaction(database, statements, request.transaction);
        text = JSON.stringify({
          results: results.map((result, i) =>
            statementReply(result, statements[i]?.arrayMode ?? request.arrayMode),
          ),
        });
        // Neon echoes the transaction options it applied.
        const { isolationLevel, readOnly, deferrable } = request.transaction;
        if (readOnly) headers["neon-batch-read-only"] = "true";
        if (deferrable) headers["neon-batch-deferrable"] = "true";
        if (isolationLevel !== undefined) headers["neon-batch-isolation-level"] = isolationLevel;
      }
      if (Buffer.byteLength(text) > maxResponseBytes) {
        throw new HttpError(507, `response is too large (max is ${maxResponseBytes} bytes)`);
      }
      response = jsonText(200, text, headers);
    } catch (error) {
      response = errorResponse(error);
      if (response.status === 500) log(`sql ${database}: ${error instanceof Error ? error.stack : error}`);
    }
    log(`sql ${database} ${response.status} ${(performance.now() - started).toFixed(1)}ms`);
    return response;
  };
}
