// The shape of an API key: "mic_" + 32 random bytes base64url. Only its SHA-256 is stored; the first
// 12 characters are kept as a prefix so people can tell keys apart in a list.
import { randomToken, sha256Hex } from "./encoding";

export const API_KEY_PREFIX = "mic_";

export interface IssuedApiKey {
  key: string;
  prefix: string;
  keyHash: string;
}

export async function issueApiKey(): Promise<IssuedApiKey> {
  const key = `${API_KEY_PREFIX}${randomToken(32)}`;
  return { key, prefix: key.slice(0, 12), keyHash: await sha256Hex(key) };
}

export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(API_KEY_PREFIX) && value.length > 20 && value.length < 200;
}
