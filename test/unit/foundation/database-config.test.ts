// The connection factory refuses a missing or malformed DATABASE_URL with a message saying what to do.
import { describe, expect, it } from "vitest";
import { createDatabase, DatabaseConfigError } from "../../../db/client";

describe("createDatabase", () => {
  it("explains a missing DATABASE_URL", () => {
    expect(() => createDatabase({ url: "" })).toThrowError(DatabaseConfigError);
    expect(() => createDatabase({ url: "" })).toThrowError(/wrangler secret put DATABASE_URL/);
  });

  it("rejects a URL that is not a postgres connection string", () => {
    expect(() => createDatabase({ url: "mysql://x@y/z" })).toThrowError(/must start with postgresql:\/\//);
  });

  it("accepts both postgres:// and postgresql:// without connecting", () => {
    expect(createDatabase({ url: "postgres://u:p@host/db" })).toBeTruthy();
    expect(createDatabase({ url: "postgresql://u:p@host/db" })).toBeTruthy();
  });
});
