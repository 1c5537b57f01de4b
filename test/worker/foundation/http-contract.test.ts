// The HTTP contract every route shares: request ids, the error shape, security headers, CORS, the
// OpenAPI document, and the dashboard assets served beside the API.
import { createExecutionContext, env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../support/worker-database";

useTestDatabase();

const ip = { "CF-Connecting-IP": "10.0.1.1" };

describe("HTTP contract", () => {
  it("answers an unauthenticated API call with the error shape and a request id", async () => {
    const response = await SELF.fetch("http://edge.test/api/nope", { headers: ip });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe("UNAUTHORIZED");
    expect(body.error.message.length).toBeGreaterThan(0);
    expect(body.error.requestId).toBe(response.headers.get("X-Request-Id"));
  });

  it("keeps a sane caller request id and replaces an unsafe one", async () => {
    const kept = await SELF.fetch("http://edge.test/api/health", {
      headers: { ...ip, "X-Request-Id": "trace-12345678" },
    });
    expect(kept.headers.get("X-Request-Id")).toBe("trace-12345678");
    const replaced = await SELF.fetch("http://edge.test/api/health", {
      headers: { ...ip, "X-Request-Id": "<script>" },
    });
    expect(replaced.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("sets security headers on API answers", async () => {
    const response = await SELF.fetch("http://edge.test/api/health", { headers: ip });
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("X-Frame-Options")).toBe("DENY");
    expect(response.headers.get("Strict-Transport-Security")).toContain("max-age=");
  });

  it("allows CORS only for configured origins", async () => {
    const allowed = await SELF.fetch("http://edge.test/api/health", {
      method: "OPTIONS",
      headers: { ...ip, Origin: "http://localhost:8787", "Access-Control-Request-Method": "GET" },
    });
    expect(allowed.headers.get("Access-Control-Allow-Origin")).toBe("http://localhost:8787");
    const denied = await SELF.fetch("http://edge.test/api/health", {
      method: "OPTIONS",
      headers: { ...ip, Origin: "https://evil.example", "Access-Control-Request-Method": "GET" },
    });
    expect(denied.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("answers a preflight only for a path that exists, naming the methods that path takes", async () => {
    const preflight = (path: string) =>
      SELF.fetch(`http://edge.test${path}`, {
        method: "OPTIONS",
        headers: { ...ip, Origin: "http://localhost:8787", "Access-Control-Request-Method": "GET" },
      });
    for (const [path, methods] of [
      ["/api/dashboard", "GET,HEAD"],
      ["/api/users", "GET,POST,HEAD"],
      ["/api/users/00000000-0000-4000-8000-000000000000", "PATCH"],
      ["/api/alerts/channels/webhook", "PUT"],
    ] as const) {
      const answer = await preflight(path);
      expect({ path, status: answer.status }).toEqual({ path, status: 204 });
      expect(answer.headers.get("Access-Control-Allow-Origin")).toBe("http://localhost:8787");
      expect(answer.headers.get("Access-Control-Allow-Credentials")).toBe("true");
      expect(answer.headers.get("Access-Control-Allow-Methods")).toBe(methods);
    }
    for (const path of ["/api/nope", "/api", "/api/dashboard/extra", "/api/users/1/2"]) {
      const answer = await preflight(path);
      expect({ path, status: answer.status }).toEqual({ path, status: 404 });
      expect(answer.headers.get("Access-Control-Allow-Methods")).toBeNull();
      expect(((await answer.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    }
  });

  it("publishes an OpenAPI 3.1 document that lists the health route", async () => {
    const response = await SELF.fetch("http://edge.test/api/openapi.json", { headers: ip });
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/api/health");
  });

  it("serves the dashboard page from the static assets, with the SPA fallback", async () => {
    for (const path of ["/", "/inventory/some-deep-link"]) {
      // In production the asset router answers these before the Worker; a request that does reach the
      // Worker is handed to the same assets.
      const response = await SELF.fetch(`http://edge.test${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toContain("text/html");
      expect(await response.text()).toContain('<div id="app">');
    }
  });
});

describe("configuration", () => {
  it("answers 503 in the error shape when a variable is bad, naming no secret", async () => {
    const { createApp } = await import("../../../worker/app");
    const broken = { ...env, CACHE_TTL_SECONDS: "five minutes", SESSION_SECRET: "short" };
    const response = await createApp().fetch(
      new Request("http://edge.test/api/health", { headers: ip }),
      broken,
      createExecutionContext(),
    );
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe("SERVICE_UNAVAILABLE");
    expect(body.error.requestId).toBe(response.headers.get("X-Request-Id"));
    expect(body.error.message).not.toContain("short");
    expect(response.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
  });
});
