// Security: failed sign-ins lock an email (known or not) and a client IP for a growing time, the right
// password included, until the lock ends. The app runs on a clock the test moves: no waiting, no timing.
import { createExecutionContext, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../worker/app";
import { useTestDatabase } from "../../support/worker-database";
import { distinctIps, type ErrorBody, PASSWORD, seedTenant, type Tenant } from "./fixtures";

useTestDatabase();

let now = new Date("2026-06-01T10:00:00Z");
const app = createApp({ clock: () => now });
const later = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000);
};

function login(email: string, password: string, ip: string): Promise<Response> {
  const request = new Request("http://edge.test/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip },
    body: JSON.stringify({ email, password }),
  });
  return Promise.resolve(app.fetch(request, env, createExecutionContext()));
}

/** Each attempt from its own address, so only the account's throttle is at work. */
const freshIp = distinctIps(88);

let acme: Tenant;
beforeAll(async () => {
  acme = await seedTenant("throttle");
});

describe("per account", () => {
  it("after 50 wrong passwords refuses the right one with 429 and Retry-After until the lock ends", async () => {
    const email = acme.users.viewer.email;
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) statuses.push((await login(email, "wrong password", freshIp())).status);
    // 5 free failures, the 6th is checked and locks the account; the other 44 are not checked at all.
    expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(statuses.slice(6)).toEqual(Array(44).fill(429));

    const refused = await login(email, PASSWORD, freshIp());
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("1");
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.code).toBe("TOO_MANY_REQUESTS");

    later(1);
    expect((await login(email, PASSWORD, freshIp())).status).toBe(200);
  });

  it("doubles the lock with each further failure, up to 15 minutes, and a success starts afresh", async () => {
    const email = acme.users.operator.email;
    for (let i = 0; i < 5; i++) expect((await login(email, "wrong", freshIp())).status).toBe(401);
    const locks: number[] = [];
    for (let i = 0; i < 12; i++) {
      expect((await login(email, "wrong", freshIp())).status).toBe(401);
      const refused = await login(email, PASSWORD, freshIp());
      expect(refused.status).toBe(429);
      const seconds = Number(refused.headers.get("Retry-After"));
      locks.push(seconds);
      later(seconds - 0.5);
      expect((await login(email, PASSWORD, freshIp())).status).toBe(429);
      later(0.5);
    }
    expect(locks).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    expect((await login(email, PASSWORD, freshIp())).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login(email, "wrong", freshIp())).status).toBe(401);
  });

  it("answers an unknown email exactly as a known one, lock included", async () => {
    const answers = async (email: string) => {
      const seen: Array<[number, string | null, string]> = [];
      for (let i = 0; i < 7; i++) {
        const response = await login(email, "wrong", freshIp());
        seen.push([
          response.status,
          response.headers.get("Retry-After"),
          ((await response.json()) as ErrorBody).error.message,
        ]);
      }
      return seen;
    };
    const known = await answers(acme.users.admin.email);
    const unknown = await answers("nobody@throttle.test");
    expect(unknown).toEqual(known);
    expect(known.map(([status]) => status)).toEqual([401, 401, 401, 401, 401, 401, 429]);
  });

  it("forgets old failures after a quiet day", async () => {
    const email = "forgetful@throttle.test";
    for (let i = 0; i < 5; i++) await login(email, "wrong", freshIp());
    later(86_400);
    for (let i = 0; i < 6; i++) expect((await login(email, "wrong", freshIp())).status).toBe(401);
    expect((await login(email, "wrong", freshIp())).status).toBe(429);
  });
});

describe("per IP", () => {
  it("locks an address after 20 failures over many emails, and lifts the lock when it ends", async () => {
    const ip = "10.9.0.1";
    for (let i = 0; i < 20; i++) {
      expect((await login(`spray${i}@throttle.test`, "wrong", ip)).status).toBe(401);
    }
    // The 21st failure locks the address for 1 s: even a right password from it waits.
    expect((await login("spray20@throttle.test", "wrong", ip)).status).toBe(401);
    const refused = await login(acme.users.viewer.email, PASSWORD, ip);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("1");
    expect((await login(acme.users.viewer.email, PASSWORD, freshIp())).status).toBe(200);
    later(1);
    expect((await login(acme.users.viewer.email, PASSWORD, ip)).status).toBe(200);
  });
});
