// Server errors are logged by code with a redacted message: a failing insert whose parameters carry a
// user's PBKDF2 hash or an API key's SHA-256 answers 500 in the error shape, and nothing written to the
// console carries the password, the hash, the key's hash, the session cookie or drizzle's bound parameters.
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { organizations } from "../../../db/schema";
import { redact } from "../../../worker/server-error-log";
import { useTestDatabase } from "../../support/worker-database";
import { db, type ErrorBody, get, seedTenant, send, signIn } from "./fixtures";

useTestDatabase();

const PASSWORD = "my very secret password 2026";

/** Everything the Worker writes to the console while `run` runs. */
async function captureConsole(run: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const record = (...args: unknown[]) => {
    lines.push(args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg))).join(" "));
  };
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation(record);
  }
  await run();
  return lines.join("\n");
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("server error logs", () => {
  it("a failing insert of a user or an API key logs its SQLSTATE, never the hash, key, password or cookie", async () => {
    const tenant = await seedTenant("logs");
    const cookie = await signIn(tenant.users.admin.email, "10.16.0.1");
    // The caller is now in the isolate's principal cache; deleting the organization under it makes the
    // next inserts fail on their foreign key while the request is still authenticated.
    expect((await get("/api/auth/me", "10.16.0.2", { cookie })).status).toBe(200);
    await db().delete(organizations).where(eq(organizations.id, tenant.orgId));

    const answers: Response[] = [];
    const logs = await captureConsole(async () => {
      answers.push(
        await send(
          "POST",
          "/api/users",
          { email: "new@logs.test", name: "New", role: "viewer", password: PASSWORD },
          "10.16.0.3",
          { cookie },
        ),
      );
      answers.push(
        await send("POST", "/api/api-keys", { name: "ci", role: "viewer" }, "10.16.0.4", { cookie }),
      );
    });

    for (const answer of answers) {
      expect(answer.status).toBe(500);
      const body = (await answer.json()) as ErrorBody;
      expect(body.error.code).toBe("INTERNAL");
      expect(body.error.message).not.toMatch(/insert|params|pbkdf2|violates/i);
    }
    expect(logs).not.toContain("pbkdf2$");
    expect(logs).not.toContain(PASSWORD);
    expect(logs).not.toContain("params:");
    expect(logs).not.toContain("Failed query");
    expect(logs).not.toMatch(/[0-9a-f]{64}/); // an API key's SHA-256
    expect(logs).not.toContain(cookie.split("=")[1] ?? "cookie");
    const errors = logs.split("\n").filter((line) => line.includes('"level":"error"'));
    expect(errors).toHaveLength(2);
    for (const line of errors) expect(JSON.parse(line).error.code).toBe("23503"); // foreign_key_violation
  });

  it("redacts values from a driver's message and keeps what names the failure", () => {
    expect(
      redact(
        'insert or update on table "users" violates foreign key constraint "users_org_id_organizations_id_fk"',
      ),
    ).toBe(
      'insert or update on table "users" violates foreign key constraint "users_org_id_organizations_id_fk"',
    );
    expect(redact('invalid input syntax for type uuid: "mic_live_secret"')).toBe(
      'invalid input syntax for type uuid: "[redacted]"',
    );
    expect(redact("Failed query: select 1\nparams: pbkdf2$100000$abc$def")).toBe("Failed query: select 1\n");
    expect(redact("token mic_AbCdEf0123456789xyzXYZ leaked")).toBe("token [redacted] leaked");
  });
});
