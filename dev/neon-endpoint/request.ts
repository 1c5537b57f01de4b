// Reads and validates one SQL-over-HTTP request: the Neon-* headers and the JSON body
// (`{query, params, arrayMode?}` or `{queries: [...]}`), with errors that name the bad field.

import type { IsolationLevel, Statement, TransactionOptions } from "./backend.js";
import { databaseFromConnectionString } from "./database-names.js";
import { HttpError } from "./errors.js";
import { paramToPgText } from "./params.js";

export interface RequestedStatement extends Statement {
  arrayMode?: boolean;
}

export interface SqlRequest {
  database: string;
  rawTextOutput: boolean;
  arrayMode: boolean;
  transaction: TransactionOptions;
  /** A single query, or a batch to run in one transaction. */
  payload:
    | { kind: "single"; statement: RequestedStatement }
    | { kind: "batch"; statements: RequestedStatement[] };
}

const ISOLATION_LEVELS: readonly string[] = [
  "ReadUncommitted",
  "ReadCommitted",
  "RepeatableRead",
  "Serializable",
];

export type HeaderGetter = (name: string) => string | undefined;

export function parseHeaders(header: HeaderGetter): Omit<SqlRequest, "payload"> {
  const database = databaseFromConnectionString(header("neon-connection-string"));
  const isolation = header("neon-batch-isolation-level");
  if (isolation !== undefined && !ISOLATION_LEVELS.includes(isolation)) {
    throw new HttpError(400, "invalid isolation level");
  }
  return {
    database,
    // Neon: anything other than exactly "true" means false.
    rawTextOutput: header("neon-raw-text-output") === "true",
    arrayMode: header("neon-array-mode") === "true",
    transaction: {
      isolationLevel: isolation as IsolationLevel | undefined,
      readOnly: header("neon-batch-read-only") === "true",
      deferrable: header("neon-batch-deferrable") === "true",
    },
  };
}

export function parsePayload(bodyText: string): SqlRequest["payload"] {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch (error) {
    throw bodyError((error as Error).message);
  }
  if (!isObject(body)) throw bodyError("expected a JSON object with `query` or `queries`");
  if ("queries" in body && !("query" in body)) {
    const queries = body.queries;
    if (!Array.isArray(queries)) throw bodyError("`queries` must be an array");
    return { kind: "batch", statements: queries.map((q, i) => parseStatement(q, `queries[${i}]`)) };
  }
  return { kind: "single", statement: parseStatement(body, "") };
}

function parseStatement(value: unknown, path: string): RequestedStatement {
  const at = (field: string) => (path === "" ? field : `${path}.${field}`);
  if (!isObject(value)) throw bodyError(`\`${path || "body"}\` must be an object`);
  if (typeof value.query !== "string") throw bodyError(`\`${at("query")}\` must be a string`);
  const params = value.params ?? [];
  if (!Array.isArray(params)) throw bodyError(`\`${at("params")}\` must be an array`);
  const arrayMode = value.arrayMode;
  if (arrayMode !== undefined && arrayMode !== null && typeof arrayMode !== "boolean") {
    throw bodyError(`\`${at("arrayMode")}\` must be a boolean`);
  }
  return {
    query: value.query,
    params: params.map(paramToPgText),
    ...(typeof arrayMode === "boolean" ? { arrayMode } : {}),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function bodyError(detail: string): HttpError {
  return new HttpError(400, `could not parse the HTTP request body: ${detail}`);
}
