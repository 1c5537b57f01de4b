// Fingerprints for accounts stored before credentials had one (migration 0023 could not decrypt them): filled
// for one organization and marketplace right before a new connection or credential change is compared with
// them, by the API (same-cabinet.ts) and the CLI (cli/accounts-store.ts) alike.
import { decryptCredentials } from "../../cron/credentials";
import type { Database } from "../../db/client";
import { accountsWithoutFingerprint, fillFingerprint } from "../../db/queries/account-admin";
import type { Marketplace } from "../../db/schema/enums";
import { credentialsFingerprint } from "./credentials-fingerprint";

/** Fingerprints the organization's old accounts of this marketplace that have none yet. */
export async function fillMissingFingerprints(
  db: Database,
  orgId: string,
  marketplace: Marketplace,
  credentialsKey: string,
): Promise<void> {
  for (const row of await accountsWithoutFingerprint(db, orgId, marketplace)) {
    // Credentials sealed with another key cannot be read, so cannot be compared; such an account cannot sync
    // either, and the Settings page already reports it as having no usable credentials.
    const credentials = await decryptCredentials(row.credentialsEncrypted, credentialsKey).catch(() => null);
    const fingerprint = credentials && (await credentialsFingerprint(credentials, credentialsKey));
    if (fingerprint) await fillFingerprint(db, row.id, fingerprint);
  }
}
