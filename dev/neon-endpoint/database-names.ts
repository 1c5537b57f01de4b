// Database names: which are accepted (plain identifiers) and how a Neon-Connection-String
// selects one (the first path segment of postgresql://user:pass@host/DBNAME).

import { HttpError } from "./errors.js";

export const DEFAULT_DATABASE = "main";

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export function isValidDatabaseName(name: string): boolean {
  return NAME.test(name);
}

/** Throws a 400 naming `field` when `name` is not a plain identifier. */
export function assertDatabaseName(name: unknown, field: string): asserts name is string {
  if (typeof name !== "string" || !isValidDatabaseName(name)) {
    throw new HttpError(
      400,
      `invalid ${field}: ${JSON.stringify(name)} (expected 1-63 letters, digits or underscores, not starting with a digit)`,
    );
  }
}

/** Double-quotes an identifier that passed isValidDatabaseName (so it needs no escaping). */
export function quoteIdent(name: string): string {
  return `"${name}"`;
}

/** Mirrors Neon's proxy checks on the connection string header; returns the database name. */
export function databaseFromConnectionString(header: string | undefined): string {
  if (header === undefined) throw new HttpError(400, "invalid header: neon-connection-string");
  let url: URL;
  try {
    url = new URL(header);
  } catch (error) {
    throw new HttpError(400, `invalid connection string: ${(error as Error).message}`);
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new HttpError(400, "incorrect scheme");
  }
  // WHATWG URL treats postgres: as an opaque scheme; re-parse as http to get the path segments.
  const asHttp = new URL(`http:${header.slice(url.protocol.length)}`);
  if (asHttp.username === "") throw new HttpError(400, "missing username");
  const segment = asHttp.pathname.split("/")[1] ?? "";
  if (segment === "") throw new HttpError(400, "missing database name");
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, "invalid database name");
  }
}
