// The Worker's configuration: parsed once with defaults, and every bad variable named with what it must
// be, without echoing secrets.
import { describe, expect, it } from "vitest";
import { ConfigError, configFromEnv, parseConfig } from "../../../worker/config";

const VALID = {
  DATABASE_URL: "postgresql://user:password@db.example.test/main",
  SESSION_SECRET: "a-session-secret-long-enough",
  CREDENTIALS_KEY: "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
  CACHE_TTL_SECONDS: "300",
  RATE_LIMIT_PER_MINUTE: "60",
  CORS_ORIGINS: "http://127.0.0.1:8787, https://app.example.test",
  NEON_HTTP_ENDPOINT: "",
  APP_VERSION: "1.2.3",
};

function problem(env: Record<string, unknown>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("parsed without complaint");
}

describe("configuration", () => {
  it("parses the vars into typed values", () => {
    expect(parseConfig(VALID)).toEqual({
      databaseUrl: VALID.DATABASE_URL,
      neonHttpEndpoint: undefined,
      sessionSecret: VALID.SESSION_SECRET,
      credentialsKey: VALID.CREDENTIALS_KEY,
      cacheTtlSeconds: 300,
      rateLimitPerMinute: 60,
      corsOrigins: ["http://127.0.0.1:8787", "https://app.example.test"],
      appVersion: "1.2.3",
      ingestStepBudgetMs: 20_000,
      telegram: null,
    });
  });

  it("builds the alert bot from TELEGRAM_BOT_TOKEN, with Telegram's own API unless another base is set", () => {
    const bot = (vars: object) => parseConfig({ ...VALID, TELEGRAM_BOT_TOKEN: "123:abc", ...vars }).telegram;
    expect(bot({})).toEqual({
      apiBase: "https://api.telegram.org",
      token: "123:abc",
      webhookSecret: null,
      username: null,
    });
    expect(
      bot({
        TELEGRAM_API_BASE: "http://127.0.0.1:9000/",
        TELEGRAM_WEBHOOK_SECRET: "s_1",
        TELEGRAM_BOT_USERNAME: "MiCoreBot",
      }),
    ).toEqual({
      apiBase: "http://127.0.0.1:9000",
      token: "123:abc",
      webhookSecret: "s_1",
      username: "MiCoreBot",
    });
    expect(() => bot({ TELEGRAM_WEBHOOK_SECRET: "has spaces" })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(() => bot({ TELEGRAM_BOT_USERNAME: "@bot" })).toThrow(/TELEGRAM_BOT_USERNAME/);
  });

  it("fills the documented defaults for vars left out or empty", () => {
    const config = parseConfig({
      DATABASE_URL: VALID.DATABASE_URL,
      SESSION_SECRET: VALID.SESSION_SECRET,
      CREDENTIALS_KEY: VALID.CREDENTIALS_KEY,
      CACHE_TTL_SECONDS: "",
    });
    expect(config).toMatchObject({ cacheTtlSeconds: 300, rateLimitPerMinute: 60, corsOrigins: [] });
    expect(config.appVersion).toBe("0.1.0");
    expect(config.ingestStepBudgetMs).toBe(20_000);
  });

  it.each([
    ["DATABASE_URL", "mysql://x", "DATABASE_URL: must start with postgresql://"],
    ["DATABASE_URL", undefined, "DATABASE_URL: is not set"],
    ["SESSION_SECRET", "short", "SESSION_SECRET: must be at least 16 characters"],
    ["CREDENTIALS_KEY", "c2hvcnQ=", "CREDENTIALS_KEY: must be base64 of 32 bytes"],
    ["INGEST_STEP_BUDGET_MS", "20s", "INGEST_STEP_BUDGET_MS: must be a whole number from 0 to 600000"],
    ["CACHE_TTL_SECONDS", "five minutes", "CACHE_TTL_SECONDS: must be a whole number from 60 to 86400"],
    ["CACHE_TTL_SECONDS", "10", "CACHE_TTL_SECONDS: must be at least 60"],
    ["RATE_LIMIT_PER_MINUTE", "-1", "RATE_LIMIT_PER_MINUTE: must be a whole number"],
    ["CORS_ORIGINS", "https://app.example.test/path", "CORS_ORIGINS: each entry must be an origin"],
    ["NEON_HTTP_ENDPOINT", "localhost:8791", "NEON_HTTP_ENDPOINT: must be empty or an http(s) URL"],
  ])("names %s when it is %j", (name, value, message) => {
    expect(problem({ ...VALID, [name]: value })).toContain(message);
  });

  it("names every bad variable at once and never echoes a secret", () => {
    const message = problem({ ...VALID, SESSION_SECRET: "hunter2", DATABASE_URL: "mysql://root:hunter3@x" });
    expect(message).toMatch(/DATABASE_URL: .*; SESSION_SECRET: /);
    expect(message).not.toContain("hunter");
  });

  it("is parsed once, and again only when a value changes", () => {
    const env = { ...VALID };
    const first = configFromEnv(env);
    expect(configFromEnv({ ...VALID })).toBe(first);
    env.DATABASE_URL = "postgresql://user:password@db.example.test/other";
    expect(configFromEnv(env).databaseUrl).toBe(env.DATABASE_URL);
  });
});
