// Failed sign-ins per email and per client IP, for the login throttle (worker/auth/login-throttle.ts).
// Rows exist for unknown emails too, so the throttle answers the same whether an account exists or not.
import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const loginThrottle = pgTable("login_throttle", {
  // "email:<SHA-256 of the lower-cased email>" (no address stored) or "ip:<client address>".
  key: text("key").primaryKey(),
  // Sign-in attempts not yet followed by a success, counted before the password is checked.
  failures: integer("failures").notNull(),
  lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }).notNull(),
  // No attempt is checked before this time; null when not locked.
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});
