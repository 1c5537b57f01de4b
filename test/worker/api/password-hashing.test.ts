// Password storage: hashes carry their algorithm and parameters (PBKDF2-SHA256, 600,000 iterations as
// chained 100,000-iteration calls, the most workerd allows per call), and a user whose hash was made with
// the old one-call 100,000 iterations is upgraded at their next successful sign-in.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "../../../db/schema";
import { bytesToBase64 } from "../../../worker/auth/encoding";
import { hashPassword, needsRehash, verifyPassword } from "../../../worker/auth/password";
import { useTestDatabase } from "../../support/worker-database";
import { db, seedTenant, send, type Tenant } from "./fixtures";

useTestDatabase();

/** A hash as the app stored them before: one PBKDF2-SHA256 call of 100,000 iterations, written out here. */
async function legacyHash(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations: 100_000 },
    key,
    256,
  );
  return `pbkdf2$100000$${bytesToBase64(salt)}$${bytesToBase64(new Uint8Array(bits))}`;
}

const storedHash = async (userId: string) =>
  (await db().select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)))[0]?.hash ?? "";

let acme: Tenant;
beforeAll(async () => {
  acme = await seedTenant("hashing");
});

describe("password hashes", () => {
  it("are PBKDF2-SHA256 at 600,000 iterations, salted, stored with their parameters", async () => {
    const first = await hashPassword("correct horse");
    const second = await hashPassword("correct horse");
    expect(first).toMatch(/^pbkdf2-chain\$600000\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword("correct horse", first)).toBe(true);
    expect(await verifyPassword("correct horsE", first)).toBe(false);
    expect(needsRehash(first)).toBe(false);
  });

  it("still verify in the old one-call form, which asks for a rehash", async () => {
    const old = await legacyHash("correct horse");
    expect(await verifyPassword("correct horse", old)).toBe(true);
    expect(await verifyPassword("wrong", old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword("x", 100_000))).toBe(true);
    expect(await verifyPassword("x", "pbkdf2$999999999$AAAA$AAAA")).toBe(false);
  });
});

describe("sign-in upgrades an old hash", () => {
  it("re-hashes at the current parameters after a successful sign-in, and the password still works", async () => {
    const userId = acme.users.operator.id;
    const email = acme.users.operator.email;
    const old = await legacyHash("an old password");
    await db().update(users).set({ passwordHash: old }).where(eq(users.id, userId));

    const wrong = await send("POST", "/api/auth/login", { email, password: "not it" }, "10.10.0.1");
    expect(wrong.status).toBe(401);
    expect(await storedHash(userId)).toBe(old);

    const login = await send("POST", "/api/auth/login", { email, password: "an old password" }, "10.10.0.1");
    expect(login.status).toBe(200);
    const upgraded = await storedHash(userId);
    expect(upgraded).toMatch(/^pbkdf2-chain\$600000\$/);
    expect(await verifyPassword("an old password", upgraded)).toBe(true);

    const again = await send("POST", "/api/auth/login", { email, password: "an old password" }, "10.10.0.2");
    expect(again.status).toBe(200);
    expect(await storedHash(userId)).toBe(upgraded);
  });
});
