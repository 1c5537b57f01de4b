// The Worker's configuration, parsed once from its env (vars and secrets) with zod: typed values with
// defaults, and a ConfigError naming every bad variable (never echoing a secret's value). Parsed again
// only when a raw value changes (tests move DATABASE_URL and NEON_HTTP_ENDPOINT between files).
import { z } from "zod";
import { base64ToBytes } from "./auth/encoding";

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** A whole number in a text var (wrangler vars are strings), within bounds, with a default when empty. */
const wholeNumber = (min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((text) => (text === undefined || text.trim() === "" ? String(fallback) : text.trim()))
    .pipe(z.string().regex(/^\d+$/, `must be a whole number from ${min} to ${max}`))
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

function isBase64Of32Bytes(text: string): boolean {
  try {
    return base64ToBytes(text).length === 32;
  } catch {
    return false;
  }
}

const origin = z.string().refine((text) => {
  try {
    return new URL(text).origin === text;
  } catch {
    return false;
  }
}, "each entry must be an origin like https://app.example.com (scheme, host, optional port; no path)");

const EnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: "is not set (wrangler secret put DATABASE_URL)" })
    .regex(/^postgres(ql)?:\/\//, "must start with postgresql:// (copy it from the Neon console)"),
  SESSION_SECRET: z
    .string({ error: "is not set (wrangler secret put SESSION_SECRET)" })
    .min(16, "must be at least 16 characters"),
  CREDENTIALS_KEY: z
    .string({ error: "is not set (wrangler secret put CREDENTIALS_KEY)" })
    .refine(isBase64Of32Bytes, "must be base64 of 32 bytes (openssl rand -base64 32)"),
  CACHE_TTL_SECONDS: wholeNumber(60, 86_400, 300),
  RATE_LIMIT_PER_MINUTE: wholeNumber(1, 1_000_000, 60),
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((text) =>
      (text ?? "")
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(origin)),
  NEON_HTTP_ENDPOINT: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, error: "must be empty or an http(s) URL" })])
    .optional(),
  APP_VERSION: z.string().trim().min(1).optional(),
  // 0 = one ingestion step per queue delivery; otherwise a delivery runs steps for up to this long.
  INGEST_STEP_BUDGET_MS: wholeNumber(0, 600_000, 20_000),
  // Alerts to Telegram: the bot's token (secret; empty = no Telegram channel), the Bot API's base URL (a
  // stand-in locally and in tests), and the secret Telegram echoes in X-Telegram-Bot-Api-Secret-Token.
  TELEGRAM_BOT_TOKEN: z.string().trim().optional(),
  TELEGRAM_API_BASE: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, error: "must be empty or an http(s) URL" })])
    .optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .union([z.literal(""), z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, "must be 1-256 of A-Z a-z 0-9 _ -")])
    .optional(),
  // The bot's @username (without @): the dashboard's chat-linking deep link t.me/<it>?start=<code>.
  TELEGRAM_BOT_USERNAME: z
    .union([
      z.literal(""),
      z.string().regex(/^[A-Za-z][A-Za-z0-9_]{4,31}$/, "must be a bot username like MiCoreBot"),
    ])
    .optional(),
  // Local dev and tests: the marketplace simulator, which accounts connected from the dashboard call instead of
  // the vendors (`npm run dev` sets it). Unset in production.
  SIMULATOR_URL: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, error: "must be empty or an http(s) URL" })])
    .optional(),
});

export interface Config {
  databaseUrl: string;
  /** Local dev and tests: dev/neon-endpoint's SQL URL; undefined in production (Neon itself). */
  neonHttpEndpoint: string | undefined;
  sessionSecret: string;
  credentialsKey: string;
  cacheTtlSeconds: number;
  rateLimitPerMinute: number;
  corsOrigins: string[];
  appVersion: string;
  /** Milliseconds one queue delivery may keep running a run's steps; 0 = one step per delivery. */
  ingestStepBudgetMs: number;
  /** The alert bot; null when TELEGRAM_BOT_TOKEN is not set. */
  telegram: {
    apiBase: string;
    token: string;
    webhookSecret: string | null;
    /** The bot's username for t.me deep links; null when TELEGRAM_BOT_USERNAME is not set. */
    username: string | null;
  } | null;
  /** Local dev and tests: the simulator's URL; accounts added through the API get `${it}/${marketplace}`. */
  simulatorUrl: string | undefined;
}

const VARIABLES = Object.keys(EnvSchema.shape) as Array<keyof typeof EnvSchema.shape>;

/** Parses the env; throws ConfigError naming each bad variable and what it must be. */
export function parseConfig(env: object): Config {
  const vars = env as Record<string, unknown>;
  const raw = Object.fromEntries(VARIABLES.map((name) => [name, vars[name]]));
  const result = EnvSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${[...new Set(problems)].join("; ")}`);
  }
  const valid = result.data;
  return {
    databaseUrl: valid.DATABASE_URL,
    neonHttpEndpoint: valid.NEON_HTTP_ENDPOINT || undefined,
    sessionSecret: valid.SESSION_SECRET,
    credentialsKey: valid.CREDENTIALS_KEY,
    cacheTtlSeconds: valid.CACHE_TTL_SECONDS,
    rateLimitPerMinute: valid.RATE_LIMIT_PER_MINUTE,
    corsOrigins: valid.CORS_ORIGINS,
    appVersion: valid.APP_VERSION ?? "0.1.0",
    ingestStepBudgetMs: valid.INGEST_STEP_BUDGET_MS,
    telegram: valid.TELEGRAM_BOT_TOKEN
      ? {
          apiBase: (valid.TELEGRAM_API_BASE || "https://api.telegram.org").replace(/\/$/, ""),
          token: valid.TELEGRAM_BOT_TOKEN,
          webhookSecret: valid.TELEGRAM_WEBHOOK_SECRET || null,
          username: valid.TELEGRAM_BOT_USERNAME || null,
        }
      : null,
    simulatorUrl: valid.SIMULATOR_URL ? valid.SIMULATOR_URL.replace(/\/+$/, "") : undefined,
  };
}

let parsed: { fingerprint: string; config: Config } | undefined;

/** The isolate's configuration: parsed on first use and again only when a raw value changed. */
export function configFromEnv(env: object): Config {
  const vars = env as Record<string, unknown>;
  const fingerprint = VARIABLES.map((name) => String(vars[name] ?? "")).join("\u0000");
  if (parsed?.fingerprint !== fingerprint) parsed = { fingerprint, config: parseConfig(env) };
  return parsed.config;
}
