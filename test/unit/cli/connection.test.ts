// Where the CLI connects and as whom: flags over environment over the local dev defaults.
import { describe, expect, it } from "vitest";
import { ArgumentError } from "../../../cli/args";
import { resolveConnection } from "../../../cli/connection";
import { DEMO_LOGIN, DEV_CREDENTIALS_KEY, LOCAL_DATABASE_URL } from "../../../cli/local-defaults";

describe("resolveConnection", () => {
  it("defaults to the local dev Worker, the demo user and the local database", () => {
    const c = resolveConnection({}, {});
    expect(c.baseUrl).toBe("http://127.0.0.1:8787");
    expect(c.local).toBe(true);
    expect(c.auth).toEqual({ kind: "login", ...DEMO_LOGIN });
    expect(c.database).toEqual({
      url: LOCAL_DATABASE_URL,
      httpEndpoint: "http://127.0.0.1:8791/sql",
      local: true,
      assumed: true,
    });
    expect(c.credentialsKey).toBe(DEV_CREDENTIALS_KEY);
    const named = resolveConnection({ "database-url": "postgresql://local:local@127.0.0.1:9100/main" }, {});
    expect(named.database).toMatchObject({ httpEndpoint: "http://127.0.0.1:9100/sql", assumed: false });
  });

  it("uses an API key for a deployed Worker, from flags before the environment", () => {
    const env = { MI_CORE_URL: "https://mi.example.com", MI_CORE_API_KEY: "mic_fromenv_xxxxxxxxxxxxxxxx" };
    const fromEnv = resolveConnection({}, env);
    expect(fromEnv).toMatchObject({ baseUrl: "https://mi.example.com", local: false, database: undefined });
    expect(fromEnv.auth).toEqual({ kind: "api-key", key: env.MI_CORE_API_KEY });
    expect(fromEnv.credentialsKey).toBeUndefined();
    const fromFlag = resolveConnection({ "api-key": "mic_fromflag_xxxxxxxxxxxxxx" }, env);
    expect(fromFlag.auth).toEqual({ kind: "api-key", key: "mic_fromflag_xxxxxxxxxxxxxx" });
  });

  it("has no credentials for a remote Worker without a key or a user", () => {
    expect(resolveConnection({ url: "https://mi.example.com" }, {}).auth).toEqual({ kind: "none" });
  });

  it("derives the local Neon endpoint from a local database URL; a Neon URL talks to Neon", () => {
    const local = resolveConnection({ "database-url": "postgresql://local:local@127.0.0.1:8798/main" }, {});
    expect(local.database?.httpEndpoint).toBe("http://127.0.0.1:8798/sql");
    const neon = resolveConnection(
      {},
      { DATABASE_URL: "postgresql://u:p@ep-x.neon.tech/db", CREDENTIALS_KEY: "k" },
    );
    expect(neon.database).toEqual({
      url: "postgresql://u:p@ep-x.neon.tech/db",
      httpEndpoint: undefined,
      local: false,
      assumed: false,
    });
    expect(neon.credentialsKey).toBe("k");
  });

  it("names bad arguments", () => {
    expect(() => resolveConnection({ url: "ftp://x" }, {})).toThrow(ArgumentError);
    expect(() => resolveConnection({ url: "not a url" }, {})).toThrow(/--url: not a URL/);
    expect(() => resolveConnection({ "api-key": "secret" }, {})).toThrow(
      /--api-key: expected a key starting with mic_/,
    );
    expect(() => resolveConnection({ email: "a@b.c" }, {})).toThrow(/--password: required with --email/);
    expect(() => resolveConnection({ "database-url": "mysql://x" }, {})).toThrow(/--database-url/);
  });
});
