// Secrets and local-only settings that `wrangler types` cannot see in wrangler.toml.
declare namespace Cloudflare {
  interface Env {
    /** Neon connection string (secret). */
    DATABASE_URL: string;
    /** base64 of 32 bytes: AES-GCM key for marketplace credentials (secret). */
    CREDENTIALS_KEY: string;
    /** Signs dashboard session cookies (secret). */
    SESSION_SECRET: string;
    /** Tests only: base URL of dev/neon-endpoint's control API. */
    NEON_CONTROL_URL?: string;
    /** Telegram bot token for alerts (secret; optional). */
    TELEGRAM_BOT_TOKEN?: string;
    /** Secret Telegram sends back in X-Telegram-Bot-Api-Secret-Token on the bot's webhook (secret; optional). */
    TELEGRAM_WEBHOOK_SECRET?: string;
    /** The alert bot's @username without @, for t.me deep links (optional). */
    TELEGRAM_BOT_USERNAME?: string;
    /** Tests only: base URL of the alert tests' own marketplace simulator. */
    ALERTS_SIMULATOR_URL?: string;
    /** Tests only: base URL of the marketplace simulator. */
    SIMULATOR_URL?: string;
  }
}
