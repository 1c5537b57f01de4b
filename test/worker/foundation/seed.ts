// Minimal rows the foundation tests need: an organization with one enabled marketplace account.
import { env } from "cloudflare:test";
import { marketplaceAccounts, organizations } from "../../../db/schema";
import { databaseFromEnv } from "../../../worker/db";

export async function seedAccount(slug: string): Promise<{ orgId: string; accountId: string }> {
  const db = databaseFromEnv(env);
  const [org] = await db
    .insert(organizations)
    .values({ name: slug, slug })
    .returning({ id: organizations.id });
  if (!org) throw new Error("organization not created");
  const [account] = await db
    .insert(marketplaceAccounts)
    .values({
      orgId: org.id,
      marketplace: "ozon",
      name: `${slug} ozon`,
      credentialsEncrypted: "v1.test.test",
    })
    .returning({ id: marketplaceAccounts.id });
  if (!account) throw new Error("account not created");
  return { orgId: org.id, accountId: account.id };
}
