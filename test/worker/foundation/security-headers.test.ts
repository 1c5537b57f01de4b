// Security headers: the dashboard's pages (the root and a deep link answered by the SPA fallback), the API,
// its errors and the docs page all carry the same strict CSP, no framing, nosniff, HSTS and Referrer-Policy;
// the docs page has nothing inline that the CSP would block.
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { SECURITY_HEADERS } from "../../../worker/security-headers";
import { useTestDatabase } from "../../support/worker-database";

useTestDatabase();

const ip = { "CF-Connecting-IP": "10.0.9.1" };

function expectSecurityHeaders(response: Response): void {
  const csp = response.headers.get("Content-Security-Policy") ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-inline");
  expect(response.headers.get("X-Frame-Options")).toBe("DENY");
  expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  expect(response.headers.get("Strict-Transport-Security")).toMatch(/^max-age=\d{8}/);
  expect(response.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    expect(response.headers.get(name)).toBe(value);
}

describe("security headers", () => {
  it("on the dashboard's root and on a deep link", async () => {
    for (const path of ["/", "/inventory/some-deep-link", "/products/42"]) {
      const response = await SELF.fetch(`http://edge.test${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toContain("text/html");
      expectSecurityHeaders(response);
    }
  });

  it("on API answers and API errors", async () => {
    expectSecurityHeaders(await SELF.fetch("http://edge.test/api/health", { headers: ip }));
    const unauthorized = await SELF.fetch("http://edge.test/api/inventory", { headers: ip });
    expect(unauthorized.status).toBe(401);
    expectSecurityHeaders(unauthorized);
  });

  it("on /api/docs, whose page needs nothing the CSP blocks", async () => {
    const docs = await SELF.fetch("http://edge.test/api/docs", { headers: ip });
    expect(docs.status).toBe(200);
    expectSecurityHeaders(docs);
    const html = await docs.text();
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=|javascript:/i);
    const stylesheet = html.match(/<link rel="stylesheet" href="([^"]+)">/)?.[1];
    expect(stylesheet).toBe("/api/docs/style.css");
    const css = await SELF.fetch(`http://edge.test${stylesheet}`, { headers: ip });
    expect(css.status).toBe(200);
    expect(css.headers.get("Content-Type")).toContain("text/css");
    expect(await css.text()).toContain("font:");
  });
});
