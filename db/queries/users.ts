// Users of an organization: lookup for login, and the admin's list / create / change operations.
// Every function but the login lookup takes the organization id and never reaches outside it.
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Database } from "../client";
import { sessions, users } from "../schema";
import type { Role } from "../schema/enums";

export const publicUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  createdAt: users.createdAt,
  disabledAt: users.disabledAt,
};

/** Login: emails are unique across organizations, compared case-insensitively. */
export async function findUserForLogin(db: Database, email: string) {
  const [user] = await db
    .select({ ...publicUserColumns, orgId: users.orgId, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return user;
}

/** A user's role in this organization; undefined when there is no such user there. */
export async function findUserRole(db: Database, orgId: string, userId: string) {
  const [row] = await db
    .select({ role: users.role })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)))
    .limit(1);
  return row?.role;
}

/**
 * Replaces a user's password hash with a stronger one of the same password (login's upgrade), only while
 * the stored hash is still `previous`: a password changed meanwhile is never overwritten.
 */
export async function upgradePasswordHash(db: Database, userId: string, previous: string, next: string) {
  await db
    .update(users)
    .set({ passwordHash: next })
    .where(and(eq(users.id, userId), eq(users.passwordHash, previous)));
}

export async function listUsers(db: Database, orgId: string) {
  return db.select(publicUserColumns).from(users).where(eq(users.orgId, orgId)).orderBy(asc(users.email));
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}

/** Returns undefined when the email is taken (by anyone, in any organization). */
export async function createUser(db: Database, orgId: string, user: NewUser) {
  const [row] = await db
    .insert(users)
    .values({ orgId, ...user })
    .onConflictDoNothing()
    .returning(publicUserColumns);
  return row;
}

export interface UserChange {
  name?: string | undefined;
  role?: Role | undefined;
  passwordHash?: string | undefined;
  disabled?: boolean | undefined;
}

/**
 * Changes a user of this organization; undefined when there is none. A new password or disabling the user
 * ends their sessions in the same transaction (all but `keepSessionTokenHash`, the caller's own session
 * when they change their own password), so a stolen session dies with the old password.
 */
export interface UserChangeGuard {
  /** The caller's own session, kept when they change their own password. */
  keepSessionTokenHash?: string | null;
  /** Change the user only while they are not an admin (an API key may not touch admins). */
  onlyNonAdmin?: boolean;
}

export async function updateUser(
  db: Database,
  orgId: string,
  userId: string,
  change: UserChange,
  guard: UserChangeGuard = {},
) {
  const { keepSessionTokenHash, onlyNonAdmin } = guard;
  const { disabled, ...rest } = change;
  const values = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  const disabledAt = disabled === undefined ? {} : { disabledAt: disabled ? new Date() : null };
  const update = db
    .update(users)
    .set({ ...values, ...disabledAt })
    .where(
      and(eq(users.orgId, orgId), eq(users.id, userId), onlyNonAdmin ? ne(users.role, "admin") : undefined),
    )
    .returning(publicUserColumns);
  if (change.passwordHash === undefined && disabled !== true) return (await update)[0];
  // Same guard as the update, inside the same transaction: no sessions end when the update changed nothing.
  const ofUser = and(
    eq(sessions.orgId, orgId),
    eq(sessions.userId, userId),
    onlyNonAdmin
      ? sql`not exists (select 1 from ${users} where ${users.id} = ${userId} and ${users.role} = 'admin')`
      : undefined,
  );
  const revoke = db
    .delete(sessions)
    .where(keepSessionTokenHash ? and(ofUser, ne(sessions.tokenHash, keepSessionTokenHash)) : ofUser);
  const [updated] = await db.batch([update, revoke]);
  return updated[0];
}
