// Password hashing: PBKDF2-SHA256 at OWASP's 600,000 iterations (2023 cheat sheet), with WebCrypto so it
// runs the same in workerd and Node 20 (dev tooling and the CLI create users too). Stored with its
// algorithm and parameters: "pbkdf2-chain$<iterations>$<salt b64>$<hash b64>".
//
// workerd refuses PBKDF2 above 100,000 iterations per call, so the 600,000 are six chained calls of
// 100,000: the first derives from the password, each next one from the previous 32-byte output with the
// same salt. A guess still costs 600,000 sequential HMAC-SHA256 iterations and nothing can be skipped.
// Argon2id would be stronger, but Workers cannot compile WebAssembly from bytes (hash-wasm and the like
// do), and its 19 MiB per hash would crowd a 128 MB isolate; a sign-in's CPU: test/bench/login-cpu.ts.
//
// Old hashes ("pbkdf2$<iterations>$…", one call) still verify; `needsRehash` tells login to upgrade them.
import { base64ToBytes, bytesToBase64, constantTimeEqual } from "./encoding";

/** The most iterations workerd's WebCrypto accepts in one PBKDF2 call. */
export const PBKDF2_MAX_ITERATIONS_PER_CALL = 100_000;
/** OWASP Password Storage Cheat Sheet: PBKDF2-HMAC-SHA256, 600,000 iterations. */
export const PBKDF2_ITERATIONS = 600_000;
const CURRENT_SCHEME = "pbkdf2-chain";
const HASH_BYTES = 32;

async function pbkdf2(secret: Uint8Array, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", secret as BufferSource, "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations },
    key,
    HASH_BYTES * 8,
  );
  return new Uint8Array(bits);
}

/** PBKDF2 of `iterations` in links of at most 100,000, each keyed by the previous link's output. */
async function chainedPbkdf2(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  let secret: Uint8Array = new TextEncoder().encode(password);
  for (let left = iterations; left > 0; left -= PBKDF2_MAX_ITERATIONS_PER_CALL) {
    secret = await pbkdf2(secret, salt, Math.min(left, PBKDF2_MAX_ITERATIONS_PER_CALL));
  }
  return secret;
}

interface StoredHash {
  scheme: string;
  iterations: number;
  salt: Uint8Array;
  hash: Uint8Array;
}

function parse(stored: string): StoredHash | undefined {
  const [scheme, iterationsText, saltText, hashText] = stored.split("$");
  const iterations = Number(iterationsText);
  if (!scheme || !Number.isInteger(iterations) || iterations < 1 || !saltText || !hashText) return undefined;
  if (scheme === "pbkdf2" && iterations > PBKDF2_MAX_ITERATIONS_PER_CALL) return undefined;
  if (scheme !== "pbkdf2" && scheme !== CURRENT_SCHEME) return undefined;
  return { scheme, iterations, salt: base64ToBytes(saltText), hash: base64ToBytes(hashText) };
}

export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await chainedPbkdf2(password, salt, iterations);
  return `${CURRENT_SCHEME}$${iterations}$${bytesToBase64(salt)}$${bytesToBase64(hash)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  // "pbkdf2" is one call, the same as a chain of one link.
  const actual = await chainedPbkdf2(password, parsed.salt, parsed.iterations);
  return constantTimeEqual(actual, parsed.hash);
}

/** True when a stored hash is weaker than what hashPassword makes now: login re-hashes it. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.scheme !== CURRENT_SCHEME || parsed.iterations < PBKDF2_ITERATIONS;
}
