// The CLI's API client over a scripted fetch: Bearer keys, signing in for a session cookie, the API's error
// shape (message + requestId), waiting out a 429, and an unreachable Worker.
import { describe, expect, it } from "vitest";
import {
  ApiClient,
  ApiRequestError,
  ApiUnreachableError,
  errorFromResponse,
  sessionCookie,
} from "../../../cli/api-client";

type Seen = { url: string; init: RequestInit };

function scripted(answers: (() => Response)[]) {
  const seen: Seen[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    const next = answers.shift();
    if (!next) throw new Error("no more answers");
    return next();
  }) as unknown as typeof globalThis.fetch;
  return { fetch, seen };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json", ...headers },
    });

const header = (s: Seen, name: string) => new Headers(s.init.headers).get(name);

describe("ApiClient", () => {
  it("sends the API key as a Bearer token and parses JSON", async () => {
    const { fetch, seen } = scripted([json(200, { items: [] })]);
    const client = new ApiClient({
      baseUrl: "https://mi.example.com",
      auth: { kind: "api-key", key: "mic_k" },
      fetch,
    });
    expect(await client.request("GET", "/api/runs?pageSize=5")).toEqual({ items: [] });
    expect(seen[0]?.url).toBe("https://mi.example.com/api/runs?pageSize=5");
    expect(header(seen[0] as Seen, "Authorization")).toBe("Bearer mic_k");
  });

  it("signs in once and sends the session cookie", async () => {
    const login = () =>
      new Response("{}", {
        status: 200,
        headers: [
          ["Set-Cookie", "other=1; Path=/"],
          ["Set-Cookie", "mi_session=abc.sig; Path=/; HttpOnly; Secure; SameSite=Lax"],
        ],
      });
    const { fetch, seen } = scripted([login, json(200, { a: 1 }), json(202, { runs: [] })]);
    const client = new ApiClient({
      baseUrl: "http://127.0.0.1:8787",
      auth: { kind: "login", email: "demo@mi-core.local", password: "pw" },
      fetch,
    });
    await client.request("GET", "/api/runs");
    await client.request("POST", "/api/etl/sync", { kind: "full" });
    expect(seen.map((s) => s.url)).toEqual([
      "http://127.0.0.1:8787/api/auth/login",
      "http://127.0.0.1:8787/api/runs",
      "http://127.0.0.1:8787/api/etl/sync",
    ]);
    expect(JSON.parse(String(seen[0]?.init.body))).toEqual({ email: "demo@mi-core.local", password: "pw" });
    expect(header(seen[2] as Seen, "Cookie")).toBe("mi_session=abc.sig");
    expect(seen[2]?.init.body).toBe('{"kind":"full"}');
  });

  it("turns the API's error shape into an ApiRequestError with its requestId", async () => {
    const { fetch } = scripted([
      json(403, { error: { code: "FORBIDDEN", message: "needs the operator role", requestId: "req-1" } }),
    ]);
    const client = new ApiClient({ baseUrl: "http://x", auth: { kind: "api-key", key: "mic_k" }, fetch });
    const error = await client.request("POST", "/api/etl/sync").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
      message: "needs the operator role",
      requestId: "req-1",
    });
  });

  it("waits out a 429 with Retry-After, then gives up after the allowed retries", async () => {
    const limited = json(
      429,
      { error: { code: "TOO_MANY_REQUESTS", message: "slow down", requestId: "r" } },
      { "Retry-After": "3" },
    );
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    const ok = scripted([limited, json(200, { ok: true })]);
    const client = new ApiClient({
      baseUrl: "http://x",
      auth: { kind: "api-key", key: "mic_k" },
      fetch: ok.fetch,
      sleep,
    });
    expect(await client.request("GET", "/api/runs")).toEqual({ ok: true });
    expect(waits).toEqual([3000]);
    const never = scripted([limited, limited, limited]);
    const stubborn = new ApiClient({
      baseUrl: "http://x",
      auth: { kind: "api-key", key: "mic_k" },
      fetch: never.fetch,
      sleep,
    });
    await expect(stubborn.request("GET", "/api/runs")).rejects.toMatchObject({
      status: 429,
      message: "slow down",
    });
  });

  it("reports an unreachable Worker with the cause", async () => {
    const fetch = (async () => {
      throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    }) as unknown as typeof globalThis.fetch;
    const client = new ApiClient({
      baseUrl: "http://127.0.0.1:1",
      auth: { kind: "api-key", key: "mic_k" },
      fetch,
    });
    await expect(client.request("GET", "/api/runs")).rejects.toEqual(
      new ApiUnreachableError("cannot reach http://127.0.0.1:1 (ECONNREFUSED)"),
    );
  });
});

describe("helpers", () => {
  it("errorFromResponse falls back to the text and the X-Request-Id header", () => {
    expect(errorFromResponse(502, "<html>Bad gateway</html>", "hdr-1")).toMatchObject({
      code: "HTTP_502",
      message: "<html>Bad gateway</html>",
      requestId: "hdr-1",
    });
  });

  it("sessionCookie picks the session cookie's name=value", () => {
    expect(sessionCookie(["a=1", "mi_session=tok; Path=/"])).toBe("mi_session=tok");
    expect(sessionCookie(["mi_session=; Max-Age=0"])).toBeUndefined();
  });
});

describe("ApiClient on a dropped connection", () => {
  const dropped = () => {
    throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
  };

  it("sends a GET again when the connection was reset, and answers with the retry", async () => {
    const { fetch, seen } = scripted([dropped, json(200, { status: "running" })]);
    const waits: number[] = [];
    const client = new ApiClient({
      baseUrl: "http://127.0.0.1:8787",
      auth: { kind: "api-key", key: "mic_k" },
      fetch,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(await client.request("GET", "/api/runs/1")).toEqual({ status: "running" });
    expect(seen).toHaveLength(2);
    expect(waits).toEqual([1000]);
  });

  it("does not send a POST again (it may have landed), nor a GET more than twice more", async () => {
    const post = scripted([dropped, json(202, {})]);
    const client = (fetch: typeof globalThis.fetch) =>
      new ApiClient({
        baseUrl: "http://127.0.0.1:8787",
        auth: { kind: "api-key", key: "mic_k" },
        fetch,
        sleep: async () => {},
      });
    await expect(client(post.fetch).request("POST", "/api/sync", {})).rejects.toThrow(/ECONNRESET/);
    expect(post.seen).toHaveLength(1);
    const get = scripted([dropped, dropped, dropped, json(200, {})]);
    await expect(client(get.fetch).request("GET", "/api/runs")).rejects.toBeInstanceOf(ApiUnreachableError);
    expect(get.seen).toHaveLength(3);
  });
});
