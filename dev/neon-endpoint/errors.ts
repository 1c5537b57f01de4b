// Error types crossing the backend/HTTP boundary: SqlError carries a Postgres error's fields
// (as Neon forwards them); HttpError is an endpoint-level failure with its own status code.

/** The error fields Neon's proxy forwards and the driver copies onto NeonDbError. */
export const SQL_ERROR_FIELDS = [
  "severity",
  "code",
  "detail",
  "hint",
  "position",
  "internalPosition",
  "internalQuery",
  "where",
  "schema",
  "table",
  "column",
  "dataType",
  "constraint",
  "file",
  "line",
  "routine",
] as const;

export type SqlErrorField = (typeof SQL_ERROR_FIELDS)[number];
export type SqlErrorFields = Partial<Record<SqlErrorField, string>>;

export class SqlError extends Error {
  readonly fields: SqlErrorFields;
  constructor(message: string, fields: SqlErrorFields) {
    super(message);
    this.name = "SqlError";
    this.fields = fields;
  }

  /** Copies the fields of a pg / pg-protocol DatabaseError (both expose them as properties). */
  static fromDatabaseError(error: Error & Partial<Record<SqlErrorField, unknown>>): SqlError {
    const fields: SqlErrorFields = {};
    for (const key of SQL_ERROR_FIELDS) {
      const value = error[key];
      if (value !== undefined && value !== null) fields[key] = String(value);
    }
    return new SqlError(error.message, fields);
  }
}

/** True for errors that carry a SQLSTATE, i.e. that Postgres itself raised. */
export function isDatabaseError(error: unknown): error is Error & Partial<Record<SqlErrorField, unknown>> {
  return (
    error instanceof Error && typeof (error as { code?: unknown }).code === "string" && "severity" in error
  );
}

export function databaseMissing(name: string): SqlError {
  return new SqlError(`database "${name}" does not exist`, { severity: "FATAL", code: "3D000" });
}

export function databaseExists(name: string): SqlError {
  return new SqlError(`database "${name}" already exists`, { severity: "ERROR", code: "42P04" });
}

export function templateMissing(name: string): SqlError {
  return new SqlError(`template database "${name}" does not exist`, { severity: "ERROR", code: "3D000" });
}

export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = "HttpError";
    this.status = status;
  }
}
