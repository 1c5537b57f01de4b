// Marketplace credentials at rest: AES-GCM with the CREDENTIALS_KEY secret (base64 of 32 bytes), stored as
// "v1.<iv base64>.<ciphertext base64>". WebCrypto only, so it runs in the Worker, the CLI and tests alike.
import { z } from "zod";
import type { AccountCredentials } from "./adapters/adapter";

export const AccountCredentialsSchema = z.object({
  ozon: z
    .object({ clientId: z.string().regex(/^\d+$/, "Client-Id is a number"), apiKey: z.string().min(1) })
    .optional(),
  wb: z.object({ token: z.string().min(1) }).optional(),
});

export class CredentialsError extends Error {
  override name = "CredentialsError";
}

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

async function importKey(keyBase64: string): Promise<CryptoKey> {
  const raw = fromBase64(keyBase64);
  if (raw.length !== 32) throw new CredentialsError("CREDENTIALS_KEY must be base64 of exactly 32 bytes");
  return crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
}

export async function encryptCredentials(
  credentials: AccountCredentials,
  keyBase64: string,
): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(AccountCredentialsSchema.parse(credentials)));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await importKey(keyBase64), plain),
  );
  return `v1.${toBase64(iv)}.${toBase64(sealed)}`;
}

export async function decryptCredentials(stored: string, keyBase64: string): Promise<AccountCredentials> {
  const [version, iv, sealed] = stored.split(".");
  if (version !== "v1" || !iv || !sealed)
    throw new CredentialsError("Stored credentials are not in the v1 format");
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: fromBase64(iv) },
      await importKey(keyBase64),
      fromBase64(sealed),
    );
  } catch {
    throw new CredentialsError("Stored credentials cannot be decrypted with this CREDENTIALS_KEY");
  }
  return AccountCredentialsSchema.parse(JSON.parse(new TextDecoder().decode(plain)));
}
