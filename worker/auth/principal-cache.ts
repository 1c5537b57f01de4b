// A short-lived, in-isolate cache of resolved callers (principal + organization settings), keyed by the
// SHA-256 of the session token or API key, so a request whose answer is in KV needs no database round
// trip at all.
//
// Staleness bound: an entry lives at most PRINCIPAL_CACHE_TTL_MS (30 s) and never past its session's
// expiry. Within THIS isolate, logout, API-key revocation and user changes (disable, role, password) drop the
// affected entries at once; an organization change made through the API that moves the data version (settings,
// a warehouse mapping, a product's supply settings) updates its cached callers' settings and version in place,
// so their next request needs no lookup to see it. Changes
// made elsewhere (another isolate, a sync run finishing, direct SQL) reach a caller already
// cached here within 30 s: a revoked key or signed-out session elsewhere may keep working for up to
// 30 s, new thresholds and a run's new data version (hence new data) show within 30 s, which is inside
// the "new data within a minute".
import type { OrganizationSettings, Principal } from "./principal";

export const PRINCIPAL_CACHE_TTL_MS = 30_000;
/** Enough for every active caller of one isolate; the oldest entry goes first when full. */
export const PRINCIPAL_CACHE_MAX_ENTRIES = 2_000;

export interface CachedCaller {
  principal: Principal;
  organization: OrganizationSettings;
  /** API keys: when last_used_at was last written (ms), so the touch stays throttled while cached. */
  lastUsedAt: number | null;
}

interface Entry extends CachedCaller {
  expiresAt: number;
}

export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = PRINCIPAL_CACHE_TTL_MS,
    private readonly maxEntries = PRINCIPAL_CACHE_MAX_ENTRIES,
  ) {}

  get(key: string, now = Date.now()): CachedCaller | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Stores a caller for the TTL, or until `notAfter` (ms, e.g. the session's expiry) when sooner. */
  set(key: string, caller: CachedCaller, now = Date.now(), notAfter = Number.POSITIVE_INFINITY): void {
    const expiresAt = Math.min(now + this.ttlMs, notAfter);
    if (expiresAt <= now) return;
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.entries.set(key, { ...caller, expiresAt });
  }

  /** Records that an API key's last_used_at was just written. */
  touched(key: string, now = Date.now()): void {
    const entry = this.entries.get(key);
    if (entry) entry.lastUsedAt = now;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  /** Drops every entry matching `predicate` (a user, an API key, an organization). */
  forgetWhere(predicate: (caller: CachedCaller) => boolean): void {
    for (const [key, entry] of this.entries) if (predicate(entry)) this.entries.delete(key);
  }

  /**
   * Gives every cached caller of the organization its settings as just written (a data version never goes
   * back: an older one, from a request that raced a newer change here, is ignored).
   */
  updateOrganization(organization: OrganizationSettings): void {
    for (const entry of this.entries.values()) {
      const cached = entry.organization;
      if (cached.id === organization.id && cached.dataVersion <= organization.dataVersion)
        entry.organization = organization;
    }
  }

  /** Moves the organization's data version in its cached callers (a change that left its settings alone). */
  advanceDataVersion(orgId: string, dataVersion: number): void {
    for (const entry of this.entries.values()) {
      const cached = entry.organization;
      if (cached.id === orgId && cached.dataVersion < dataVersion)
        entry.organization = { ...cached, dataVersion };
    }
  }

  forgetUser(userId: string): void {
    this.forgetWhere((caller) => caller.principal.userId === userId);
  }

  forgetApiKey(apiKeyId: string): void {
    this.forgetWhere((caller) => caller.principal.apiKeyId === apiKeyId);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The isolate's one cache (module state lives as long as the isolate). */
export const principalCache = new PrincipalCache();

export const sessionCacheKey = (tokenHash: string) => `session:${tokenHash}`;
export const apiKeyCacheKey = (keyHash: string) => `key:${keyHash}`;
