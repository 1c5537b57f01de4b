// Users of an organization: lookup for login, and the admin's list / create / change operations.
// Every function but the login lookup takes the organization id and never reaches outside it.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { users } from "../schema";
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

export async function updateUser(db: Database, orgId: string, userId: string, change: UserChange) {
  const { disabled, ...rest } = change;
  const values = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  const disabledAt = disabled === undefined ? {} : { disabledAt: disabled ? new Date() : null };
  const [row] = await db
    .update(users)
    .set({ ...values, ...disabledAt })
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)))
    .returning(publicUserColumns);
  return row;
}
