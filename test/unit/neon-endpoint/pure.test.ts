// Unit tests for the endpoint's pure pieces: command tags, JSON parameters as Postgres text,
// connection-string database selection, request validation and the CLI arguments.

import { describe, expect, it } from "vitest";
import { parseArgs } from "../../../dev/neon-endpoint/args.js";
import { beginStatement } from "../../../dev/neon-endpoint/backend.js";
import { parseCommandTag } from "../../../dev/neon-endpoint/command-tag.js";
import { databaseFromConnectionString } from "../../../dev/neon-endpoint/database-names.js";
import { paramToPgText } from "../../../dev/neon-endpoint/params.js";
import { parseHeaders } from "../../../dev/neon-endpoint/request.js";

describe("parseCommandTag", () => {
  it.each([
    ["INSERT 0 5", "INSERT", 5],
    ["UPDATE 2", "UPDATE", 2],
    ["SELECT 0", "SELECT", 0],
    ["CREATE TABLE", "CREATE", null],
    ["BEGIN", "BEGIN", null],
  ])("%s → %s / %s", (tag, command, rowCount) => {
    expect(parseCommandTag(tag)).toEqual({ command, rowCount });
  });
});

describe("paramToPgText", () => {
  it("converts JSON values as Neon's proxy does", () => {
    expect(paramToPgText(null)).toBeNull();
    expect(paramToPgText("plain")).toBe("plain");
    expect(paramToPgText(12.5)).toBe("12.5");
    expect(paramToPgText(false)).toBe("false");
    expect(paramToPgText({ a: [1] })).toBe('{"a":[1]}');
    expect(paramToPgText([1, null, [2, 3]])).toBe("{1,NULL,{2,3}}");
    expect(paramToPgText(['a"b', "c\\d", "e,f"])).toBe('{"a\\"b","c\\\\d","e,f"}');
  });
});

describe("connection string and headers", () => {
  it("selects the database from the path and rejects what Neon rejects", () => {
    expect(databaseFromConnectionString("postgresql://u:p@host:5432/inventory?sslmode=require")).toBe(
      "inventory",
    );
    expect(databaseFromConnectionString("postgres://u@h/with%20space")).toBe("with space");
    expect(() => databaseFromConnectionString(undefined)).toThrow("invalid header: neon-connection-string");
    expect(() => databaseFromConnectionString("http://u:p@h/db")).toThrow("incorrect scheme");
    expect(() => databaseFromConnectionString("postgresql://u:p@h/")).toThrow("missing database name");
    expect(() => databaseFromConnectionString("postgresql://h/db")).toThrow("missing username");
  });

  it("reads the batch options and builds the BEGIN statement", () => {
    const headers: Record<string, string> = {
      "neon-connection-string": "postgresql://u:p@h/main",
      "neon-batch-isolation-level": "RepeatableRead",
      "neon-batch-read-only": "true",
      "neon-batch-deferrable": "TRUE",
    };
    const parsed = parseHeaders((name) => headers[name]);
    expect(parsed.transaction).toEqual({
      isolationLevel: "RepeatableRead",
      readOnly: true,
      deferrable: false,
    });
    expect(beginStatement(parsed.transaction)).toBe("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  });
});

describe("CLI arguments", () => {
  it("parses the documented flags", () => {
    expect(parseArgs(["--port", "8791", "--data-dir", ".data/pglite"])).toEqual({
      kind: "run",
      options: { port: 8791, backend: { kind: "pglite", dataDir: ".data/pglite" } },
      quiet: false,
    });
    expect(parseArgs(["--postgres=postgres://a@h/db", "--quiet"])).toMatchObject({
      options: { port: 8791, backend: { kind: "postgres", url: "postgres://a@h/db" } },
      quiet: true,
    });
    expect(parseArgs(["--help"])).toEqual({ kind: "help" });
  });

  it.each([
    [["--port"], "--port needs a value"],
    [["--port", "http"], '--port must be 0-65535, got "http"'],
    [["--port", "70000"], '--port must be 0-65535, got "70000"'],
    [["--postgres", "mysql://x"], "--postgres must be a postgres:// or postgresql:// URL"],
    [["--data-dir", "d", "--postgres", "postgres://h/x"], "--data-dir and --postgres exclude each other"],
    [["--verbose"], 'unknown argument "--verbose"'],
  ])("%j → error naming the argument", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
