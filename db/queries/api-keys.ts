// API keys for machine clients: stored as SHA-256 hashes, listed by prefix, revoked by timestamp.
// Resolving a key loads the organization's settings in the same round trip.
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { apiKeys, organizations } from "../schema";
import type { Role } from "../schema/enums";
import { organizationSettingsColumns } from "./organizations";

export const publicApiKeyColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  role: apiKeys.role,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

export interface NewApiKey {
  name: string;
  prefix: string;
  keyHash: string;
  role: Role;
  createdBy: string | null;
}

export async function createApiKey(db: Database, orgId: string, key: NewApiKey) {
  const [row] = await db
    .insert(apiKeys)
    .values({ orgId, ...key })
    .returning(publicApiKeyColumns);
  if (!row) throw new Error("insert into api_keys returned no row");
  return row;
}

export async function listApiKeys(db: Database, orgId: string) {
  return db
    .select(publicApiKeyColumns)
    .from(apiKeys)
    .where(eq(apiKeys.orgId, orgId))
    .orderBy(desc(apiKeys.createdAt));
}

/** Revokes a key of this organization; undefined when there is no such key. */
export async function revokeApiKey(db: Database, orgId: string, keyId: string) {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
    .returning(publicApiKeyColumns);
  return row;
}

export async function findActiveApiKey(db: Database, keyHash: string) {
  const [row] = await db
    .select({
      id: apiKeys.id,
      role: apiKeys.role,
      lastUsedAt: apiKeys.lastUsedAt,
      organization: organizationSettingsColumns,
    })
    .from(apiKeys)
    .innerJoin(organizations, eq(organizations.id, apiKeys.orgId))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row;
}

export async function touchApiKey(db: Database, keyId: string): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, keyId));
}
