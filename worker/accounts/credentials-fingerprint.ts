// Which seller cabinet a set of credentials opens, as a keyed fingerprint that can be stored beside the sealed
// credentials and compared in SQL: HMAC-SHA-256 of the normalized identity with a key derived by HKDF from
// CREDENTIALS_KEY, so equal cabinets give equal fingerprints and a database dump alone cannot test guesses.
// The identity is Ozon's Client-Id (one cabinet has many Api-Keys, each opening the same listings) and WB's
// token (the token carries no cabinet id we can read). Rotating CREDENTIALS_KEY means recomputing them.
import type { AccountCredentials } from "../../cron/adapters/adapter";
import { base64ToBytes, bytesToBase64 } from "../auth/encoding";

const encoder = new TextEncoder();
/** HKDF's info: a key for this purpose only, never the AES key that seals the credentials. */
const PURPOSE = encoder.encode("mi-core-edge/credentials-fingerprint/v1");

/** The cabinet's identity as text: "ozon:<Client-Id without leading zeros>" or "wb:<token>"; null without one. */
export function cabinetIdentity(credentials: AccountCredentials): string | null {
  if (credentials.ozon) return `ozon:${credentials.ozon.clientId.trim().replace(/^0+(?=\d)/, "")}`;
  if (credentials.wb) return `wb:${credentials.wb.token.trim()}`;
  return null;
}

async function fingerprintKey(credentialsKey: string): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey(
    "raw",
    base64ToBytes(credentialsKey) as BufferSource,
    "HKDF",
    false,
    ["deriveKey"],
  );
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(32), info: PURPOSE },
    base,
    { name: "HMAC", hash: "SHA-256", length: 256 },
    false,
    ["sign"],
  );
}

/** base64 of HMAC-SHA-256(identity); null for credentials without an identity. */
export async function credentialsFingerprint(
  credentials: AccountCredentials,
  credentialsKey: string,
): Promise<string | null> {
  const identity = cabinetIdentity(credentials);
  if (identity === null) return null;
  const mac = await crypto.subtle.sign(
    "HMAC",
    await fingerprintKey(credentialsKey),
    encoder.encode(identity),
  );
  return bytesToBase64(new Uint8Array(mac));
}
