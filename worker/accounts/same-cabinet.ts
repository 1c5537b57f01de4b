// Refuses a second account for a seller cabinet the organization already connected (same marketplace, same
// Ozon Client-Id or WB token): it would list every product twice and count its stock in transit twice. Accounts
// stored before fingerprints existed get theirs first (fill-fingerprints.ts), so the comparison covers them all.
import type { AccountCredentials } from "../../cron/adapters/adapter";
import type { Database } from "../../db/client";
import { accountOfCabinet } from "../../db/queries/account-admin";
import type { Marketplace } from "../../db/schema/enums";
import { ApiError } from "../errors";
import { credentialsFingerprint } from "./credentials-fingerprint";
import { fillMissingFingerprints } from "./fill-fingerprints";

/** The field a duplicate is named by: what identifies the cabinet on that marketplace. */
const cabinetField = (marketplace: Marketplace) =>
  marketplace === "ozon" ? "credentials.clientId" : "credentials.token";

/** The 409 for credentials of a cabinet that `existing` already opens. */
export function sameCabinetError(marketplace: Marketplace, existing: { name: string }): ApiError {
  const what = marketplace === "ozon" ? "Client-Id" : "token";
  return new ApiError(
    "CONFLICT",
    `${cabinetField(marketplace)}: this ${what} opens the seller cabinet your organization already connected as ` +
      `"${existing.name}"; change that account's credentials instead of connecting it again`,
    {},
    { reason: "same_cabinet", params: { account: existing.name } },
  );
}

/**
 * The fingerprint of the credentials, after making sure no other account of the organization (but `exceptId`,
 * the account being changed) opens the same cabinet; throws the 409 when one does.
 */
export async function fingerprintOfNewCabinet(
  db: Database,
  orgId: string,
  marketplace: Marketplace,
  credentials: AccountCredentials,
  credentialsKey: string,
  exceptId: string | null = null,
): Promise<string | null> {
  const fingerprint = await credentialsFingerprint(credentials, credentialsKey);
  if (fingerprint === null) return null;
  await fillMissingFingerprints(db, orgId, marketplace, credentialsKey);
  const existing = await accountOfCabinet(db, orgId, marketplace, fingerprint, exceptId);
  if (existing) throw sameCabinetError(marketplace, existing);
  return fingerprint;
}
