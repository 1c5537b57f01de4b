// Password hashing with WebCrypto PBKDF2-SHA256, stored as "pbkdf2$<iterations>$<salt b64>$<hash b64>".
// Runs the same in workerd and Node 20, so dev tooling and the CLI can create users too.
import { base64ToBytes, bytesToBase64, constantTimeEqual } from "./encoding";

/** workerd caps PBKDF2 at 100,000 iterations; that is also OWASP's floor for SHA-256 in 2023. */
export const PBKDF2_ITERATIONS = 100_000;
const HASH_BYTES = 32;

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations },
    key,
    HASH_BYTES * 8,
  );
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, iterations);
  return `pbkdf2$${iterations}$${bytesToBase64(salt)}$${bytesToBase64(hash)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterationsText, saltText, hashText] = stored.split("$");
  const iterations = Number(iterationsText);
  if (scheme !== "pbkdf2" || !Number.isInteger(iterations) || iterations < 1 || !saltText || !hashText)
    return false;
  const expected = base64ToBytes(hashText);
  const actual = await derive(password, base64ToBytes(saltText), iterations);
  return constantTimeEqual(actual, expected);
}
