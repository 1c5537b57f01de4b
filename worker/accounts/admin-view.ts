// A marketplace account as its admin sees it: name, state, adapters, and of the credentials only whether they are
// set, Ozon's Client-Id (an id, not a secret) and the key's last 4 characters. Shared by GET /api/accounts/{id}
// and the admin's view of GET /api/accounts (Settings reads every account's at once).
import type { z } from "@hono/zod-openapi";
import { decryptCredentials } from "../../cron/credentials";
import type { AdminAccountRow } from "../../db/queries/account-admin";
import type { AccountAdminSchema } from "../api/schemas/account-admin";

export async function adminView(
  row: AdminAccountRow,
  credentialsKey: string,
): Promise<z.infer<typeof AccountAdminSchema>> {
  const credentials = await decryptCredentials(row.credentialsEncrypted, credentialsKey).catch(() => null);
  const key = credentials?.ozon?.apiKey ?? credentials?.wb?.token ?? null;
  return {
    id: row.id,
    marketplace: row.marketplace,
    name: row.name,
    enabled: row.enabled,
    adapters: { stock: row.endpoints.stock ?? [], sales: row.endpoints.sales ?? null },
    credentials: {
      set: key !== null,
      clientId: credentials?.ozon?.clientId ?? null,
      // Only a key long enough that 4 characters leave most of it unknown shows an ending.
      keyEnding: key !== null && key.length >= 12 ? key.slice(-4) : null,
    },
  };
}
