// The contract between the HTTP layer and a SQL engine (PGlite or a real PostgreSQL server):
// one statement per query, parameters and values as Postgres text, errors as SqlError.

/** A column as Postgres describes it in RowDescription (node-postgres FieldDef shape). */
export interface FieldDescription {
  name: string;
  tableID: number;
  columnID: number;
  dataTypeID: number;
  dataTypeSize: number;
  dataTypeModifier: number;
  format: "text";
}

/** One statement with its parameters already converted to Postgres text (null = SQL NULL). */
export interface Statement {
  query: string;
  params: (string | null)[];
}

/** The outcome of one statement; values are Postgres text exactly as the server printed them. */
export interface StatementResult {
  command: string;
  rowCount: number | null;
  fields: FieldDescription[];
  rows: (string | null)[][];
}

export type IsolationLevel = "ReadUncommitted" | "ReadCommitted" | "RepeatableRead" | "Serializable";

export interface TransactionOptions {
  isolationLevel?: IsolationLevel;
  readOnly: boolean;
  deferrable: boolean;
}

export interface Backend {
  readonly kind: "pglite" | "postgres";
  /** Runs one statement outside an explicit transaction (autocommit). */
  query(database: string, statement: Statement): Promise<StatementResult>;
  /** Runs all statements in one transaction; any error rolls back the whole batch and is thrown. */
  transaction(
    database: string,
    statements: Statement[],
    options: TransactionOptions,
  ): Promise<StatementResult[]>;
  createDatabase(name: string, template?: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  listDatabases(): Promise<string[]>;
  close(): Promise<void>;
}

/** The SQL text that opens a transaction with the given options, as Neon's proxy builds it. */
export function beginStatement(options: TransactionOptions): string {
  const parts = ["BEGIN"];
  if (options.isolationLevel !== undefined)
    parts.push(`ISOLATION LEVEL ${ISOLATION_SQL[options.isolationLevel]}`);
  if (options.readOnly) parts.push("READ ONLY");
  if (options.deferrable) parts.push("DEFERRABLE");
  return parts.join(" ");
}

const ISOLATION_SQL: Record<IsolationLevel, string> = {
  ReadUncommitted: "READ UNCOMMITTED",
  ReadCommitted: "READ COMMITTED",
  RepeatableRead: "REPEATABLE READ",
  Serializable: "SERIALIZABLE",
};
