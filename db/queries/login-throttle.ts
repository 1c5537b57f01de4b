// The login throttle's state: one row per email (hashed) and per client IP. An email's attempt is claimed
// before the password is checked, in one atomic upsert, so parallel guesses cannot slip past a lock none
// of them has seen yet; a success clears it. Times come from the caller's clock, never the database's.
import { eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { loginThrottle } from "../schema";

export interface ThrottlePolicy {
  /** Failures allowed before any lock. */
  freeFailures: number;
  /** The first lock's length; each later failure doubles it. */
  firstLockSeconds: number;
  maxLockSeconds: number;
  /** A key whose last attempt is older than this starts counting again from zero. */
  forgetAfterSeconds: number;
}

export interface ThrottleClaim {
  key: string;
  policy: ThrottlePolicy;
}

export interface ThrottleState {
  key: string;
  failures: number;
  lockedUntil: Date | null;
}

const stamp = (at: Date) => sql`${at.toISOString()}::timestamptz`;

/** Upsert counting one attempt for `key`; it returns no row when the key is locked at `now`. */
function claimStatement(db: Database, { key, policy }: ThrottleClaim, now: Date) {
  const forgetBefore = new Date(now.getTime() - policy.forgetAfterSeconds * 1000);
  const failures = sql`(case when ${loginThrottle.lastAttemptAt} <= ${stamp(forgetBefore)} then 1 else ${loginThrottle.failures} + 1 end)`;
  const lockedUntil = sql`(case when ${failures} > ${policy.freeFailures}
    then ${stamp(now)} + least(${policy.firstLockSeconds}::float8 * power(2, ${failures} - ${policy.freeFailures} - 1), ${policy.maxLockSeconds}::float8) * interval '1 second'
    end)`;
  return db
    .insert(loginThrottle)
    .values({
      key,
      failures: 1,
      lastAttemptAt: now,
      lockedUntil: policy.freeFailures < 1 ? new Date(now.getTime() + policy.firstLockSeconds * 1000) : null,
    })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: { failures, lockedUntil, lastAttemptAt: now },
      setWhere: sql`${loginThrottle.lockedUntil} is null or ${loginThrottle.lockedUntil} <= ${stamp(now)}`,
    })
    .returning({ key: loginThrottle.key });
}

/**
 * Claims one attempt for `claim.key` and reads the state of `alsoCheck` in one transaction. Answers the
 * locked keys with their state (a locked claim is not counted); empty when the attempt may go on.
 */
export async function claimSignInAttempt(
  db: Database,
  claim: ThrottleClaim,
  alsoCheck: string,
  now: Date,
): Promise<ThrottleState[]> {
  const [claimed, states] = await db.batch([
    claimStatement(db, claim, now),
    db
      .select({
        key: loginThrottle.key,
        failures: loginThrottle.failures,
        lockedUntil: loginThrottle.lockedUntil,
      })
      .from(loginThrottle)
      .where(inArray(loginThrottle.key, [claim.key, alsoCheck])),
  ]);
  const admitted = claimed.length > 0;
  return states.filter((row) =>
    row.key === claim.key ? !admitted : row.lockedUntil !== null && row.lockedUntil > now,
  );
}

/** Counts one failure for `claim.key` (unless it is locked already), locking it by its policy. */
export async function recordSignInFailure(db: Database, claim: ThrottleClaim, now: Date): Promise<void> {
  await claimStatement(db, claim, now);
}

/** After a success: the key starts counting again from zero. */
export async function forgetSignInFailures(db: Database, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
