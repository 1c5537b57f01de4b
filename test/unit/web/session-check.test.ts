// The dashboard's first session check, without a browser: a 401 shows the sign-in form, anything else that
// leaves it unknown whether the visitor is signed in (a 5xx, a dropped connection, a 429 twice) says why and
// offers a retry, and a 429's Retry-After is announced while it is waited out instead of a blank page.
import { afterEach, describe, expect, it, vi } from "vitest";
import { rateLimitUntil } from "../../../web/src/api/client";
import { t } from "../../../web/src/i18n/locale";
import { errorText } from "../../../web/src/lib/error-text";
import { createSession } from "../../../web/src/models/session";

const ME = {
  user: { id: "u1", email: "seller@example.test", name: "Seller" },
  role: "viewer",
  organization: { id: "o1", name: "Shop", dataVersion: 3 },
};

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

const tooMany = () =>
  answer(
    429,
    { error: { code: "TOO_MANY_REQUESTS", message: "slow down", requestId: "r1" } },
    { "Retry-After": "7" },
  );

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("the first session check", () => {
  it("shows the sign-in form on a 401", async () => {
    vi.stubGlobal("fetch", async () => answer(401, { error: { code: "UNAUTHORIZED", message: "no" } }));
    const session = createSession();
    await session.check();
    expect(session.state.value).toBe("signedOut");
    expect(session.checkFailure.value).toBeNull();
  });

  it("keeps checking and names the failure on a 5xx, then signs in on retry", async () => {
    const answers = [
      answer(503, { error: { code: "UNAVAILABLE", message: "database down", requestId: "r9" } }),
      answer(200, ME),
    ];
    vi.stubGlobal("fetch", async () => answers.shift());
    const session = createSession();
    await session.check();
    expect(session.state.value).toBe("checking");
    expect(session.checkFailure.value?.status).toBe(503);
    expect(session.checkFailure.value?.requestId).toBe("r9");

    await session.check();
    expect(session.state.value).toBe("signedIn");
    expect(session.checkFailure.value).toBeNull();
  });

  it("announces a 429's wait while waiting it out, then goes on", async () => {
    vi.useFakeTimers();
    const answers = [tooMany(), answer(200, ME)];
    vi.stubGlobal("fetch", async () => answers.shift());
    const session = createSession();
    const checking = session.check();
    const started = Date.now();
    await vi.advanceTimersByTimeAsync(1000);
    // The next try is announced as a moment, so the notice can count down to it.
    expect(rateLimitUntil.value).toBeGreaterThanOrEqual(started + 7000);
    expect(rateLimitUntil.value).toBeLessThanOrEqual(started + 8000);
    expect(session.state.value).toBe("checking");
    await vi.advanceTimersByTimeAsync(6000);
    await checking;
    expect(rateLimitUntil.value).toBeNull();
    expect(session.state.value).toBe("signedIn");
  });

  it("says so when the API still refuses after the wait, instead of signing out", async () => {
    vi.useFakeTimers();
    vi.stubGlobal("fetch", async () => tooMany());
    const session = createSession();
    const checking = session.check();
    await vi.advanceTimersByTimeAsync(7000);
    await checking;
    expect(session.state.value).toBe("checking");
    expect(session.checkFailure.value?.code).toBe("TOO_MANY_REQUESTS");
    expect(rateLimitUntil.value).toBeNull();
  });
});

describe("a dropped connection", () => {
  it("is named in the reader's words, not the browser's English", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    const session = createSession();
    await session.check();
    const failure = session.checkFailure.value;
    expect(failure?.code).toBe("NETWORK");
    if (!failure) throw new Error("no failure");
    expect(errorText(failure)).not.toContain("Failed to fetch");
    expect(errorText(failure)).toBe(t("common.network"));
  });
});
