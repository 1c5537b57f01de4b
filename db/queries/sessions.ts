// Dashboard sessions, stored by the SHA-256 of their cookie token. Resolving a session also loads the
// user's role and the organization's settings in the same round trip.
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { organizations, sessions, users } from "../schema";
import { organizationSettingsColumns } from "./organizations";

export interface NewSession {
  tokenHash: string;
  userId: string;
  orgId: string;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export async function createSession(db: Database, session: NewSession): Promise<void> {
  await db.insert(sessions).values(session);
}

export async function deleteSession(db: Database, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** The live session for a token hash, with its user and organization; undefined when expired or disabled. */
export async function findSession(db: Database, tokenHash: string, now = new Date()) {
  const [row] = await db
    .select({
      userId: users.id,
      email: users.email,
      role: users.role,
      expiresAt: sessions.expiresAt,
      organization: organizationSettingsColumns,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, sessions.orgId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, now),
        isNull(users.disabledAt),
        eq(users.orgId, sessions.orgId),
      ),
    )
    .limit(1);
  return row;
}
