// Runs one statement on a PGlite instance through the extended query protocol (Parse, Bind,
// Describe, Execute, Sync in one buffer), so multi-statement strings fail as on Neon and every
// value comes back as Postgres text; DataRow arrays are used as reply rows without copying.

import { type messages, type PGlite, protocol } from "@electric-sql/pglite";
import type { FieldDescription, Statement, StatementResult } from "./backend.js";
import { parseCommandTag } from "./command-tag.js";
import { SqlError } from "./errors.js";

export interface WireOutcome {
  result: StatementResult | undefined;
  error: SqlError | undefined;
  /** ReadyForQuery status after the statement: I (idle), T (in transaction), E (failed transaction). */
  status: string;
}

const { serialize } = protocol;
const DESCRIBE_PORTAL = serialize.describe({ type: "P" });
const EXECUTE = serialize.execute({});
const SYNC = serialize.sync();
const ignoreNotice = () => {};

export async function runOnPglite(pg: PGlite, statement: Statement): Promise<WireOutcome> {
  const message = concat([
    serialize.parse({ text: statement.query }),
    serialize.bind({ values: statement.params }),
    DESCRIBE_PORTAL,
    EXECUTE,
    SYNC,
  ]);
  const { messages: replies } = await pg.execProtocol(message, {
    syncToFs: false,
    throwOnError: false,
    onNotice: ignoreNotice,
  });
  let fields: FieldDescription[] = [];
  const rows: (string | null)[][] = [];
  let tag: { command: string; rowCount: number | null } | undefined;
  let error: SqlError | undefined;
  let status = "I";
  for (const reply of replies) {
    switch (reply.name) {
      case "dataRow":
        rows.push((reply as messages.DataRowMessage).fields as (string | null)[]);
        break;
      case "rowDescription":
        fields = (reply as messages.RowDescriptionMessage).fields.map(describeField);
        break;
      case "commandComplete":
        tag = parseCommandTag((reply as messages.CommandCompleteMessage).text);
        break;
      case "emptyQuery":
        tag = { command: "", rowCount: null };
        break;
      case "error":
        error = SqlError.fromDatabaseError(reply as messages.DatabaseError);
        break;
      case "readyForQuery":
        status = (reply as messages.ReadyForQueryMessage).status;
        break;
    }
  }
  if (error !== undefined) return { result: undefined, error, status };
  const { command, rowCount } = tag ?? { command: "", rowCount: null };
  return { result: { command, rowCount, fields, rows }, error: undefined, status };
}

/** Runs a statement and returns its result, throwing its SqlError if it failed. */
export async function runOnPgliteOrThrow(pg: PGlite, statement: Statement): Promise<StatementResult> {
  const outcome = await runOnPglite(pg, statement);
  if (outcome.error !== undefined) throw outcome.error;
  return outcome.result as StatementResult;
}

function describeField(field: messages.Field): FieldDescription {
  return {
    name: field.name,
    tableID: field.tableID,
    columnID: field.columnID,
    dataTypeID: field.dataTypeID,
    dataTypeSize: field.dataTypeSize,
    dataTypeModifier: field.dataTypeModifier,
    format: "text",
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
