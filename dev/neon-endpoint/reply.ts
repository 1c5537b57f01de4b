// Builds the JSON bodies Neon's proxy sends: a statement result (node-postgres Result shape),
// and error bodies (Postgres error fields, null where absent; or just a message).

import type { StatementResult } from "./backend.js";
import { SQL_ERROR_FIELDS, type SqlError } from "./errors.js";

export interface StatementReply {
  command: string;
  rowCount: number | null;
  rows: (string | null)[][] | Record<string, string | null>[];
  fields: StatementResult["fields"];
  rowAsArray: boolean;
}

/** Array mode reuses the backend's row arrays as they are: no per-row work on the hot path. */
export function statementReply(result: StatementResult, arrayMode: boolean): StatementReply {
  return {
    command: result.command,
    rowCount: result.rowCount,
    rows: arrayMode ? result.rows : rowsAsObjects(result),
    fields: result.fields,
    rowAsArray: arrayMode,
  };
}

function rowsAsObjects(result: StatementResult): Record<string, string | null>[] {
  const names = result.fields.map((field) => field.name);
  return result.rows.map((row) => {
    const object: Record<string, string | null> = {};
    for (let i = 0; i < names.length; i++) object[names[i] as string] = row[i] ?? null;
    return object;
  });
}

export function sqlErrorBody(error: SqlError): Record<string, string | null> {
  const body: Record<string, string | null> = { message: error.message };
  for (const key of SQL_ERROR_FIELDS) body[key] = error.fields[key] ?? null;
  return body;
}

export function messageBody(message: string): { message: string } {
  return { message };
}
