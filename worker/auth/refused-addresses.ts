// Addresses whose credentials were refused in the last minute, remembered by this isolate: their next lookups
// of a credential not in the principal cache are counted against the address before the database is asked, so
// a prober cycling well-formed bogus API keys gets 429 without a lookup once the address's 60 a minute are spent
// (before, every such request cost a database round trip and only then its 429). Forged session cookies never
// reach the database (they are signed). Bounded: the oldest address goes when more than 10,000 are kept.
const WINDOW_MS = 60_000;
const MAX_ADDRESSES = 10_000;

const refusedUntil = new Map<string, number>();

export function markRefused(ip: string, now = Date.now()): void {
  refusedUntil.delete(ip);
  refusedUntil.set(ip, now + WINDOW_MS);
  if (refusedUntil.size > MAX_ADDRESSES) {
    const oldest = refusedUntil.keys().next().value;
    if (oldest !== undefined) refusedUntil.delete(oldest);
  }
}

export function refusedRecently(ip: string, now = Date.now()): boolean {
  const until = refusedUntil.get(ip);
  if (until === undefined) return false;
  if (until > now) return true;
  refusedUntil.delete(ip);
  return false;
}
