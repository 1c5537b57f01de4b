// The security headers every answer carries, HTML and JSON alike: one strict Content-Security-Policy (the
// dashboard and /api/docs load only same-origin scripts and styles, no inline code), no framing, no MIME
// sniffing, HTTPS only, no referrer sent to other sites.
//
// Two places apply them. The dashboard's HTML and assets are answered by the static-asset router without
// running the Worker, so they get them from `_headers` in the assets directory, written at build time from
// this module (web/vite.config.ts); `wrangler dev` honours that file as production does. Routing every page
// through the Worker instead would cost a Worker invocation (and its CPU and latency) per page and asset
// load for headers that never change. /api answers come from the Worker, which sets the same headers
// (worker/app.ts). A test compares the two (test/worker/foundation/security-headers.test.ts).

/** Same origin only; `data:` images for the browser's own SVG icons in CSS; nothing may frame a page. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-site",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

/** The static assets' `_headers` file: every path, the deep links the SPA fallback answers included. */
export function assetHeadersFile(): string {
  const lines = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  return `# Written by web/vite.config.ts from worker/security-headers.ts; do not edit.\n/*\n${lines.join("\n")}\n`;
}
