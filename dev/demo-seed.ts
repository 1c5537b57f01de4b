// The demo seller for `npm run dev`: an organization with an admin user and one Ozon and one Wildberries
// account pointing at the local simulator. Idempotent: running it again changes nothing.

import { and, eq } from "drizzle-orm";
import { encryptCredentials } from "../cron/credentials";
import type { Database } from "../db/client";
import { marketplaceAccounts } from "../db/schema";
import { credentialsFingerprint } from "../worker/accounts/credentials-fingerprint";
import { createDemoOrganization } from "../worker/auth/demo-organization";

export const DEMO_LOGIN = { email: "demo@mi-core.local", password: "demo-password" } as const;

export interface DemoSeedOptions {
  simulatorUrl: string;
  credentialsKey: string;
  /** The simulator's time scale: the accounts' request budgets are scaled to match it. */
  rateScale: number;
}

export async function seedDemo(db: Database, options: DemoSeedOptions): Promise<{ orgId: string }> {
  const { orgId } = await createDemoOrganization(db, {
    ...DEMO_LOGIN,
    organizationName: "Demo seller",
    slug: "demo-seller",
  });
  const accounts = [
    {
      marketplace: "ozon" as const,
      name: "Ozon demo",
      baseUrl: `${options.simulatorUrl}/ozon`,
      credentials: { ozon: { clientId: "1001", apiKey: "demo-ozon-key" } },
    },
    {
      marketplace: "wb" as const,
      name: "Wildberries demo",
      baseUrl: `${options.simulatorUrl}/wb`,
      credentials: { wb: { token: "demo-wb-token" } },
    },
  ];
  for (const account of accounts) {
    const values = {
      orgId,
      marketplace: account.marketplace,
      name: account.name,
      baseUrl: account.baseUrl,
      endpoints: { rateScale: options.rateScale },
      credentialsEncrypted: await encryptCredentials(account.credentials, options.credentialsKey),
      credentialsFingerprint: await credentialsFingerprint(account.credentials, options.credentialsKey),
    };
    const [existing] = await db
      .select({ id: marketplaceAccounts.id })
      .from(marketplaceAccounts)
      .where(and(eq(marketplaceAccounts.orgId, orgId), eq(marketplaceAccounts.name, account.name)));
    // The simulator's port can change between runs: keep the base URL current.
    if (existing)
      await db
        .update(marketplaceAccounts)
        .set({
          baseUrl: values.baseUrl,
          endpoints: values.endpoints,
          credentialsFingerprint: values.credentialsFingerprint,
        })
        .where(eq(marketplaceAccounts.id, existing.id));
    else await db.insert(marketplaceAccounts).values(values);
  }
  return { orgId };
}
