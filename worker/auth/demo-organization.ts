// Creates an organization with one admin user: used by `npm run dev` for the demo seller and by tests.
// Idempotent by email: when the user exists, their organization is returned untouched.
import type { Database } from "../../db/client";
import { findUserForLogin } from "../../db/queries/users";
import { organizations, users } from "../../db/schema";
import { hashPassword } from "./password";

export interface DemoOrganizationInput {
  email: string;
  password: string;
  organizationName?: string;
  slug?: string;
  userName?: string;
}

export interface DemoOrganization {
  orgId: string;
  userId: string;
  created: boolean;
}

export async function createDemoOrganization(
  db: Database,
  input: DemoOrganizationInput,
): Promise<DemoOrganization> {
  const existing = await findUserForLogin(db, input.email);
  if (existing) return { orgId: existing.orgId, userId: existing.id, created: false };
  const orgId = crypto.randomUUID();
  const userId = crypto.randomUUID();
  const name = input.organizationName ?? "Demo seller";
  const slug = input.slug ?? `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${orgId.slice(0, 8)}`;
  const passwordHash = await hashPassword(input.password);
  // One round trip, atomically: an organization never exists without its admin.
  await db.batch([
    db.insert(organizations).values({ id: orgId, name, slug }),
    db.insert(users).values({
      id: userId,
      orgId,
      email: input.email,
      name: input.userName ?? "Admin",
      role: "admin",
      passwordHash,
    }),
  ]);
  return { orgId, userId, created: true };
}
