// Login throttling per account (email) and per client IP: a few free failures, then a lock that doubles
// with each further failure, up to 15 minutes. Unknown emails are throttled exactly like real ones, so
// the answers never tell whether an account exists. While a key is locked the password is not checked at
// all (429 with Retry-After), so 50 guesses in a row get about 6 checked, not 50.
//
// State lives in PostgreSQL (db/queries/login-throttle.ts), not a Durable Object: the login already
// reads the database, one atomic upsert per key claims the attempt before the password is checked (so
// parallel guesses from many isolates count correctly), and the lock is a stored time the operator can
// read or clear with SQL. Times come from the app's clock (c.var.clock), which tests move by hand.

import type { Database } from "../../db/client";
import {
  claimSignInAttempt,
  forgetSignInFailures,
  recordSignInFailure,
  type ThrottleClaim,
  type ThrottlePolicy,
} from "../../db/queries/login-throttle";
import { ApiError } from "../errors";
import { sha256Hex } from "./encoding";

/** One account: 5 free failures, then 1 s, 2 s, 4 s … up to 15 min; counting restarts after a quiet day. */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeFailures: 5,
  firstLockSeconds: 1,
  maxLockSeconds: 900,
  forgetAfterSeconds: 86_400,
};

/** One client IP (an office may share one): 20 free failures over any accounts, same growth, quiet hour. */
export const IP_POLICY: ThrottlePolicy = {
  freeFailures: 20,
  firstLockSeconds: 1,
  maxLockSeconds: 900,
  forgetAfterSeconds: 3_600,
};

export interface SignInKeys {
  email: string;
  ip: string;
}

export interface ThrottledSignIn {
  /** The password matched: the email's failures are forgotten. */
  succeeded(): Promise<void>;
  /** The password did not match (or no such user): one failure for the client IP. */
  failed(): Promise<void>;
}

/**
 * Claims a sign-in attempt for the email (counted before the password is checked: parallel guesses count
 * exactly) or throws 429 with Retry-After (seconds until the later lock ends) when the email or the IP is
 * locked. The IP's failures are counted after the check, so guesses at a locked account do not also lock
 * the office's address.
 */
export async function throttleSignIn(db: Database, keys: SignInKeys, now: Date): Promise<ThrottledSignIn> {
  const emailKey = `email:${await sha256Hex(keys.email.toLowerCase())}`;
  const ip: ThrottleClaim = { key: `ip:${keys.ip}`, policy: IP_POLICY };
  const locked = await claimSignInAttempt(db, { key: emailKey, policy: ACCOUNT_POLICY }, ip.key, now);
  if (locked.length > 0) {
    const until = Math.max(...locked.map((state) => state.lockedUntil?.getTime() ?? now.getTime()));
    const seconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
    throw new ApiError("TOO_MANY_REQUESTS", `Too many failed sign-ins; try again in ${seconds} s`, {
      "Retry-After": String(seconds),
    });
  }
  return {
    succeeded: () => forgetSignInFailures(db, emailKey),
    failed: () => recordSignInFailure(db, ip, now),
  };
}
