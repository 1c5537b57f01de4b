// The in-isolate principal cache: entries live 30 s at most (never past the session's expiry), the
// oldest goes first when full, logout / revocation / user changes drop entries, and organization changes
// made here update them in place.
import { describe, expect, it } from "vitest";
import type { Principal } from "../../../worker/auth/principal";
import {
  type CachedCaller,
  PRINCIPAL_CACHE_TTL_MS,
  PrincipalCache,
} from "../../../worker/auth/principal-cache";

function caller(orgId: string, principal: Partial<Principal> = {}): CachedCaller {
  return {
    principal: {
      orgId,
      role: "viewer",
      via: "session",
      userId: null,
      apiKeyId: null,
      email: null,
      sessionTokenHash: null,
      ...principal,
    },
    organization: {
      id: orgId,
      name: orgId,
      statusBasis: "cover",
      coverCeilingDays: 120,
      criticalMax: 5,
      lowMax: 20,
      overstockMin: 100,
      leadTimeDays: 14,
      safetyStockDays: 7,
      targetCoverDays: 45,
      velocityWindowDays: 30,
      minOrderUnits: 1,
      packSize: 1,
      timeZone: "UTC",
      ipAllowlist: [],
      dataVersion: 1,
    },
    lastUsedAt: null,
  };
}

describe("PrincipalCache", () => {
  it("answers for 30 s, then forgets, so changes made elsewhere show within 30 s", () => {
    const cache = new PrincipalCache();
    cache.set("session:a", caller("org-1"), 1_000);
    expect(cache.get("session:a", 1_000 + PRINCIPAL_CACHE_TTL_MS - 1)?.principal.orgId).toBe("org-1");
    expect(cache.get("session:a", 1_000 + PRINCIPAL_CACHE_TTL_MS)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("never keeps a session past its expiry", () => {
    const cache = new PrincipalCache();
    cache.set("session:a", caller("org-1"), 1_000, 6_000);
    expect(cache.get("session:a", 5_999)).toBeDefined();
    expect(cache.get("session:a", 6_000)).toBeUndefined();
    cache.set("session:b", caller("org-1"), 7_000, 6_000);
    expect(cache.get("session:b", 7_000)).toBeUndefined();
  });

  it("drops the oldest entry when full", () => {
    const cache = new PrincipalCache(60_000, 2);
    cache.set("a", caller("org-1"), 0);
    cache.set("b", caller("org-1"), 0);
    cache.set("c", caller("org-1"), 0);
    expect(cache.get("a", 1)).toBeUndefined();
    expect(cache.get("b", 1)).toBeDefined();
    expect(cache.get("c", 1)).toBeDefined();
  });

  it("forgets one key, a user's sessions, an API key, or a whole organization", () => {
    const cache = new PrincipalCache();
    cache.set("session:1", caller("org-1", { userId: "u1" }), 0);
    cache.set("session:2", caller("org-1", { userId: "u1" }), 0);
    cache.set("session:3", caller("org-1", { userId: "u2" }), 0);
    cache.set("key:k", caller("org-1", { via: "api_key", apiKeyId: "k1" }), 0);
    cache.set("session:4", caller("org-2", { userId: "u9" }), 0);
    cache.forget("session:3");
    expect(cache.get("session:3", 1)).toBeUndefined();
    cache.forgetUser("u1");
    expect(cache.get("session:1", 1)).toBeUndefined();
    expect(cache.get("session:2", 1)).toBeUndefined();
    cache.forgetApiKey("k1");
    expect(cache.get("key:k", 1)).toBeUndefined();
    expect(cache.get("session:4", 1)?.principal.orgId).toBe("org-2");
  });

  it("gives an organization's cached callers its new settings and data version, never an older one", () => {
    const cache = new PrincipalCache();
    cache.set("session:1", caller("org-1", { userId: "u1" }), 0);
    cache.set("key:k", caller("org-1", { via: "api_key", apiKeyId: "k1" }), 0);
    cache.set("session:2", caller("org-2", { userId: "u2" }), 0);
    const changed = { ...caller("org-1").organization, leadTimeDays: 21, dataVersion: 3 };
    cache.updateOrganization(changed);
    expect(cache.get("session:1", 1)?.organization).toMatchObject({ leadTimeDays: 21, dataVersion: 3 });
    expect(cache.get("key:k", 1)?.organization).toMatchObject({ leadTimeDays: 21, dataVersion: 3 });
    expect(cache.get("session:2", 1)?.organization).toMatchObject({ leadTimeDays: 14, dataVersion: 1 });
    // A slower request's answer from before that change does not undo it.
    cache.updateOrganization({ ...changed, leadTimeDays: 15, dataVersion: 2 });
    expect(cache.get("session:1", 1)?.organization).toMatchObject({ leadTimeDays: 21, dataVersion: 3 });
    cache.advanceDataVersion("org-1", 4);
    cache.advanceDataVersion("org-1", 2);
    expect(cache.get("session:1", 1)?.organization).toMatchObject({ leadTimeDays: 21, dataVersion: 4 });
    expect(cache.get("session:2", 1)?.organization.dataVersion).toBe(1);
  });

  it("remembers when an API key's last use was written", () => {
    const cache = new PrincipalCache();
    cache.set("key:k", caller("org-1", { via: "api_key", apiKeyId: "k1" }), 0);
    cache.touched("key:k", 500);
    expect(cache.get("key:k", 600)?.lastUsedAt).toBe(500);
  });
});
